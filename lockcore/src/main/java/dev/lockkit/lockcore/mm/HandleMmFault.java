package dev.lockkit.lockcore.mm;

import dev.lockkit.lockcore.mmaplock.MmapLock;
import dev.lockkit.lockcore.sync.PtRegs;
import dev.lockkit.lockcore.sync.Task;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.PageCache;
import dev.lockkit.lockcore.types.PageState;
import dev.lockkit.lockcore.types.VmAreaStruct;
import dev.lockkit.lockcore.types.VmFlags;

/**
 * A {@code handle_mm_fault()} stand-in with the kernel's locking behaviour and a deterministic
 * choice of outcome, so that every return path of the real function is reachable:
 *
 * <ul>
 *   <li>a present page: 0; a write fault on a read-only one makes it writable ({@code
 *       do_wp_page()}, folded into the lookup under the PTL);
 *   <li>first anonymous fault under the VMA lock on a VMA without {@code anon_vma}: {@code
 *       vmf_anon_prepare()} needs the mmap_lock; if {@code mmap_read_trylock} fails it drops the
 *       VMA lock and returns {@code VM_FAULT_RETRY}; otherwise it prepares the anon_vma and maps:
 *       0;
 *   <li>a file page not in the page cache, first try with {@code FAULT_FLAG_ALLOW_RETRY}: starts
 *       the read, drops the lock rather than wait for IO under it, returns {@code RETRY|MAJOR}; the
 *       retry ({@code FAULT_FLAG_TRIED}) maps it: {@code MAJOR}; a cached file page: 0;
 *   <li>a swapped-out page with retry allowed: swaps in, drops the lock itself and returns {@code
 *       COMPLETED|MAJOR}; without retry: {@code MAJOR} with the lock kept;
 *   <li>a fatal signal pending where a killable wait would sleep: drops the lock, {@code RETRY}.
 * </ul>
 *
 * <p>Whenever the result has {@code RETRY} or {@code COMPLETED}, the lock named by the fault flags
 * has been released here ({@code release_fault_lock()}), as the kernel does; otherwise the caller
 * still holds it. After releasing, the VMA is not touched again: it may already be gone.
 */
final class HandleMmFault {
  private final MmapLock mmapLock;
  private final FaultLock faultLock;
  private final PageCache pageCache;

  HandleMmFault(MmapLock mmapLock, FaultLock faultLock, PageCache pageCache) {
    this.mmapLock = mmapLock;
    this.faultLock = faultLock;
    this.pageCache = pageCache;
  }

  /** {@code handle_mm_fault(vma, address, flags, regs)}. */
  int handleMmFault(VmAreaStruct vma, long address, int flags, PtRegs regs) {
    VmFault vmf = new VmFault(vma, address & VmFlags.PAGE_MASK, flags);
    faultLock.assertFaultLocked(vmf);
    MmStruct mm = vma.vmMm();
    long page = vmf.address();
    // The PTE's write bit: a write fault gets a writable entry (maybe_mkwrite()). The caller's
    // access_error() check, made under the lock still held here, has already refused a write fault
    // in a VMA without VM_WRITE, so a write fault here means VM_WRITE; reading vm_flags again
    // would add a synchronisation operation that changes nothing.
    boolean write = (flags & VmFault.FAULT_FLAG_WRITE) != 0;
    PageState st = mm.pageTables().faultLookup(page, write);
    if (st == PageState.ANON || st == PageState.FILE) {
      return 0;
    }
    if (st == PageState.SWAPPED) {
      return swapIn(vmf, mm, page, write);
    }
    if (vma.vmFile() != null) {
      return fileFault(vmf, mm, page, write);
    }
    return anonFault(vmf, mm, page, write);
  }

  private static boolean retryFirst(int flags) {
    return (flags & VmFault.FAULT_FLAG_ALLOW_RETRY) != 0 && (flags & VmFault.FAULT_FLAG_TRIED) == 0;
  }

  private static boolean killed(int flags) {
    return (flags & VmFault.FAULT_FLAG_KILLABLE) != 0 && Task.current().fatalSignalPending();
  }

  private int anonFault(VmFault vmf, MmStruct mm, long page, boolean write) {
    VmAreaStruct vma = vmf.vma();
    if (vma.anonVma() == null) {
      if ((vmf.flags() & VmFault.FAULT_FLAG_VMA_LOCK) != 0) {
        if (!mmapLock.mmapReadTrylock(mm)) {
          faultLock.releaseFaultLock(vmf);
          return VmFault.VM_FAULT_RETRY;
        }
        vma.prepareAnonVma(new Object());
        mmapLock.mmapReadUnlock(mm);
      } else {
        vma.prepareAnonVma(new Object());
      }
    }
    mm.pageTables().install(page, null, PageState.ANON, write);
    return 0;
  }

  private int fileFault(VmFault vmf, MmStruct mm, long page, boolean write) {
    VmAreaStruct vma = vmf.vma();
    String file = vma.vmFile();
    long pgoff = vma.vmPgoff() + ((page - vma.vmStart()) >>> VmFlags.PAGE_SHIFT);
    if (pageCache.contains(file, pgoff)) {
      mm.pageTables().install(page, null, PageState.FILE, write);
      return 0;
    }
    if (retryFirst(vmf.flags())) {
      // maybe_unlock_mmap_for_io(): never wait for IO while holding the lock.
      faultLock.releaseFaultLock(vmf);
      if (killed(vmf.flags())) {
        return VmFault.VM_FAULT_RETRY;
      }
      pageCache.readIn(file, pgoff);
      return VmFault.VM_FAULT_RETRY | VmFault.VM_FAULT_MAJOR;
    }
    pageCache.readIn(file, pgoff);
    mm.pageTables().install(page, null, PageState.FILE, write);
    return VmFault.VM_FAULT_MAJOR;
  }

  private int swapIn(VmFault vmf, MmStruct mm, long page, boolean write) {
    if ((vmf.flags() & VmFault.FAULT_FLAG_ALLOW_RETRY) == 0) {
      mm.pageTables().install(page, PageState.SWAPPED, PageState.ANON, write);
      return VmFault.VM_FAULT_MAJOR;
    }
    if (killed(vmf.flags())) {
      faultLock.releaseFaultLock(vmf);
      return VmFault.VM_FAULT_RETRY;
    }
    mm.pageTables().install(page, PageState.SWAPPED, PageState.ANON, write);
    faultLock.releaseFaultLock(vmf);
    return VmFault.VM_FAULT_COMPLETED | VmFault.VM_FAULT_MAJOR;
  }
}
