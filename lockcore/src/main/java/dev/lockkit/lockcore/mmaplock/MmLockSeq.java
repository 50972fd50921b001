package dev.lockkit.lockcore.mmaplock;

import dev.lockkit.lockcore.config.VariantPoint;
import dev.lockkit.lockcore.types.MmStruct;
import java.util.OptionalInt;

/**
 * The {@code mm_lock_seq} functions of {@code mmap_lock.h}: real with PER_VMA_LOCK ({@link
 * MmLockSeqPerVma}), stubs without ({@link MmLockSeqStub}).
 */
@VariantPoint
public interface MmLockSeq {
  /** {@code mm_lock_seqcount_begin()}: the sequence becomes odd (write lock taken). */
  void begin(MmStruct mm);

  /** {@code mm_lock_seqcount_end()}: the sequence becomes even. */
  void end(MmStruct mm);

  /**
   * {@code mmap_lock_speculate_try_begin()}: the sequence to speculate against, or empty while a
   * writer holds the lock (and always empty in the stub).
   */
  OptionalInt speculateTryBegin(MmStruct mm);

  /** {@code mmap_lock_speculate_retry()}: whether a writer ran since {@code seq} (stub: true). */
  boolean speculateRetry(MmStruct mm, int seq);

  /**
   * {@code vma_end_write_all()}: ends the write section, which releases every VMA write lock taken
   * under it at once (their {@code vm_lock_seq} no longer matches). A no-op stub without
   * PER_VMA_LOCK.
   */
  void vmaEndWriteAll(MmStruct mm);
}
