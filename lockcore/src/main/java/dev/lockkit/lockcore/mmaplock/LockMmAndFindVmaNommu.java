package dev.lockkit.lockcore.mmaplock;

import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.sync.PtRegs;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmAreaStruct;

/**
 * The NOMMU {@code lock_mm_and_find_vma()}: no stacks to expand, so read-lock, look the address up,
 * and drop the lock again when nothing is mapped there. (Dropping it on failure is the fix for a
 * historical bug in which the NOMMU version leaked the read lock; keep it a single statement so the
 * bug can be reintroduced by one switch.)
 */
@IfConfig("!MMU")
public final class LockMmAndFindVmaNommu implements LockMmAndFindVma {
  private final MmapLock mmapLock;
  // HistoricalBug.NOMMU_LOCK_LEAK: return failure with the read lock still held.
  private final boolean leakReadLockOnMiss;

  /** The NOMMU helper over {@code mmapLock}. */
  public LockMmAndFindVmaNommu(MmapLock mmapLock) {
    this(mmapLock, false);
  }

  /**
   * The helper with the historical lock leak put back when {@code leakReadLockOnMiss}; only {@code
   * Kernel.bootWithHistoricalBug} passes true.
   */
  public LockMmAndFindVmaNommu(MmapLock mmapLock, boolean leakReadLockOnMiss) {
    this.mmapLock = mmapLock;
    this.leakReadLockOnMiss = leakReadLockOnMiss;
  }

  @Override
  public VmAreaStruct lockMmAndFindVma(MmStruct mm, long addr, PtRegs regs) {
    mmapLock.mmapReadLock(mm);
    VmAreaStruct vma = mm.mmMt().vmaLookup(addr);
    if (vma == null && !leakReadLockOnMiss) {
      mmapLock.mmapReadUnlock(mm);
    }
    return vma;
  }
}
