package dev.lockkit.lockcore.mmaplock;

import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.sync.ExceptionTable;
import dev.lockkit.lockcore.sync.PtRegs;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmAreaStruct;
import dev.lockkit.lockcore.types.VmFlags;

/**
 * The MMU {@code lock_mm_and_find_vma()} of {@code mm/mmap_lock.c}, with its helpers {@code
 * get_mmap_lock_carefully()}, {@code mmap_upgrade_trylock()} and {@code
 * upgrade_mmap_lock_carefully()}.
 *
 * <p>Care is needed because a kernel-mode fault may come from a bug while this very task holds the
 * mmap_lock for writing: a blocking read lock would deadlock. So the read lock is first tried; if
 * that fails, a kernel-mode fault proceeds to a killable wait only when its instruction is in the
 * exception tables (a user-copy that is expected to fault). When the address lies below a {@code
 * VM_GROWSDOWN} VMA, the lock is dropped and retaken for writing (there is no atomic upgrade), the
 * lookup is redone, the stack expanded, and the lock downgraded back to read.
 */
@IfConfig("MMU && LOCK_MM_AND_FIND_VMA")
public final class LockMmAndFindVmaMmu implements LockMmAndFindVma {
  private final MmapLock mmapLock;
  private final ExceptionTable exceptionTable;
  private final StackExpander stack;
  // HistoricalBug.STACKROT: grow the stack under the read lock, as before Linux 6.5.
  private final boolean stackRot;

  /** The MMU helper over {@code mmapLock}, growing stacks with {@code stack}. */
  public LockMmAndFindVmaMmu(
      MmapLock mmapLock, ExceptionTable exceptionTable, StackExpander stack) {
    this(mmapLock, exceptionTable, stack, false);
  }

  /**
   * The helper with StackRot (CVE-2023-3269) put back when {@code stackRot}; only {@code
   * Kernel.bootWithHistoricalBug} passes true, and only where stacks grow down.
   */
  public LockMmAndFindVmaMmu(
      MmapLock mmapLock, ExceptionTable exceptionTable, StackExpander stack, boolean stackRot) {
    this.mmapLock = mmapLock;
    this.exceptionTable = exceptionTable;
    this.stack = stack;
    this.stackRot = stackRot;
  }

  /** {@code get_mmap_lock_carefully()}: whether the read lock is now held. */
  boolean getMmapLockCarefully(MmStruct mm, PtRegs regs) {
    if (mmapLock.mmapReadTrylock(mm)) {
      return true;
    }
    if (regs != null && !regs.userMode() && !exceptionTable.search(regs.ip())) {
      return false;
    }
    return mmapLock.mmapReadLockKillable(mm) == 0;
  }

  /** {@code mmap_upgrade_trylock()}: the kernel has no atomic upgrade yet, so it always fails. */
  boolean mmapUpgradeTrylock(MmStruct mm) {
    return false;
  }

  /**
   * {@code upgrade_mmap_lock_carefully()}: drops the read lock and takes the write lock killably;
   * whether the write lock is now held (if not, nothing is held).
   */
  boolean upgradeMmapLockCarefully(MmStruct mm, PtRegs regs) {
    mmapLock.mmapReadUnlock(mm);
    if (regs != null && !regs.userMode() && !exceptionTable.search(regs.ip())) {
      return false;
    }
    return mmapLock.mmapWriteLockKillable(mm) == 0;
  }

  @Override
  public VmAreaStruct lockMmAndFindVma(MmStruct mm, long addr, PtRegs regs) {
    if (!getMmapLockCarefully(mm, regs)) {
      return null;
    }
    VmAreaStruct vma = mm.mmMt().findVma(addr);
    if (vma != null && Long.compareUnsigned(vma.vmStart(), addr) <= 0) {
      return vma;
    }
    if (vma == null || (vma.vmFlags() & VmFlags.VM_GROWSDOWN) == 0) {
      mmapLock.mmapReadUnlock(mm);
      return null;
    }
    if (stackRot) {
      if (expandDownwardsUnderReadLockStackRot(mm, vma, addr) != 0) {
        mmapLock.mmapReadUnlock(mm);
        return null;
      }
      return vma;
    }
    if (!mmapUpgradeTrylock(mm)) {
      if (!upgradeMmapLockCarefully(mm, regs)) {
        return null;
      }
      // The lock was dropped: everything may have changed, so look again.
      vma = mm.mmMt().findVma(addr);
      if (vma == null) {
        mmapLock.mmapWriteUnlock(mm);
        return null;
      }
      if (Long.compareUnsigned(vma.vmStart(), addr) <= 0) {
        mmapLock.mmapWriteDowngrade(mm);
        return vma;
      }
      if ((vma.vmFlags() & VmFlags.VM_GROWSDOWN) == 0) {
        mmapLock.mmapWriteUnlock(mm);
        return null;
      }
    }
    if (stack.expandStackLocked(vma, addr) != 0) {
      mmapLock.mmapWriteUnlock(mm);
      return null;
    }
    mmapLock.mmapWriteDowngrade(mm);
    return vma;
  }

  /**
   * {@code HistoricalBug.STACKROT}: the pre-6.5 {@code expand_downwards()}, which stored the grown
   * stack in the maple tree holding only the mmap <em>read</em> lock. The tree frees the replaced
   * node through {@code call_rcu()}; a task holding only the read lock is no RCU reader, so the
   * grace period does not wait for it, and its next access to the node it was walking is a
   * use-after-free (a poisoned node in lockcore). Never reached unless the switch is on.
   */
  private static int expandDownwardsUnderReadLockStackRot(
      MmStruct mm, VmAreaStruct vma, long address) {
    address &= VmFlags.PAGE_MASK;
    if (address < VmFlags.MMAP_MIN_ADDR) {
      return -dev.lockkit.lockcore.sync.Errno.EPERM;
    }
    VmAreaStruct prev = mm.mmMt().prev(vma);
    if ((prev != null && prev.vmEnd() > address) || vma.vmEnd() - address > VmFlags.RLIMIT_STACK) {
      return -dev.lockkit.lockcore.sync.Errno.ENOMEM;
    }
    long grow = (vma.vmStart() - address) >>> VmFlags.PAGE_SHIFT;
    vma.setVmStart(address);
    vma.setVmPgoff(vma.vmPgoff() - grow);
    mm.mmMt().updateUnderReadLockStackRot(vma);
    return 0;
  }
}
