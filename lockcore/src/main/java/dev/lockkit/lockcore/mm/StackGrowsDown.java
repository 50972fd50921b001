package dev.lockkit.lockcore.mm;

import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.mmaplock.MmapLock;
import dev.lockkit.lockcore.sync.Errno;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmAreaStruct;
import dev.lockkit.lockcore.types.VmFlags;
import dev.lockkit.lockcore.vmalock.VmaLock;

/** Stacks that grow down: {@code expand_stack_locked()} is {@code expand_downwards()}. */
@IfConfig("MMU && !STACK_GROWSUP")
final class StackGrowsDown extends StackExpansionMmu {

  StackGrowsDown(MmapLock mmapLock, VmaLock vmaLock) {
    super(mmapLock, vmaLock);
  }

  @Override
  public int expandStackLocked(VmAreaStruct vma, long address) {
    return expandDownwards(vma, address);
  }

  @Override
  int vmaExpandUp(VmAreaStruct vma, long addr) {
    return -Errno.EFAULT;
  }

  @Override
  int vmaExpandDown(VmAreaStruct vma, long addr) {
    return expandDownwards(vma, addr);
  }

  /**
   * {@code expand_downwards(vma, address)}: moves {@code vm_start} down to the page of {@code
   * address}, keeping {@code stack_guard_gap} to an accessible non-stack neighbour and the stack
   * within {@code RLIMIT_STACK}; the VMA is write-locked first so faults under the VMA lock cannot
   * see it change.
   */
  int expandDownwards(VmAreaStruct vma, long address) {
    MmStruct mm = vma.vmMm();
    mmapLock.mmapAssertWriteLocked(mm);
    if ((vma.vmFlags() & VmFlags.VM_GROWSDOWN) == 0) {
      return -Errno.EFAULT;
    }
    address &= VmFlags.PAGE_MASK;
    if (address < VmFlags.MMAP_MIN_ADDR) {
      return -Errno.EPERM;
    }
    if (address >= vma.vmStart()) {
      return 0;
    }
    VmAreaStruct prev = mm.mmMt().prev(vma);
    if (prev != null) {
      if (prev.vmEnd() > address) {
        return -Errno.ENOMEM;
      }
      if ((prev.vmFlags() & VmFlags.VM_GROWSDOWN) == 0
          && VmFlags.accessible(prev.vmFlags())
          && address - prev.vmEnd() < VmFlags.STACK_GUARD_GAP) {
        return -Errno.ENOMEM;
      }
    }
    if (vma.vmEnd() - address > VmFlags.RLIMIT_STACK) {
      return -Errno.ENOMEM;
    }
    long grow = (vma.vmStart() - address) >>> VmFlags.PAGE_SHIFT;
    vmaLock.vmaStartWrite(vma);
    vma.setVmStart(address);
    vma.setVmPgoff(vma.vmPgoff() - grow);
    mm.mmMt().update(vma);
    return 0;
  }
}
