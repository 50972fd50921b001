package dev.lockkit.lockcore.types;

import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.config.Option;
import dev.lockkit.lockcore.sync.LockClassKey;
import dev.lockkit.lockcore.sync.RcuWait;
import dev.lockkit.lockcore.sync.RwSemaphore;
import dev.lockkit.lockcore.sync.SeqCount;
import dev.lockkit.lockcore.sync.SharedInt;
import dev.lockkit.lockcore.sync.SyncContext;
import dev.lockkit.lockcore.trace.TraceSubject;

/**
 * {@code struct mm_struct}: an address space. Holds {@code mmap_lock}, the VMA tree ({@code
 * mm_mt}), the page tables and counters, and with PER_VMA_LOCK the {@code mm_lock_seq} seqcount and
 * the {@code vma_writer_wait} rcuwait.
 */
public final class MmStruct implements TraceSubject {
  /** The lock class of every {@code mmap_lock}. */
  public static final LockClassKey MMAP_LOCK_KEY = new LockClassKey("&mm->mmap_lock");

  private final String id;
  private final RwSemaphore mmapLock;
  private final VmaTree mmMt;
  private final PageTables pageTables = new PageTables();
  private final SharedInt mapCount = new SharedInt(0);
  private final SharedInt mmUsers = new SharedInt(1);
  private final SharedInt mmCount = new SharedInt(1);
  // The model's record that __mmdrop() freed this mm (KASAN's view, not kernel state).
  private volatile boolean freed;

  // Written once in the constructor, before the mm is shared.
  @IfConfig("PER_VMA_LOCK")
  private SeqCount mmLockSeq;

  @IfConfig("PER_VMA_LOCK")
  private RcuWait vmaWriterWait;

  /**
   * {@code mm_init()} with {@code mmap_init_lock()} and {@code mm_lock_seqcount_init()}: an empty
   * address space whose trace id is {@code id}.
   */
  public MmStruct(SyncContext ctx, String id) {
    this.id = id;
    this.mmapLock = new RwSemaphore(ctx, id + "->mmap_lock", MMAP_LOCK_KEY);
    this.mmMt = new VmaTree(ctx, id, mmapLock);
    if (ctx.config().isEnabled(Option.PER_VMA_LOCK)) {
      this.mmLockSeq = new SeqCount();
      this.vmaWriterWait = new RcuWait(ctx.reports(), () -> freed ? id : null);
    }
  }

  @Override
  public String traceId() {
    return id;
  }

  /** {@code mm->mmap_lock}. */
  public RwSemaphore mmapLock() {
    return mmapLock;
  }

  /** {@code mm->mm_mt}. */
  public VmaTree mmMt() {
    return mmMt;
  }

  /** The page tables ({@code mm->pgd} with {@code page_table_lock}). */
  public PageTables pageTables() {
    return pageTables;
  }

  /** {@code mm->map_count}. */
  public SharedInt mapCount() {
    return mapCount;
  }

  /** {@code mm->mm_users}. */
  public SharedInt mmUsers() {
    return mmUsers;
  }

  /** {@code mmgrab()}: pins the mm_struct itself. */
  public void mmgrab() {
    mmCount.getAndAdd(1);
  }

  /**
   * {@code mmdrop()}: unpins it; returns the new count. The last unpin frees the mm_struct ({@code
   * __mmdrop()}); lockcore marks it freed so that a later wake-up through its {@code
   * vma_writer_wait} is reported as a use-after-free.
   */
  public int mmdrop() {
    int left = mmCount.addAndGet(-1);
    if (left == 0) {
      freed = true;
    }
    return left;
  }

  /** Whether the last {@link #mmdrop} freed this mm_struct (diagnostics and tests). */
  public boolean isFreed() {
    return freed;
  }

  /** {@code mm->mm_count}. */
  public int mmCount() {
    return mmCount.get();
  }

  /** {@code mm->mm_lock_seq}. */
  @IfConfig("PER_VMA_LOCK")
  public SeqCount mmLockSeq() {
    return mmLockSeq;
  }

  /** {@code mm->vma_writer_wait}. */
  @IfConfig("PER_VMA_LOCK")
  public RcuWait vmaWriterWait() {
    return vmaWriterWait;
  }

  @Override
  public String toString() {
    return id;
  }
}
