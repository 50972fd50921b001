package dev.lockkit.lockcore.mm;

import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.mmaplock.MmapLock;

/** The {@code !CONFIG_PER_VMA_LOCK} definitions: faults always hold the mmap read lock. */
@IfConfig("!PER_VMA_LOCK")
public final class FaultLockMmap implements FaultLock {
  private final MmapLock mmapLock;

  /** The definitions over {@code mmapLock}. */
  public FaultLockMmap(MmapLock mmapLock) {
    this.mmapLock = mmapLock;
  }

  @Override
  public void releaseFaultLock(VmFault vmf) {
    mmapLock.mmapReadUnlock(vmf.vma().vmMm());
  }

  @Override
  public void assertFaultLocked(VmFault vmf) {
    mmapLock.mmapAssertLocked(vmf.vma().vmMm());
  }
}
