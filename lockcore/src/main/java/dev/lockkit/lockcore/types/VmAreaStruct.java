package dev.lockkit.lockcore.types;

import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.config.Option;
import dev.lockkit.lockcore.sync.LockClassKey;
import dev.lockkit.lockcore.sync.Poisonable;
import dev.lockkit.lockcore.sync.Refcount;
import dev.lockkit.lockcore.sync.SharedInt;
import dev.lockkit.lockcore.sync.SharedLong;
import dev.lockkit.lockcore.sync.SharedRef;
import dev.lockkit.lockcore.sync.SyncContext;

/**
 * {@code struct vm_area_struct}: one mapping [vm_start, vm_end) of an mm.
 *
 * <p>Every field that lockless readers may look at while a writer changes it is a {@code sync}
 * cell. VMAs come from a {@code SLAB_TYPESAFE_BY_RCU} cache, so an object can be freed and reused
 * for another mm while an RCU reader still holds a pointer to it; the per-VMA lock fields ({@code
 * vm_refcnt}, {@code vm_lock_seq}) are therefore initialised once per object, like the kernel's
 * slab constructor, and never reset on reuse while readers might race.
 *
 * <p>{@code vm_refcnt} encoding (PER_VMA_LOCK): 0 detached; 1 attached, no readers; 1 + n with n
 * readers; {@link #VMA_LOCK_OFFSET} added while a writer or detacher drains readers. Write
 * ownership is not in the count: a VMA is write-locked when {@code vm_lock_seq} equals its mm's
 * {@code mm_lock_seq}.
 */
public final class VmAreaStruct extends Poisonable {
  /**
   * {@code VMA_LOCK_OFFSET}: the bias a writer adds to {@code vm_refcnt} while draining readers.
   */
  public static final int VMA_LOCK_OFFSET = 0x40000000;

  /** {@code VMA_REF_LIMIT}: readers can raise {@code vm_refcnt} only below this. */
  public static final int VMA_REF_LIMIT = VMA_LOCK_OFFSET - 1;

  /** The lock class of every VMA's {@code vmlock_dep_map} ({@code "vm_lock"}). */
  public static final LockClassKey VM_LOCK_KEY = new LockClassKey("vm_lock");

  private final SharedLong vmStart = new SharedLong(0);
  private final SharedLong vmEnd = new SharedLong(0);
  private final SharedLong vmPgoff = new SharedLong(0);
  private final SharedLong vmFlags = new SharedLong(0);
  private final SharedLong vmPageProt = new SharedLong(0);
  private final SharedRef<MmStruct> vmMm = new SharedRef<>(null);
  private final SharedRef<String> vmFile = new SharedRef<>(null);
  private final SharedRef<Object> anonVma = new SharedRef<>(null);

  // Written once in the constructor (the slab constructor), before the object is shared.
  @IfConfig("PER_VMA_LOCK")
  private Refcount vmRefcnt;

  @IfConfig("PER_VMA_LOCK")
  private SharedInt vmLockSeq;

  @IfConfig("PER_VMA_LOCK && DEBUG_LOCK_ALLOC")
  private dev.lockkit.lockcore.sync.LockdepMap vmlockDepMap;

  private final int serial;

  /**
   * A fresh, detached VMA object ({@code vm_area_ctor()}); {@code serial} is a deterministic
   * allocation number used only in diagnostics.
   */
  public VmAreaStruct(SyncContext ctx, int serial) {
    super(ctx.reports());
    this.serial = serial;
    if (ctx.config().isEnabled(Option.PER_VMA_LOCK)) {
      this.vmRefcnt = new Refcount(ctx.reports(), 0);
      this.vmLockSeq = new SharedInt(-1); // UINT_MAX: never a valid mm_lock_seq
      if (ctx.config().isEnabled(Option.DEBUG_LOCK_ALLOC)) {
        this.vmlockDepMap =
            new dev.lockkit.lockcore.sync.LockdepMap("vma#" + serial + "->vm_lock", VM_LOCK_KEY);
      }
    }
  }

  /**
   * {@code vma_init()}: resets the non-lock fields for a new owner {@code mm}. The lock fields are
   * left to {@code vma_lock_init()}.
   */
  public void init(MmStruct mm) {
    unpoison();
    vmMm.set(mm);
    vmStart.set(0);
    vmEnd.set(0);
    vmPgoff.set(0);
    vmFlags.set(0);
    vmPageProt.set(0);
    vmFile.set(null);
    anonVma.set(null);
  }

  /** {@code vma_copy()}: copies the non-lock fields of {@code orig}, keeping this VMA's mm. */
  public void copyFrom(VmAreaStruct orig) {
    vmStart.set(orig.vmStart());
    vmEnd.set(orig.vmEnd());
    vmPgoff.set(orig.vmPgoff());
    vmFlags.set(orig.vmFlags());
    vmPageProt.set(orig.vmPageProt());
    vmFile.set(orig.vmFile());
    anonVma.set(orig.anonVma());
  }

  /** {@code vma->vm_start}. */
  public long vmStart() {
    checkAlive("vm_start");
    // A plain field in the kernel, read under the mmap lock or a VMA reference that keeps writers
    // out (lock_vma_under_rcu() reads it after its acquire). Opaque: an untorn long, no barrier.
    return vmStart.getOpaque();
  }

  /** Sets {@code vm_start}; the caller holds the VMA write lock. */
  public void setVmStart(long v) {
    checkAlive("vm_start");
    vmStart.set(v);
  }

  /** {@code vma->vm_end} (exclusive). */
  public long vmEnd() {
    checkAlive("vm_end");
    // As vm_start.
    return vmEnd.getOpaque();
  }

  /** Sets {@code vm_end}; the caller holds the VMA write lock. */
  public void setVmEnd(long v) {
    checkAlive("vm_end");
    vmEnd.set(v);
  }

  /** {@code vma->vm_pgoff}: file offset of vm_start, in pages. */
  public long vmPgoff() {
    checkAlive("vm_pgoff");
    return vmPgoff.get();
  }

  /** Sets {@code vm_pgoff}. */
  public void setVmPgoff(long v) {
    checkAlive("vm_pgoff");
    vmPgoff.set(v);
  }

  /** {@code vma->vm_flags}. */
  public long vmFlags() {
    checkAlive("vm_flags");
    return vmFlags.get();
  }

  /** {@code vm_flags_reset()}: the caller holds the VMA write lock. */
  public void setVmFlags(long v) {
    checkAlive("vm_flags");
    vmFlags.set(v);
  }

  /** {@code vma->vm_page_prot}: derived from the flags, written after them. */
  public long vmPageProt() {
    checkAlive("vm_page_prot");
    return vmPageProt.get();
  }

  /** Sets {@code vm_page_prot}. */
  public void setVmPageProt(long v) {
    checkAlive("vm_page_prot");
    vmPageProt.set(v);
  }

  /** {@code vma->vm_mm}: may change under an RCU reader when the object is reused. */
  public MmStruct vmMm() {
    checkAlive("vm_mm");
    // A plain field in the kernel. Written by vma_init() before the VMA is published (the tree's
    // release store, the attach's release of vm_refcnt), so a reader that reached it through an
    // acquire sees the current owner; an RCU reader holding a reused object may read a newer
    // owner, which is exactly what vma_start_read() checks for. A reference load cannot tear.
    return vmMm.getPlain();
  }

  /** {@code vma->vm_file}: the file name, or null for anonymous memory. */
  public String vmFile() {
    checkAlive("vm_file");
    return vmFile.get();
  }

  /** Sets {@code vm_file}. */
  public void setVmFile(String file) {
    vmFile.set(file);
  }

  /** {@code vma->anon_vma}: set by the first anonymous fault. */
  public Object anonVma() {
    checkAlive("anon_vma");
    return anonVma.get();
  }

  /** {@code __anon_vma_prepare()}: installs {@code av} unless one is set; returns the result. */
  public Object prepareAnonVma(Object av) {
    checkAlive("anon_vma");
    anonVma.compareAndSet(null, av);
    return anonVma.get();
  }

  /** {@code vma->vm_refcnt}. */
  @IfConfig("PER_VMA_LOCK")
  public Refcount vmRefcnt() {
    return vmRefcnt;
  }

  /** {@code vma->vm_lock_seq}. */
  @IfConfig("PER_VMA_LOCK")
  public SharedInt vmLockSeq() {
    return vmLockSeq;
  }

  /** {@code vma->vmlock_dep_map}. */
  @IfConfig("PER_VMA_LOCK && DEBUG_LOCK_ALLOC")
  public dev.lockkit.lockcore.sync.LockdepMap vmlockDepMap() {
    return vmlockDepMap;
  }

  @Override
  protected String describe() {
    return "vma#" + serial;
  }

  /** {@code [start-end)} in hex with the maps permissions; deterministic. */
  @Override
  public String toString() {
    return String.format(
        "vma[%x-%x %s]",
        vmStart.getOpaque(), vmEnd.getOpaque(), VmFlags.mapsPerms(vmFlags.getOpaque()));
  }
}
