package dev.lockkit.lockcore.vmalock;

import dev.lockkit.lockcore.config.VariantPoint;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmAreaStruct;

/**
 * The per-VMA lock functions that exist in every configuration: the real ones with PER_VMA_LOCK
 * ({@link VmaLockPerVma}) and the {@code #else} stubs without ({@link VmaLockStubs}). Functions
 * that exist only with PER_VMA_LOCK ({@code vma_start_read_locked*}) are on {@link VmaLockPerVma}
 * alone.
 */
@VariantPoint
public interface VmaLock {
  /** {@code vma_lock_init(vma, reset_refcnt)}. */
  void vmaLockInit(VmAreaStruct vma, boolean resetRefcnt);

  /** {@code vma_start_read(mm, vma)}; caller is in an RCU read-side section. */
  VmaStartRead vmaStartRead(MmStruct mm, VmAreaStruct vma);

  /** {@code vma_end_read(vma)}. */
  void vmaEndRead(VmAreaStruct vma);

  /** {@code vma_start_write(vma)}; caller holds the mmap write lock. */
  void vmaStartWrite(VmAreaStruct vma);

  /** {@code vma_assert_write_locked(vma)}. */
  void vmaAssertWriteLocked(VmAreaStruct vma);

  /** {@code vma_assert_locked(vma)}. */
  void vmaAssertLocked(VmAreaStruct vma);

  /** {@code vma_assert_attached(vma)}. */
  void vmaAssertAttached(VmAreaStruct vma);

  /** {@code vma_assert_detached(vma)}. */
  void vmaAssertDetached(VmAreaStruct vma);

  /** {@code vma_mark_attached(vma)}. */
  void vmaMarkAttached(VmAreaStruct vma);

  /** {@code vma_mark_detached(vma)}. */
  void vmaMarkDetached(VmAreaStruct vma);

  /**
   * {@code lock_vma_under_rcu(mm, address)}: the read-locked VMA containing the address, or null.
   */
  VmAreaStruct lockVmaUnderRcu(MmStruct mm, long address);
}
