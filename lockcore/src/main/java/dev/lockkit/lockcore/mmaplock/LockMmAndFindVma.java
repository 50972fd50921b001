package dev.lockkit.lockcore.mmaplock;

import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.config.VariantPoint;
import dev.lockkit.lockcore.sync.PtRegs;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmAreaStruct;

/**
 * {@code lock_mm_and_find_vma()}: takes the mmap_lock for reading and finds the VMA for a faulting
 * address, expanding a stack if that is what it takes.
 *
 * <p>Two definitions, both in {@code mm/mmap_lock.c} since the v2 of the split (as the reviewer
 * asked): {@link LockMmAndFindVmaMmu} under {@code MMU && LOCK_MM_AND_FIND_VMA}, {@link
 * LockMmAndFindVmaNommu} under {@code !MMU}. There is deliberately none for {@code MMU &&
 * !LOCK_MM_AND_FIND_VMA}: those architectures open-code {@code find_vma()} + {@code expand_stack()}
 * in their fault handlers and never call this, so the interface itself exists only where one of the
 * definitions does.
 */
@VariantPoint
@IfConfig("LOCK_MM_AND_FIND_VMA || !MMU")
public interface LockMmAndFindVma {
  /**
   * {@code lock_mm_and_find_vma(mm, addr, regs)}: the VMA with the mmap read lock held, or null
   * with nothing held.
   */
  VmAreaStruct lockMmAndFindVma(MmStruct mm, long addr, PtRegs regs);
}
