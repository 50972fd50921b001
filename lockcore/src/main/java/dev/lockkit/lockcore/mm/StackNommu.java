package dev.lockkit.lockcore.mm;

import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.mmaplock.MmapLock;
import dev.lockkit.lockcore.sync.Errno;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmAreaStruct;

/** {@code mm/nommu.c}: stacks are allocated at full size and never grow. */
@IfConfig("!MMU")
final class StackNommu implements StackExpansion {
  private final MmapLock mmapLock;

  StackNommu(MmapLock mmapLock) {
    this.mmapLock = mmapLock;
  }

  @Override
  public int expandStackLocked(VmAreaStruct vma, long address) {
    return -Errno.ENOMEM;
  }

  @Override
  public VmAreaStruct expandStack(MmStruct mm, long addr) {
    mmapLock.mmapReadUnlock(mm);
    return null;
  }
}
