/**
 * Per-VMA locks: {@code vm_refcnt} with {@code VMA_LOCK_OFFSET} / {@code VMA_REF_LIMIT}, {@code
 * vma_start_read*}, {@code vma_end_read}, {@code vma_start_write}, attach/detach, the {@code
 * vma_assert_*} checks and {@code lock_vma_under_rcu()}.
 *
 * <p>Mirrors the VMA-lock half of {@code include/linux/mmap_lock.h} and {@code mm/mmap_lock.c} as
 * of Linux v6.16 (plus the 6.16.1 {@code vm_mm} check in {@code vma_start_read()}). {@link
 * dev.lockkit.lockcore.vmalock.VmaLock} is the variant point: {@link
 * dev.lockkit.lockcore.vmalock.VmaLockPerVma} under PER_VMA_LOCK, {@link
 * dev.lockkit.lockcore.vmalock.VmaLockStubs} otherwise. The kernel's {@code mmap_lock.h} declares
 * {@code rcuwait_wake_up()} by hand to avoid an include loop; here the dependency simply points
 * down to {@code sync.RcuWait}.
 */
package dev.lockkit.lockcore.vmalock;
