package dev.lockkit.lockcore.vmalock;

import static dev.lockkit.lockcore.types.VmAreaStruct.VMA_LOCK_OFFSET;
import static dev.lockkit.lockcore.types.VmAreaStruct.VMA_REF_LIMIT;

import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.config.Option;
import dev.lockkit.lockcore.mmaplock.MmapLock;
import dev.lockkit.lockcore.sync.Rcu;
import dev.lockkit.lockcore.sync.RcuReader;
import dev.lockkit.lockcore.sync.Refcount;
import dev.lockkit.lockcore.sync.SyncContext;
import dev.lockkit.lockcore.trace.Tracer;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmAreaStruct;
import dev.lockkit.lockcore.types.VmaTree;

/**
 * The CONFIG_PER_VMA_LOCK definitions of {@code mmap_lock.h} / {@code mmap_lock.c}.
 *
 * <p>Implementation overview. A VMA's read lock is a reference in {@code vm_refcnt} (see {@link
 * VmAreaStruct} for the encoding); its write lock is {@code vm_lock_seq == mm->mm_lock_seq}, which
 * only the mmap write-lock holder can establish and which {@code vma_end_write_all()} breaks for
 * all VMAs at once by advancing the sequence.
 *
 * <ul>
 *   <li>Readers ({@link #vmaStartRead}) take a reference only while the count is non-zero
 *       (attached) and below {@link VmAreaStruct#VMA_REF_LIMIT} (no writer draining), then check,
 *       with acquire ordering, that the VMA is not write-locked in the current sequence. A writer
 *       that got in between is seen by that check; a writer that comes later waits for the
 *       reference to go.
 *   <li>Writers ({@link #vmaStartWrite}) add {@link VmAreaStruct#VMA_LOCK_OFFSET} so no new reader
 *       can get in, sleep on {@code mm->vma_writer_wait} until only their own bias and the
 *       attachment reference remain, publish {@code vm_lock_seq}, and remove the bias. The last
 *       reader to leave wakes them ({@link #vmaEndRead}).
 *   <li>VMAs live in a type-safe cache and can be reused for another mm while an RCU reader still
 *       holds the old pointer, so a successful reference is validated against {@code vm_mm}: for a
 *       foreign mm the reader pins that mm across its put (the writer it may wake belongs to that
 *       mm) and fails (the 6.16.1 fix).
 * </ul>
 */
@IfConfig("PER_VMA_LOCK")
public final class VmaLockPerVma implements VmaLock {
  private final SyncContext ctx;
  private final MmapLock mmapLock;
  private final Tracer tracer;
  // HistoricalBug.VMA_REUSE_WITHOUT_MM_CHECK: vma_start_read() as before 6.16.1, without the
  // vm_mm check, so a reference on a VMA reused by another mm is dropped without pinning that mm.
  private final boolean withoutMmCheck;

  /** The per-VMA lock API of a kernel. */
  public VmaLockPerVma(SyncContext ctx, MmapLock mmapLock, Tracer tracer) {
    this(ctx, mmapLock, tracer, false);
  }

  /**
   * The per-VMA lock API; {@code withoutMmCheck} puts back the pre-6.16.1 {@code vma_start_read()}
   * ({@code HistoricalBug.VMA_REUSE_WITHOUT_MM_CHECK}; only {@code Kernel.bootWithHistoricalBug}).
   */
  public VmaLockPerVma(SyncContext ctx, MmapLock mmapLock, Tracer tracer, boolean withoutMmCheck) {
    this.ctx = ctx;
    this.mmapLock = mmapLock;
    this.tracer = tracer;
    this.withoutMmCheck = withoutMmCheck;
  }

  // ---- lockdep annotations on vmlock_dep_map ----

  private void lockdepAcquire(VmAreaStruct vma, boolean read, boolean trylock) {
    if (ctx.config().isEnabled(Option.DEBUG_LOCK_ALLOC)) {
      ctx.lockdep().acquire(vma.vmlockDepMap(), 0, read, trylock);
    }
  }

  private void lockdepRelease(VmAreaStruct vma) {
    if (ctx.config().isEnabled(Option.DEBUG_LOCK_ALLOC)) {
      ctx.lockdep().release(vma.vmlockDepMap());
    }
  }

  @Override
  public void vmaLockInit(VmAreaStruct vma, boolean resetRefcnt) {
    // The lockdep map is initialised once per object, in the VMA's constructor (slab ctor).
    if (resetRefcnt) {
      vma.vmRefcnt().set(0);
    }
    vma.vmLockSeq().setOpaque(-1); // UINT_MAX
  }

  /** {@code is_vma_writer_only()}: a writer bias and at most the attachment reference remain. */
  static boolean isVmaWriterOnly(int refcnt) {
    return (refcnt & VMA_LOCK_OFFSET) != 0 && refcnt <= VMA_LOCK_OFFSET + 1;
  }

  /** {@code vma_refcount_put()}: drops a reader reference and wakes a draining writer if last. */
  void vmaRefcountPut(VmAreaStruct vma) {
    // Copy vm_mm first: once the reference is gone the VMA may be freed and reused.
    MmStruct mm = vma.vmMm();
    lockdepRelease(vma);
    Refcount.Dec d = vma.vmRefcnt().decAndTest();
    if (!d.zero() && isVmaWriterOnly(d.old() - 1)) {
      mm.vmaWriterWait().wakeUp();
    }
  }

  @Override
  public VmaStartRead vmaStartRead(MmStruct mm, VmAreaStruct vma) {
    // Lockless early bail-out; only a hint, the ordered check is below.
    if (vma.vmLockSeq().getOpaque() == mm.mmLockSeq().readOnce()) {
      return VmaStartRead.failed();
    }
    // Fails while VMA_LOCK_OFFSET is set, since VMA_REF_LIMIT is below it. Acquire orders the
    // later vm_lock_seq and range checks after taking the reference.
    Refcount.Attempt a = vma.vmRefcnt().incNotZeroLimitedAcquire(VMA_REF_LIMIT);
    if (!a.ok()) {
      return a.old() == 0 ? VmaStartRead.detached() : VmaStartRead.failed();
    }
    lockdepAcquire(vma, true, true);
    if (withoutMmCheck) {
      // Before 6.16.1: no vm_mm check. A VMA reused by another mm is treated as ours; the caller
      // (lock_vma_under_rcu) sees the wrong vm_mm and drops the reference with vma_end_read(),
      // whose wake-up may reach that mm after it was freed.
      return vmaCheckLockSeq(mm, vma);
    }
    MmStruct other = vma.vmMm();
    if (other != mm) {
      // Reused for another mm under us: that mm may go away right after our put, before the
      // wake-up; pin it across the put, outside RCU because dropping the pin may be heavy.
      Rcu rcu = ctx.rcu();
      rcu.readUnlock();
      other.mmgrab();
      vmaRefcountPut(vma);
      other.mmdrop();
      rcu.readLock();
      return VmaStartRead.failed();
    }
    return vmaCheckLockSeq(mm, vma);
  }

  /**
   * The end of {@code vma_start_read()}: with a reference held, fail if the VMA is write-locked.
   */
  private VmaStartRead vmaCheckLockSeq(MmStruct mm, VmAreaStruct vma) {
    // Acquire pairs with the release in vma_end_write_all(): a reader racing with the unlock only
    // reads the VMA after it was unlocked. An overflowed sequence can give a false "locked" only.
    // vm_lock_seq is a plain read in the kernel: it is written only by a writer that drained the
    // readers, and we hold a reference, so it cannot change under us.
    if (vma.vmLockSeq().getPlain() == mm.mmLockSeq().rawRead()) {
      vmaRefcountPut(vma);
      return VmaStartRead.failed();
    }
    return VmaStartRead.locked(vma);
  }

  /**
   * {@code vma_start_read_locked_nested(vma, subclass)}: read-locks under the mmap read lock, where
   * no writer can be active, so it fails only if the reference count would overflow the limit.
   */
  public boolean vmaStartReadLockedNested(VmAreaStruct vma, int subclass) {
    mmapLock.mmapAssertLocked(vma.vmMm());
    if (!vma.vmRefcnt().incNotZeroLimitedAcquire(VMA_REF_LIMIT).ok()) {
      return false;
    }
    lockdepAcquire(vma, true, true);
    return true;
  }

  /** {@code vma_start_read_locked(vma)}. */
  public boolean vmaStartReadLocked(VmAreaStruct vma) {
    return vmaStartReadLockedNested(vma, 0);
  }

  @Override
  public void vmaEndRead(VmAreaStruct vma) {
    vmaRefcountPut(vma);
  }

  /**
   * {@code __is_vma_write_locked()}: only with the mmap write lock held, when neither sequence can
   * change under us.
   */
  private boolean isVmaWriteLocked(VmAreaStruct vma) {
    mmapLock.mmapAssertWriteLocked(vma.vmMm());
    return vma.vmLockSeq().getOpaque() == vma.vmMm().mmLockSeq().readOnce();
  }

  @Override
  public void vmaStartWrite(VmAreaStruct vma) {
    if (isVmaWriteLocked(vma)) {
      return;
    }
    vmaStartWriteSlow(vma, vma.vmMm().mmLockSeq().readOnce());
  }

  /** {@code __vma_start_write()}. */
  private void vmaStartWriteSlow(VmAreaStruct vma, int mmLockSeq) {
    // Returns false at once for a detached VMA; otherwise waits for readers to drain.
    boolean locked = vmaEnterLocked(vma, false);
    // Opaque store: the early check in vma_start_read() reads it without locks.
    vma.vmLockSeq().setOpaque(mmLockSeq);
    if (locked) {
      boolean detached = vmaExitLocked(vma);
      if (detached) {
        ctx.reports().warnOnce("__vma_start_write", "vma_start_write: " + vma + " got detached");
      }
    }
  }

  /**
   * {@code __vma_enter_locked()}: adds the writer bias (only to an attached VMA; the mmap write
   * lock keeps vma_mark_attached() out) and waits uninterruptibly until only the bias, plus the
   * attachment reference unless detaching, remains.
   */
  private boolean vmaEnterLocked(VmAreaStruct vma, boolean detaching) {
    int target = detaching ? VMA_LOCK_OFFSET : VMA_LOCK_OFFSET + 1;
    Refcount refcnt = vma.vmRefcnt();
    if (!refcnt.addNotZero(VMA_LOCK_OFFSET)) {
      return false;
    }
    lockdepAcquire(vma, false, false);
    vma.vmMm().vmaWriterWait().waitEvent(() -> refcnt.read() == target);
    return true;
  }

  /** {@code __vma_exit_locked()}: removes the bias; whether the count dropped to zero. */
  private boolean vmaExitLocked(VmAreaStruct vma) {
    boolean detached = vma.vmRefcnt().subAndTest(VMA_LOCK_OFFSET);
    lockdepRelease(vma);
    return detached;
  }

  @Override
  public void vmaAssertWriteLocked(VmAreaStruct vma) {
    if (!isVmaWriteLocked(vma)) {
      throw ctx.reports().bug("VM_BUG_ON_VMA: " + vma + " is not write-locked");
    }
  }

  @Override
  public void vmaAssertLocked(VmAreaStruct vma) {
    if (vma.vmRefcnt().read() <= 1 && !isVmaWriteLocked(vma)) {
      throw ctx.reports().bug("VM_BUG_ON_VMA: " + vma + " is not locked");
    }
  }

  @Override
  public void vmaAssertAttached(VmAreaStruct vma) {
    if (vma.vmRefcnt().read() == 0) {
      ctx.reports().warnOnce("vma_assert_attached", "vma_assert_attached: " + vma + " is detached");
    }
  }

  @Override
  public void vmaAssertDetached(VmAreaStruct vma) {
    if (vma.vmRefcnt().read() != 0) {
      ctx.reports().warnOnce("vma_assert_detached", "vma_assert_detached: " + vma + " is attached");
    }
  }

  @Override
  public void vmaMarkAttached(VmAreaStruct vma) {
    vmaAssertWriteLocked(vma);
    vmaAssertDetached(vma);
    vma.vmRefcnt().setRelease(1);
  }

  @Override
  public void vmaMarkDetached(VmAreaStruct vma) {
    vmaAssertWriteLocked(vma);
    vmaAssertAttached(vma);
    // We are the only writer. Readers can raise the count only briefly (they see the write lock
    // and back off), so this is rarely taken.
    if (!vma.vmRefcnt().decAndTest().zero()) {
      if (vmaEnterLocked(vma, true)) {
        if (!vmaExitLocked(vma)) {
          ctx.reports()
              .warnOnce("vma_mark_detached", "vma_mark_detached: " + vma + " still referenced");
        }
      }
    }
  }

  @Override
  public VmAreaStruct lockVmaUnderRcu(MmStruct mm, long address) {
    Rcu rcu = ctx.rcu();
    // The tree object is the mm's for life: loaded before the section's fence, it is not one more
    // load between the fence and the vm_refcnt CAS.
    VmaTree mt = mm.mmMt();
    // One look-up of current for the whole section (the section is opened and closed here).
    RcuReader reader = rcu.readLockToken();
    for (; ; ) {
      VmAreaStruct vma = mt.walk(address);
      if (vma == null) {
        break;
      }
      VmaStartRead r = vmaStartRead(mm, vma);
      if (!r.ok()) {
        if (r.error() != 0) {
          // Detached after we found it: the range was replaced; look again.
          if (ctx.config().isEnabled(Option.PER_VMA_LOCK_STATS)) {
            tracer.vmEvents().count(dev.lockkit.lockcore.trace.VmaLockEvent.VMA_LOCK_MISS);
          }
          continue;
        }
        break;
      }
      // Stable now: the VMA is read-locked and was not isolated. Check it is the right one.
      if (vma.vmMm() != mm || address < vma.vmStart() || address >= vma.vmEnd()) {
        vmaEndRead(vma);
        break;
      }
      rcu.readUnlock(reader);
      return vma;
    }
    rcu.readUnlock(reader);
    if (ctx.config().isEnabled(Option.PER_VMA_LOCK_STATS)) {
      tracer.vmEvents().count(dev.lockkit.lockcore.trace.VmaLockEvent.VMA_LOCK_ABORT);
    }
    return null;
  }
}
