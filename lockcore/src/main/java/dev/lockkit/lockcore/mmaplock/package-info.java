/**
 * The mmap_lock: {@code mmap_read_lock*}, {@code mmap_write_*}, downgrade, contention, assertions,
 * the {@code mm_lock_seq} seqcount and speculation, {@code vma_end_write_all}, the tracepoint
 * hooks, and {@code lock_mm_and_find_vma()} in its MMU and NOMMU forms.
 *
 * <p>Mirrors the mmap-lock half of {@code include/linux/mmap_lock.h} and {@code mm/mmap_lock.c} as
 * of Linux v6.16, after "mm: move mmap/vma locking logic into specific files". Where the kernel has
 * two definitions of one prototype under different {@code #ifdef}s, this package has a
 * {@code @VariantPoint} interface with one {@code @IfConfig} class per definition ({@link
 * dev.lockkit.lockcore.mmaplock.MmLockSeq}, {@link dev.lockkit.lockcore.mmaplock.MmapLockTrace},
 * {@link dev.lockkit.lockcore.mmaplock.LockMmAndFindVma}).
 *
 * <p>Layering: this package sits above {@code types} and below {@code vmalock} and {@code mm}.
 * {@code lock_mm_and_find_vma()} needs {@code expand_stack_locked()} from {@code mm/mmap.c}; the
 * kernel declares it in a header, lockcore passes it in as {@link
 * dev.lockkit.lockcore.mmaplock.StackExpander}, an interface of this lower layer that {@code mm}
 * implements.
 */
package dev.lockkit.lockcore.mmaplock;
