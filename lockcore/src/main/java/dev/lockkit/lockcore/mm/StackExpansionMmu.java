package dev.lockkit.lockcore.mm;

import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.mmaplock.MmapLock;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmAreaStruct;
import dev.lockkit.lockcore.types.VmaTree;
import dev.lockkit.lockcore.vmalock.VmaLock;

/**
 * The MMU {@code expand_stack()} of {@code mm/mmap.c}, shared by both stack directions: there is no
 * atomic upgrade of the mmap_lock, so it drops the read lock, takes the write lock killably,
 * re-looks the address up, grows the neighbouring stack VMA in the configured direction, and
 * downgrades.
 */
@IfConfig("MMU")
abstract class StackExpansionMmu implements StackExpansion {
  protected final MmapLock mmapLock;
  protected final VmaLock vmaLock;

  StackExpansionMmu(MmapLock mmapLock, VmaLock vmaLock) {
    this.mmapLock = mmapLock;
    this.vmaLock = vmaLock;
  }

  /** {@code vma_expand_up()}: grows {@code vma} upwards, or -EFAULT where stacks grow down. */
  abstract int vmaExpandUp(VmAreaStruct vma, long addr);

  /** {@code vma_expand_down()}: grows {@code vma} downwards, or -EFAULT where stacks grow up. */
  abstract int vmaExpandDown(VmAreaStruct vma, long addr);

  @Override
  public VmAreaStruct expandStack(MmStruct mm, long addr) {
    mmapLock.mmapReadUnlock(mm);
    if (mmapLock.mmapWriteLockKillable(mm) != 0) {
      return null;
    }
    VmaTree.VmaAndPrev vp = mm.mmMt().findVmaPrev(addr);
    VmAreaStruct vma = vp.vma();
    VmAreaStruct result = null;
    if (vma != null && vma.vmStart() <= addr) {
      result = vma;
    } else if (vp.prev() != null && vmaExpandUp(vp.prev(), addr) == 0) {
      result = vp.prev();
    } else if (vma != null && vmaExpandDown(vma, addr) == 0) {
      result = vma;
    }
    if (result == null) {
      mmapLock.mmapWriteUnlock(mm);
      return null;
    }
    mmapLock.mmapWriteDowngrade(mm);
    return result;
  }
}
