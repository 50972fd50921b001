/**
 * What stays outside the locking files: {@link dev.lockkit.lockcore.mm.VmFault} and the functions
 * that need it ({@code release_fault_lock}, {@code assert_fault_locked}), a {@code
 * handle_mm_fault()} stand-in, an x86-style arch fault handler, the address-space writers that
 * exercise the locks (mmap, munmap, mprotect, fork's {@code dup_mmap}, {@code expand_stack}), a
 * {@code /proc/pid/maps} reader, and the {@link dev.lockkit.lockcore.mm.Kernel} entry point.
 *
 * <p>Mirrors {@code include/linux/mm.h}, {@code mm/memory.c}, {@code mm/mmap.c}, {@code mm/vma.c},
 * {@code mm/nommu.c}, {@code kernel/fork.c}, {@code fs/proc/task_mmu.c} and {@code
 * arch/x86/mm/fault.c}, reduced to their interaction with mmap_lock and per-VMA locks. This is the
 * top layer: it depends on every other package and nothing depends on it.
 *
 * <p>Types that exist only in some configurations are written fully qualified rather than imported
 * in classes that exist in more configurations than they do: an {@code import} cannot carry an
 * {@code @IfConfig}, and a variant with the type deleted must still compile.
 */
package dev.lockkit.lockcore.mm;
