package dev.lockkit.lockcore.mm;

import dev.lockkit.lockcore.config.Config;
import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.config.Option;
import dev.lockkit.lockcore.mm.FaultResult.Outcome;
import dev.lockkit.lockcore.mmaplock.MmapLock;
import dev.lockkit.lockcore.sync.PtRegs;
import dev.lockkit.lockcore.sync.SyncContext;
import dev.lockkit.lockcore.sync.Task;
import dev.lockkit.lockcore.trace.Tracer;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmAreaStruct;
import dev.lockkit.lockcore.types.VmFlags;
import dev.lockkit.lockcore.types.VmaTree;
import dev.lockkit.lockcore.vmalock.VmaLock;

/**
 * An architecture page-fault handler in the shape of x86's {@code do_user_addr_fault()}.
 *
 * <p>User faults first try {@code lock_vma_under_rcu()} (a stub returning NULL without
 * PER_VMA_LOCK): on success the fault is handled under the VMA lock and counted as
 * VMA_LOCK_SUCCESS, unless {@code handle_mm_fault()} asks for a retry (VMA_LOCK_RETRY), in which
 * case it falls back. The fallback takes the mmap_lock: through {@code lock_mm_and_find_vma()} on
 * NOMMU and on MMU with LOCK_MM_AND_FIND_VMA, and otherwise with the open-coded {@code
 * find_vma_prev()} + {@code expand_stack()} of the architectures that do not select it (parisc,
 * whose stack grows up).
 */
final class ArchFault {
  private final SyncContext ctx;
  private final Config config;
  private final MmapLock mmapLock;
  private final VmaLock vmaLock;
  private final Tracer tracer;
  private final StackExpansion stack;
  private final HandleMmFault handle;

  // Written once in the constructor, before the handler is shared.
  @IfConfig("LOCK_MM_AND_FIND_VMA || !MMU")
  private dev.lockkit.lockcore.mmaplock.LockMmAndFindVma lockMmAndFindVma;

  ArchFault(
      SyncContext ctx,
      MmapLock mmapLock,
      VmaLock vmaLock,
      Tracer tracer,
      StackExpansion stack,
      HandleMmFault handle) {
    this.ctx = ctx;
    this.config = ctx.config();
    this.mmapLock = mmapLock;
    this.vmaLock = vmaLock;
    this.tracer = tracer;
    this.stack = stack;
    this.handle = handle;
  }

  @IfConfig("LOCK_MM_AND_FIND_VMA || !MMU")
  void setLockMmAndFindVma(dev.lockkit.lockcore.mmaplock.LockMmAndFindVma impl) {
    this.lockMmAndFindVma = impl;
  }

  /** {@code access_error()}: whether {@code vma} forbids {@code access}. */
  static boolean accessError(Access access, VmAreaStruct vma) {
    long flags = vma.vmFlags();
    switch (access) {
      case WRITE:
        return (flags & VmFlags.VM_WRITE) == 0;
      case EXEC:
        return (flags & VmFlags.VM_EXEC) == 0;
      default:
        return !VmFlags.accessible(flags);
    }
  }

  private void countSuccess() {
    if (config.isEnabled(Option.PER_VMA_LOCK_STATS)) {
      tracer.vmEvents().count(dev.lockkit.lockcore.trace.VmaLockEvent.VMA_LOCK_SUCCESS);
    }
  }

  private void countRetry() {
    if (config.isEnabled(Option.PER_VMA_LOCK_STATS)) {
      tracer.vmEvents().count(dev.lockkit.lockcore.trace.VmaLockEvent.VMA_LOCK_RETRY);
    }
  }

  /** {@code do_user_addr_fault(regs, error_code, address)} for an access to {@code mm}. */
  FaultResult doUserAddrFault(MmStruct mm, long address, Access access, PtRegs regs) {
    int flags = VmFault.FAULT_FLAG_DEFAULT;
    if (regs.userMode()) {
      flags |= VmFault.FAULT_FLAG_USER;
    }
    if (access == Access.WRITE) {
      flags |= VmFault.FAULT_FLAG_WRITE;
    } else if (access == Access.EXEC) {
      flags |= VmFault.FAULT_FLAG_INSTRUCTION;
    }

    if ((flags & VmFault.FAULT_FLAG_USER) != 0) {
      VmAreaStruct vma = vmaLock.lockVmaUnderRcu(mm, address);
      if (vma != null) {
        if (accessError(access, vma)) {
          vmaLock.vmaEndRead(vma);
          countSuccess();
          return badArea(Outcome.SIGSEGV_ACCERR, regs, 0, true);
        }
        int fault = handle.handleMmFault(vma, address, flags | VmFault.FAULT_FLAG_VMA_LOCK, regs);
        if ((fault & (VmFault.VM_FAULT_RETRY | VmFault.VM_FAULT_COMPLETED)) == 0) {
          vmaLock.vmaEndRead(vma);
        }
        if ((fault & VmFault.VM_FAULT_RETRY) == 0) {
          countSuccess();
          return done(fault, true, regs);
        }
        countRetry();
        if ((fault & VmFault.VM_FAULT_MAJOR) != 0) {
          flags |= VmFault.FAULT_FLAG_TRIED;
        }
        if (Task.current().fatalSignalPending()) {
          return signalled(fault, regs, true);
        }
      }
    }

    for (; ; ) {
      VmAreaStruct vma = lockAndFindVma(mm, address, regs);
      if (vma == null) {
        return badArea(Outcome.SIGSEGV_MAPERR, regs, 0, false);
      }
      if (accessError(access, vma)) {
        mmapLock.mmapReadUnlock(mm);
        return badArea(Outcome.SIGSEGV_ACCERR, regs, 0, false);
      }
      int fault = handle.handleMmFault(vma, address, flags, regs);
      if ((fault & VmFault.VM_FAULT_RETRY) != 0 && Task.current().fatalSignalPending()) {
        return signalled(fault, regs, false);
      }
      if ((fault & VmFault.VM_FAULT_COMPLETED) != 0) {
        return new FaultResult(Outcome.OK, fault, false);
      }
      if ((fault & VmFault.VM_FAULT_RETRY) != 0) {
        flags |= VmFault.FAULT_FLAG_TRIED;
        continue;
      }
      mmapLock.mmapReadUnlock(mm);
      return done(fault, false, regs);
    }
  }

  /** The mmap_lock half of the fault path: the VMA with the read lock held, or null, unlocked. */
  private VmAreaStruct lockAndFindVma(MmStruct mm, long address, PtRegs regs) {
    if (config.isEnabled(Option.MMU)) {
      if (config.isEnabled(Option.LOCK_MM_AND_FIND_VMA)) {
        return lockMmAndFindVma.lockMmAndFindVma(mm, address, regs);
      } else {
        return openCodedFindVma(mm, address);
      }
    } else {
      return lockMmAndFindVma.lockMmAndFindVma(mm, address, regs);
    }
  }

  /**
   * The open-coded lookup of architectures without LOCK_MM_AND_FIND_VMA (parisc's fault handler):
   * read-lock, {@code find_vma_prev()}, and {@code expand_stack()} when the address lies just above
   * a VM_GROWSUP VMA or just below a VM_GROWSDOWN one.
   */
  @IfConfig("MMU && !LOCK_MM_AND_FIND_VMA")
  private VmAreaStruct openCodedFindVma(MmStruct mm, long address) {
    mmapLock.mmapReadLock(mm);
    VmaTree.VmaAndPrev vp = mm.mmMt().findVmaPrev(address);
    VmAreaStruct vma = vp.vma();
    if (vma != null && vma.vmStart() <= address) {
      return vma;
    }
    boolean prevGrowsUp =
        vp.prev() != null && (vp.prev().vmFlags() & VmFlags.vmGrowsUp(config)) != 0;
    boolean growsDown = vma != null && (vma.vmFlags() & VmFlags.VM_GROWSDOWN) != 0;
    if (!prevGrowsUp && !growsDown) {
      mmapLock.mmapReadUnlock(mm);
      return null;
    }
    return stack.expandStack(mm, address);
  }

  /** {@code bad_area*()}: user faults get a signal, kernel faults a fixup or an oops. */
  private FaultResult badArea(Outcome userOutcome, PtRegs regs, int fault, boolean vmaLocked) {
    if (regs.userMode()) {
      return new FaultResult(userOutcome, fault, vmaLocked);
    }
    return kernelFixupOrOops(regs, fault, vmaLocked);
  }

  private FaultResult kernelFixupOrOops(PtRegs regs, int fault, boolean vmaLocked) {
    if (ctx.exceptionTable().search(regs.ip())) {
      return new FaultResult(Outcome.KERNEL_FIXUP, fault, vmaLocked);
    }
    ctx.reports().oops(String.format("unable to handle kernel page fault at ip 0x%x", regs.ip()));
    return new FaultResult(Outcome.KERNEL_OOPS, fault, vmaLocked);
  }

  /** {@code fault_signal_pending()} was true: the lock is already released. */
  private FaultResult signalled(int fault, PtRegs regs, boolean vmaLocked) {
    if (!regs.userMode()) {
      return kernelFixupOrOops(regs, fault, vmaLocked);
    }
    return new FaultResult(Outcome.FATAL_SIGNAL, fault, vmaLocked);
  }

  private FaultResult done(int fault, boolean vmaLocked, PtRegs regs) {
    if ((fault & VmFault.VM_FAULT_ERROR) == 0) {
      return new FaultResult(Outcome.OK, fault, vmaLocked);
    }
    if ((fault & VmFault.VM_FAULT_OOM) != 0) {
      return new FaultResult(Outcome.OOM, fault, vmaLocked);
    }
    if ((fault & VmFault.VM_FAULT_SIGBUS) != 0) {
      return new FaultResult(
          regs.userMode() ? Outcome.SIGBUS : kernelFixupOrOops(regs, fault, vmaLocked).outcome(),
          fault,
          vmaLocked);
    }
    return badArea(Outcome.SIGSEGV_MAPERR, regs, fault, vmaLocked);
  }
}
