package dev.lockkit.lockcore.mmaplock;

import dev.lockkit.lockcore.config.Config;
import dev.lockkit.lockcore.config.Option;
import dev.lockkit.lockcore.sync.SyncContext;
import dev.lockkit.lockcore.trace.Tracer;
import dev.lockkit.lockcore.types.MmStruct;
import java.util.OptionalInt;

/**
 * The mmap_lock API of {@code include/linux/mmap_lock.h} for one booted kernel.
 *
 * <p>Orderings match v6.16 exactly, because the golden traces record them:
 *
 * <ul>
 *   <li>write lock: trace start_locking, take the rwsem, {@code mm_lock_seqcount_begin} (sequence
 *       odd), trace acquire_returned. The killable form begins the seqcount only on success.
 *   <li>write unlock: trace released, {@code vma_end_write_all}, {@code up_write}.
 *   <li>downgrade: trace acquire_returned(read, success) — there is no released event — then {@code
 *       vma_end_write_all}, then {@code downgrade_write}.
 *   <li>read lock variants trace start_locking / acquire_returned and never touch the seqcount.
 * </ul>
 *
 * <p>The configuration-dependent parts are chosen at boot: {@link MmapLockTrace} (TRACING) and
 * {@link MmLockSeq} (PER_VMA_LOCK).
 */
public final class MmapLock {
  /** {@code SINGLE_DEPTH_NESTING}: the lockdep subclass of a second mmap_lock (fork's child). */
  public static final int SINGLE_DEPTH_NESTING = 1;

  private final MmapLockTrace trace;
  private final MmLockSeq seq;

  /** The mmap_lock API of a kernel with {@code ctx} and {@code tracer}. */
  public MmapLock(SyncContext ctx, Tracer tracer) {
    Config config = ctx.config();
    if (config.isEnabled(Option.TRACING)) {
      this.trace = new MmapLockTraceOn(tracer.tracepoints());
    } else {
      this.trace = new MmapLockTraceOff();
    }
    if (config.isEnabled(Option.PER_VMA_LOCK)) {
      this.seq = new MmLockSeqPerVma();
    } else {
      this.seq = new MmLockSeqStub();
    }
  }

  /** The seqcount variant point (for {@code vmalock}). */
  public MmLockSeq seq() {
    return seq;
  }

  /** {@code mmap_write_lock()}. */
  public void mmapWriteLock(MmStruct mm) {
    trace.startLocking(mm, true);
    mm.mmapLock().downWrite();
    seq.begin(mm);
    trace.acquireReturned(mm, true, true);
  }

  /**
   * {@code mmap_write_lock_nested()}: as {@link #mmapWriteLock} in lockdep subclass {@code
   * subclass}.
   */
  public void mmapWriteLockNested(MmStruct mm, int subclass) {
    trace.startLocking(mm, true);
    mm.mmapLock().downWriteNested(subclass);
    seq.begin(mm);
    trace.acquireReturned(mm, true, true);
  }

  /** {@code mmap_write_lock_killable()}: 0, or {@code -EINTR} with nothing held. */
  public int mmapWriteLockKillable(MmStruct mm) {
    trace.startLocking(mm, true);
    int ret = mm.mmapLock().downWriteKillable();
    if (ret == 0) {
      seq.begin(mm);
    }
    trace.acquireReturned(mm, true, ret == 0);
    return ret;
  }

  /** {@code mmap_write_unlock()}. */
  public void mmapWriteUnlock(MmStruct mm) {
    trace.released(mm, true);
    seq.vmaEndWriteAll(mm);
    mm.mmapLock().upWrite();
  }

  /** {@code mmap_write_downgrade()}. */
  public void mmapWriteDowngrade(MmStruct mm) {
    trace.acquireReturned(mm, false, true);
    seq.vmaEndWriteAll(mm);
    mm.mmapLock().downgradeWrite();
  }

  /** {@code mmap_read_lock()}. */
  public void mmapReadLock(MmStruct mm) {
    trace.startLocking(mm, false);
    mm.mmapLock().downRead();
    trace.acquireReturned(mm, false, true);
  }

  /** {@code mmap_read_lock_killable()}: 0, or {@code -EINTR} with nothing held. */
  public int mmapReadLockKillable(MmStruct mm) {
    trace.startLocking(mm, false);
    int ret = mm.mmapLock().downReadKillable();
    trace.acquireReturned(mm, false, ret == 0);
    return ret;
  }

  /** {@code mmap_read_trylock()}. */
  public boolean mmapReadTrylock(MmStruct mm) {
    trace.startLocking(mm, false);
    boolean ok = mm.mmapLock().downReadTrylock();
    trace.acquireReturned(mm, false, ok);
    return ok;
  }

  /** {@code mmap_read_unlock()}. */
  public void mmapReadUnlock(MmStruct mm) {
    trace.released(mm, false);
    mm.mmapLock().upRead();
  }

  /** {@code mmap_assert_locked()}: a BUG unless the mmap_lock is held (read or write). */
  public void mmapAssertLocked(MmStruct mm) {
    mm.mmapLock().assertHeld();
  }

  /** {@code mmap_assert_write_locked()}: a BUG unless this task holds it for writing. */
  public void mmapAssertWriteLocked(MmStruct mm) {
    mm.mmapLock().assertHeldWrite();
  }

  /** {@code mmap_lock_is_contended()}. */
  public boolean mmapLockIsContended(MmStruct mm) {
    return mm.mmapLock().isContended();
  }

  /** {@code mmap_lock_speculate_try_begin()}: see {@link MmLockSeq#speculateTryBegin}. */
  public OptionalInt mmapLockSpeculateTryBegin(MmStruct mm) {
    return seq.speculateTryBegin(mm);
  }

  /** {@code mmap_lock_speculate_retry()}: see {@link MmLockSeq#speculateRetry}. */
  public boolean mmapLockSpeculateRetry(MmStruct mm, int s) {
    return seq.speculateRetry(mm, s);
  }

  /** {@code vma_end_write_all()}: see {@link MmLockSeq#vmaEndWriteAll}. */
  public void vmaEndWriteAll(MmStruct mm) {
    seq.vmaEndWriteAll(mm);
  }
}
