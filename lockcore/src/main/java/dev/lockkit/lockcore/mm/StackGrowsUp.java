package dev.lockkit.lockcore.mm;

import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.mmaplock.MmapLock;
import dev.lockkit.lockcore.sync.Errno;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmAreaStruct;
import dev.lockkit.lockcore.types.VmFlags;
import dev.lockkit.lockcore.vmalock.VmaLock;

/** Stacks that grow up (parisc): {@code expand_stack_locked()} is {@code expand_upwards()}. */
@IfConfig("STACK_GROWSUP")
final class StackGrowsUp extends StackExpansionMmu {

  StackGrowsUp(MmapLock mmapLock, VmaLock vmaLock) {
    super(mmapLock, vmaLock);
  }

  @Override
  public int expandStackLocked(VmAreaStruct vma, long address) {
    return expandUpwards(vma, address);
  }

  @Override
  int vmaExpandUp(VmAreaStruct vma, long addr) {
    return expandUpwards(vma, addr);
  }

  @Override
  int vmaExpandDown(VmAreaStruct vma, long addr) {
    return -Errno.EFAULT;
  }

  /**
   * {@code expand_upwards(vma, address)}: moves {@code vm_end} up past the page of {@code address},
   * keeping {@code stack_guard_gap} below an accessible neighbour that is not itself a stack.
   */
  int expandUpwards(VmAreaStruct vma, long address) {
    MmStruct mm = vma.vmMm();
    mmapLock.mmapAssertWriteLocked(mm);
    if ((vma.vmFlags() & VmFlags.VM_GROWSUP_BIT) == 0) {
      return -Errno.EFAULT;
    }
    address &= VmFlags.PAGE_MASK;
    if (address >= VmFlags.TASK_SIZE - VmFlags.PAGE_SIZE) {
      return -Errno.ENOMEM;
    }
    address += VmFlags.PAGE_SIZE;
    if (address <= vma.vmEnd()) {
      return 0;
    }
    VmAreaStruct next = mm.mmMt().next(vma);
    if (next != null) {
      if (next.vmStart() < address) {
        return -Errno.ENOMEM;
      }
      if ((next.vmFlags() & VmFlags.VM_GROWSUP_BIT) == 0
          && VmFlags.accessible(next.vmFlags())
          && next.vmStart() - address < VmFlags.STACK_GUARD_GAP) {
        return -Errno.ENOMEM;
      }
    }
    if (address - vma.vmStart() > VmFlags.RLIMIT_STACK) {
      return -Errno.ENOMEM;
    }
    vmaLock.vmaStartWrite(vma);
    vma.setVmEnd(address);
    mm.mmMt().update(vma);
    return 0;
  }
}
