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

  /** The NOMMU helper over {@code mmapLock}. */
  public LockMmAndFindVmaNommu(MmapLock mmapLock) {
    this.mmapLock = mmapLock;
  }

  @Override
  public VmAreaStruct lockMmAndFindVma(MmStruct mm, long addr, PtRegs regs) {
    mmapLock.mmapReadLock(mm);
    VmAreaStruct vma = mm.mmMt().vmaLookup(addr);
    if (vma == null) {
      mmapLock.mmapReadUnlock(mm);
    }
    return vma;
  }
}
