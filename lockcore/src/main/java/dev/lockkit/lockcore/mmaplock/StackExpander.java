package dev.lockkit.lockcore.mmaplock;

import dev.lockkit.lockcore.types.VmAreaStruct;

/**
 * {@code expand_stack_locked()} of {@code mm/mmap.c}, as {@code lock_mm_and_find_vma()} sees it.
 * The kernel declares the function in {@code mm.h} and defines it in {@code mmap.c}; an interface
 * here lets mmaplock call into {@code mm} without a package cycle (mm implements it).
 */
@FunctionalInterface
public interface StackExpander {
  /**
   * {@code expand_stack_locked(vma, address)}: grows {@code vma} to cover {@code address}; the
   * caller holds the mmap write lock. Returns 0 or a negative errno.
   */
  int expandStackLocked(VmAreaStruct vma, long address);
}
