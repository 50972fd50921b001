package dev.lockkit.lockcore.mm;

import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.mmaplock.MmapLock;
import dev.lockkit.lockcore.vmalock.VmaLock;

/**
 * The CONFIG_PER_VMA_LOCK definitions: the VMA lock if {@code FAULT_FLAG_VMA_LOCK}, else mmap_lock.
 */
@IfConfig("PER_VMA_LOCK")
public final class FaultLockPerVma implements FaultLock {
  private final MmapLock mmapLock;
  private final VmaLock vmaLock;

  /** The definitions over {@code mmapLock} and {@code vmaLock}. */
  public FaultLockPerVma(MmapLock mmapLock, VmaLock vmaLock) {
    this.mmapLock = mmapLock;
    this.vmaLock = vmaLock;
  }

  @Override
  public void releaseFaultLock(VmFault vmf) {
    if ((vmf.flags() & VmFault.FAULT_FLAG_VMA_LOCK) != 0) {
      vmaLock.vmaEndRead(vmf.vma());
    } else {
      mmapLock.mmapReadUnlock(vmf.vma().vmMm());
    }
  }

  @Override
  public void assertFaultLocked(VmFault vmf) {
    if ((vmf.flags() & VmFault.FAULT_FLAG_VMA_LOCK) != 0) {
      vmaLock.vmaAssertLocked(vmf.vma());
    } else {
      mmapLock.mmapAssertLocked(vmf.vma().vmMm());
    }
  }
}
