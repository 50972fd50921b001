package dev.lockkit.lockcore.mm;

import dev.lockkit.lockcore.config.VariantPoint;
import dev.lockkit.lockcore.mmaplock.StackExpander;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmAreaStruct;

/**
 * {@code expand_stack_locked()} and {@code expand_stack()}: one definition per stack direction on
 * MMU ({@link StackGrowsDown} under {@code MMU && !STACK_GROWSUP}, {@link StackGrowsUp} under
 * STACK_GROWSUP) and the NOMMU one ({@link StackNommu}), which can never grow anything.
 */
@VariantPoint
public interface StackExpansion extends StackExpander {
  /**
   * {@code expand_stack(mm, addr)}: called with the mmap read lock held, which it drops; returns
   * the VMA now covering {@code addr} with the read lock held again, or null with nothing held.
   */
  VmAreaStruct expandStack(MmStruct mm, long addr);
}
