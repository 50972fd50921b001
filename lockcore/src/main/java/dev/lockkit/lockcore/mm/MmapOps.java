package dev.lockkit.lockcore.mm;

import dev.lockkit.lockcore.mmaplock.MmapLock;
import dev.lockkit.lockcore.sync.Errno;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmAreaStruct;
import dev.lockkit.lockcore.types.VmFlags;
import dev.lockkit.lockcore.types.VmaTree;
import dev.lockkit.lockcore.vmalock.VmaLock;
import java.util.List;

/**
 * The address-space writers of {@code mm/mmap.c} and {@code mm/vma.c}: {@code do_mmap()}, {@code
 * do_vmi_munmap()} with {@code __split_vma()}, and {@code mprotect}. Each validates its arguments
 * before taking any lock, so bad input returns an errno and changes nothing.
 *
 * <p>Locking, as in the kernel: the mmap write lock is taken killably; every existing VMA is
 * write-locked ({@code vma_start_write}) before it is changed, split or detached; new VMAs are
 * write-locked (which only records the sequence, since they are detached), attached, then stored.
 * munmap downgrades to the read lock before zapping pages and freeing the VMAs. Merging of adjacent
 * VMAs is not modelled.
 */
final class MmapOps {
  private final MmapLock mmapLock;
  private final VmaLock vmaLock;
  private final VmaCache cache;
  // PlantedBug.MPROTECT_KEEPS_WRITE: change_protection() gets the old write permission.
  private final boolean planted;

  MmapOps(MmapLock mmapLock, VmaLock vmaLock, VmaCache cache) {
    this(mmapLock, vmaLock, cache, false);
  }

  MmapOps(MmapLock mmapLock, VmaLock vmaLock, VmaCache cache, boolean planted) {
    this.mmapLock = mmapLock;
    this.vmaLock = vmaLock;
    this.cache = cache;
    this.planted = planted;
  }

  /** {@code calc_vm_prot_bits()} plus the {@code VM_MAY*} bits every mapping here gets. */
  static long vmFlagsFor(int prot, boolean shared) {
    long f = 0;
    if ((prot & Kernel.PROT_READ) != 0) {
      f |= VmFlags.VM_READ;
    }
    if ((prot & Kernel.PROT_WRITE) != 0) {
      f |= VmFlags.VM_WRITE;
    }
    if ((prot & Kernel.PROT_EXEC) != 0) {
      f |= VmFlags.VM_EXEC;
    }
    f |= VmFlags.VM_MAYREAD | VmFlags.VM_MAYWRITE | VmFlags.VM_MAYEXEC;
    if (shared) {
      f |= VmFlags.VM_SHARED | VmFlags.VM_MAYSHARE;
    }
    return f;
  }

  /**
   * {@code get_unmapped_area()}: {@code hint} if [hint, hint+len) is free and valid, else the
   * lowest free gap at or above {@code mmap_min_addr}; -ENOMEM if none. Caller holds the mmap lock.
   */
  static long getUnmappedArea(MmStruct mm, long hint, long len) {
    if (hint >= VmFlags.MMAP_MIN_ADDR
        && (hint & ~VmFlags.PAGE_MASK) == 0
        && hint <= VmFlags.TASK_SIZE - len
        && mm.mmMt().intersecting(hint, hint + len).isEmpty()) {
      return hint;
    }
    long cursor = VmFlags.MMAP_MIN_ADDR;
    for (VmAreaStruct v : mm.mmMt().all()) {
      if (v.vmStart() - cursor >= len) {
        return cursor;
      }
      cursor = Math.max(cursor, v.vmEnd());
    }
    return VmFlags.TASK_SIZE - cursor >= len ? cursor : -Errno.ENOMEM;
  }

  /**
   * {@code do_mmap()} with already-validated arguments: maps [start or a free area, +len) with
   * {@code vmFlags}. Returns the address or a negative errno.
   */
  long mmapRegion(
      MmStruct mm, long addr, long len, long vmFlags, String file, long pgoff, int mapFlags) {
    boolean fixed = (mapFlags & (Kernel.MAP_FIXED | Kernel.MAP_FIXED_NOREPLACE)) != 0;
    int r = mmapLock.mmapWriteLockKillable(mm);
    if (r != 0) {
      return r;
    }
    long start;
    if (fixed) {
      start = addr;
      if (!mm.mmMt().intersecting(start, start + len).isEmpty()) {
        if ((mapFlags & Kernel.MAP_FIXED_NOREPLACE) != 0) {
          mmapLock.mmapWriteUnlock(mm);
          return -Errno.EEXIST;
        }
        doVmiMunmap(mm, start, start + len, false);
      }
    } else {
      start = getUnmappedArea(mm, addr, len);
      if (start < 0) {
        mmapLock.mmapWriteUnlock(mm);
        return start;
      }
    }
    VmAreaStruct vma = cache.vmAreaAlloc(mm);
    vma.setVmStart(start);
    vma.setVmEnd(start + len);
    vma.setVmPgoff(file != null ? pgoff : start >>> VmFlags.PAGE_SHIFT);
    vma.setVmFlags(vmFlags);
    vma.setVmPageProt(VmFlags.pageProt(vmFlags));
    vma.setVmFile(file);
    vmaLock.vmaStartWrite(vma);
    vmaLock.vmaMarkAttached(vma);
    mm.mmMt().insert(vma);
    mm.mapCount().getAndAdd(1);
    mmapLock.mmapWriteUnlock(mm);
    return start;
  }

  /**
   * {@code __split_vma(vma, addr)}: {@code vma} keeps [start, addr), a new VMA takes [addr, end).
   * Both are write-locked; caller holds the mmap write lock.
   */
  VmAreaStruct splitVma(MmStruct mm, VmAreaStruct vma, long addr) {
    VmAreaStruct upper = cache.vmAreaDup(vma, mm);
    vmaLock.vmaStartWrite(vma);
    vmaLock.vmaStartWrite(upper);
    upper.setVmStart(addr);
    upper.setVmPgoff(vma.vmPgoff() + ((addr - vma.vmStart()) >>> VmFlags.PAGE_SHIFT));
    vma.setVmEnd(addr);
    mm.mmMt().update(vma);
    vmaLock.vmaMarkAttached(upper);
    mm.mmMt().insert(upper);
    mm.mapCount().getAndAdd(1);
    return upper;
  }

  /** Splits so that no VMA straddles {@code start} or {@code end}; returns the VMAs inside. */
  private List<VmAreaStruct> isolate(MmStruct mm, long start, long end) {
    VmaTree tree = mm.mmMt();
    List<VmAreaStruct> hit = tree.intersecting(start, end);
    if (hit.isEmpty()) {
      return hit;
    }
    VmAreaStruct first = hit.get(0);
    if (first.vmStart() < start) {
      splitVma(mm, first, start);
    }
    hit = tree.intersecting(start, end);
    VmAreaStruct last = hit.get(hit.size() - 1);
    if (last.vmEnd() > end) {
      splitVma(mm, last, end);
    }
    return tree.intersecting(start, end);
  }

  /**
   * {@code do_vmi_align_munmap()}: unmaps [start, end) with the mmap write lock held. With {@code
   * unlock}, downgrades before zapping and freeing and returns with nothing held.
   */
  int doVmiMunmap(MmStruct mm, long start, long end, boolean unlock) {
    List<VmAreaStruct> gone = isolate(mm, start, end);
    for (VmAreaStruct v : gone) {
      vmaLock.vmaStartWrite(v);
    }
    for (VmAreaStruct v : gone) {
      vmaLock.vmaMarkDetached(v);
      mm.mmMt().remove(v);
      mm.mapCount().getAndAdd(-1);
    }
    if (unlock) {
      mmapLock.mmapWriteDowngrade(mm);
    }
    mm.pageTables().clear(start, end);
    for (VmAreaStruct v : gone) {
      cache.vmAreaFree(v);
    }
    if (unlock) {
      mmapLock.mmapReadUnlock(mm);
    }
    return 0;
  }

  /**
   * {@code exit_mmap()}: tears down the whole address space of an mm nobody uses any more. Every
   * VMA is write-locked and detached ({@code vma_mark_detached()}, which waits for lockless readers
   * that still hold a reference) before it is freed, all under the mmap write lock.
   */
  void exitMmap(MmStruct mm) {
    mmapLock.mmapWriteLock(mm);
    doVmiMunmap(mm, 0, VmFlags.TASK_SIZE, false);
    mmapLock.mmapWriteUnlock(mm);
  }

  /** {@code __vm_munmap(start, len, true)}: 0 or a negative errno; see {@link Kernel#munmap}. */
  int munmap(MmStruct mm, long start, long len) {
    if ((start & ~VmFlags.PAGE_MASK) != 0
        || start < 0
        || start > VmFlags.TASK_SIZE
        || len < 0
        || len > VmFlags.TASK_SIZE - start) {
      return -Errno.EINVAL;
    }
    long alen = VmFlags.pageAlign(len);
    if (alen == 0) {
      return -Errno.EINVAL;
    }
    int r = mmapLock.mmapWriteLockKillable(mm);
    if (r != 0) {
      return r;
    }
    return doVmiMunmap(mm, start, start + alen, true);
  }

  /** {@code do_mprotect_pkey()}: 0 or a negative errno; see {@link Kernel#mprotect}. */
  int mprotect(MmStruct mm, long start, long len, int prot) {
    if ((start & ~VmFlags.PAGE_MASK) != 0 || start < 0) {
      return -Errno.EINVAL;
    }
    if ((prot & ~(Kernel.PROT_READ | Kernel.PROT_WRITE | Kernel.PROT_EXEC)) != 0) {
      return -Errno.EINVAL;
    }
    if (len == 0) {
      return 0;
    }
    long alen = VmFlags.pageAlign(len);
    long end = start + alen;
    if (alen == 0 || len < 0 || end <= start || end > VmFlags.TASK_SIZE) {
      return -Errno.ENOMEM;
    }
    int r = mmapLock.mmapWriteLockKillable(mm);
    if (r != 0) {
      return r;
    }
    // Check the whole range before changing anything (the kernel may stop half-way; lockcore
    // keeps "bad input changes nothing").
    long cursor = start;
    for (VmAreaStruct v : mm.mmMt().intersecting(start, end)) {
      long want = vmFlagsFor(prot, false) & (VmFlags.VM_READ | VmFlags.VM_WRITE | VmFlags.VM_EXEC);
      long may = (v.vmFlags() >> 4) & (VmFlags.VM_READ | VmFlags.VM_WRITE | VmFlags.VM_EXEC);
      if (v.vmStart() > cursor || (want & ~may) != 0) {
        mmapLock.mmapWriteUnlock(mm);
        return v.vmStart() > cursor ? -Errno.ENOMEM : -Errno.EACCES;
      }
      cursor = v.vmEnd();
    }
    if (cursor < end) {
      mmapLock.mmapWriteUnlock(mm);
      return -Errno.ENOMEM;
    }
    boolean newWrite = (prot & Kernel.PROT_WRITE) != 0;
    boolean oldWrite = false;
    for (VmAreaStruct v : isolate(mm, start, end)) {
      vmaLock.vmaStartWrite(v);
      long old = v.vmFlags();
      oldWrite |= (old & VmFlags.VM_WRITE) != 0;
      long nf =
          (old & ~(VmFlags.VM_READ | VmFlags.VM_WRITE | VmFlags.VM_EXEC))
              | (vmFlagsFor(prot, false) & (VmFlags.VM_READ | VmFlags.VM_WRITE | VmFlags.VM_EXEC));
      // Two separate stores: readers under the VMA lock must never see them disagree.
      v.setVmFlags(nf);
      v.setVmPageProt(VmFlags.pageProt(nf));
    }
    // change_protection(): the PTEs follow the VMAs, still under every VMA's write lock, so no
    // fault installs an entry in the range meanwhile. One call for the whole range (the kernel
    // makes one per VMA): the VMAs tile [start, end) and all get the same protection, and the
    // range needs no re-read of VMA bounds. The planted bug passes on the old write permission.
    mm.pageTables().changeProtection(start, end, planted ? oldWrite : newWrite);
    mmapLock.mmapWriteUnlock(mm);
    return 0;
  }
}
