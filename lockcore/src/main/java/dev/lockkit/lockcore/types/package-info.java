/**
 * The data structures of the address space: {@link dev.lockkit.lockcore.types.MmStruct}, {@link
 * dev.lockkit.lockcore.types.VmAreaStruct}, VM flags, page-table and page-cache stand-ins, and the
 * RCU-safe ordered {@link dev.lockkit.lockcore.types.VmaTree} that stands in for the maple tree.
 *
 * <p>Mirrors {@code include/linux/mm_types.h} (the structures and {@code VMA_LOCK_OFFSET} / {@code
 * VMA_REF_LIMIT}), the {@code VM_*} flags of {@code include/linux/mm.h}, and the parts of {@code
 * lib/maple_tree.c} and {@code mm/mmap.c} ({@code find_vma}, {@code find_vma_prev}, {@code
 * vma_lookup}) that the locking code relies on. Fields shared between tasks are {@code sync} cells;
 * fields that exist only in some configurations carry {@code @IfConfig}.
 */
package dev.lockkit.lockcore.types;
