package dev.lockkit.lockcore.vmalock;

import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.mmaplock.MmapLock;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmAreaStruct;

/**
 * The {@code !CONFIG_PER_VMA_LOCK} stubs of {@code mmap_lock.h}: VMAs are never locked on their
 * own, lookups always fall back to the mmap_lock, and the assertions check the mmap_lock instead.
 */
@IfConfig("!PER_VMA_LOCK")
public final class VmaLockStubs implements VmaLock {
  private final MmapLock mmapLock;

  /** Stubs asserting through {@code mmapLock}. */
  public VmaLockStubs(MmapLock mmapLock) {
    this.mmapLock = mmapLock;
  }

  @Override
  public void vmaLockInit(VmAreaStruct vma, boolean resetRefcnt) {}

  @Override
  public VmaStartRead vmaStartRead(MmStruct mm, VmAreaStruct vma) {
    return VmaStartRead.failed();
  }

  @Override
  public void vmaEndRead(VmAreaStruct vma) {}

  @Override
  public void vmaStartWrite(VmAreaStruct vma) {}

  @Override
  public void vmaAssertWriteLocked(VmAreaStruct vma) {
    mmapLock.mmapAssertWriteLocked(vma.vmMm());
  }

  @Override
  public void vmaAssertLocked(VmAreaStruct vma) {
    mmapLock.mmapAssertLocked(vma.vmMm());
  }

  @Override
  public void vmaAssertAttached(VmAreaStruct vma) {}

  @Override
  public void vmaAssertDetached(VmAreaStruct vma) {}

  @Override
  public void vmaMarkAttached(VmAreaStruct vma) {}

  @Override
  public void vmaMarkDetached(VmAreaStruct vma) {}

  @Override
  public VmAreaStruct lockVmaUnderRcu(MmStruct mm, long address) {
    return null;
  }
}
