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
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * {@code struct vm_area_struct}: one mapping [vm_start, vm_end) of an mm.
 *
 * <p>Every field that lockless readers may look at while a writer changes it is a {@code sync}
 * cell, or (vm_start, vm_end, vm_mm) a word of this object accessed only through cell operations.
 * VMAs come from a {@code SLAB_TYPESAFE_BY_RCU} cache, so an object can be freed and reused for
 * another mm while an RCU reader still holds a pointer to it; the per-VMA lock fields ({@code
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

  private static final VarHandle VM_START;
  private static final VarHandle VM_END;
  private static final VarHandle VM_MM;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      VM_START = l.findVarHandle(VmAreaStruct.class, "vmStart", long.class);
      VM_END = l.findVarHandle(VmAreaStruct.class, "vmEnd", long.class);
      VM_MM = l.findVarHandle(VmAreaStruct.class, "vmMm", MmStruct.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // vm_start, vm_end and vm_mm sit in the object, not in a SharedLong/SharedRef of their own:
  // lock_vma_under_rcu() and vma_end_read() read vm_mm three times and the range once each, after
  // the vm_refcnt CAS and before the release decrement, and a cell was one more dependent load
  // (and one more platform field) each time. Every access is still a cell operation: the hook, op
  // name and access mode of the SharedLong/SharedRef method it replaces (see Poisonable#hook).
  @SuppressWarnings("unused") // accessed through VM_START only
  private long vmStart;

  @SuppressWarnings("unused") // accessed through VM_END only
  private long vmEnd;

  @SuppressWarnings("unused") // accessed through VM_MM only
  private MmStruct vmMm;

  private final SharedLong vmPgoff = new SharedLong(0);
  private final SharedLong vmFlags = new SharedLong(0);
  private final SharedLong vmPageProt = new SharedLong(0);
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
    hook("ref.set");
    VM_MM.setVolatile(this, mm);
    setLong(VM_START, 0);
    setLong(VM_END, 0);
    vmPgoff.set(0);
    vmFlags.set(0);
    vmPageProt.set(0);
    vmFile.set(null);
    anonVma.set(null);
  }

  /** {@code vma_copy()}: copies the non-lock fields of {@code orig}, keeping this VMA's mm. */
  public void copyFrom(VmAreaStruct orig) {
    setLong(VM_START, orig.vmStart());
    setLong(VM_END, orig.vmEnd());
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
    return getLongOpaque(VM_START);
  }

  /** Sets {@code vm_start}; the caller holds the VMA write lock. */
  public void setVmStart(long v) {
    checkAlive("vm_start");
    setLong(VM_START, v);
  }

  /** {@code vma->vm_end} (exclusive). */
  public long vmEnd() {
    checkAlive("vm_end");
    // As vm_start.
    return getLongOpaque(VM_END);
  }

  /** Sets {@code vm_end}; the caller holds the VMA write lock. */
  public void setVmEnd(long v) {
    checkAlive("vm_end");
    setLong(VM_END, v);
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
    hook("ref.getPlain");
    return (MmStruct) VM_MM.get(this);
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
        getLongOpaque(VM_START), getLongOpaque(VM_END), VmFlags.mapsPerms(vmFlags.getOpaque()));
  }

  /** SharedLong.set: a volatile store. */
  private void setLong(VarHandle word, long v) {
    hook("long.set");
    word.setVolatile(this, v);
  }

  /**
   * SharedLong.getOpaque: the access of {@link #vmStart()}/{@link #vmEnd()} after their poison
   * check, and of {@link #toString()} without one (toString of a freed VMA must work).
   */
  private long getLongOpaque(VarHandle word) {
    hook("long.getOpaque");
    return (long) word.getOpaque(this);
  }
}
