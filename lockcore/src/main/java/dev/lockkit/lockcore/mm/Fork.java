package dev.lockkit.lockcore.mm;

import dev.lockkit.lockcore.mmaplock.MmapLock;
import dev.lockkit.lockcore.sync.Reports;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.PageState;
import dev.lockkit.lockcore.types.VmAreaStruct;
import dev.lockkit.lockcore.types.VmFlags;
import dev.lockkit.lockcore.vmalock.VmaLock;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * {@code dup_mmap()} of {@code kernel/fork.c}: copies an address space under both mmap write locks
 * (the child's with {@code SINGLE_DEPTH_NESTING} for lockdep).
 *
 * <p>Every parent VMA is write-locked ({@code vma_start_write}) before it is copied and stays so
 * until the parent's mmap write lock is released ({@code vma_end_write_all}). Without that, a
 * concurrent fault under the parent's per-VMA lock could change a VMA's page tables after they were
 * copied (the 6.4 fork bug, {@code HistoricalBug.FORK_WITHOUT_VMA_LOCK}, fixed by write-locking in
 * {@code dup_mmap}). In the kernel the damage shows as memory corruption through the copy-on-write
 * pages, which lockcore does not model (no page contents, no TLB); what it checks instead is the
 * invariant the fix restores: at {@code flush_tlb_mm(oldmm)}, where the copy-on-write
 * write-protection takes effect for the parent's other threads, the parent still maps, in every
 * copied VMA, exactly what the child got. A difference is reported as a WARN.
 */
final class Fork {
  private final MmapLock mmapLock;
  private final VmaLock vmaLock;
  private final VmaCache cache;
  private final Supplier<MmStruct> mmAlloc;
  private final Reports reports;
  // HistoricalBug.FORK_WITHOUT_VMA_LOCK: copy without write-locking the parent's VMAs (6.4).
  private final boolean withoutVmaLock;

  Fork(
      MmapLock mmapLock,
      VmaLock vmaLock,
      VmaCache cache,
      Supplier<MmStruct> mmAlloc,
      Reports reports,
      boolean withoutVmaLock) {
    this.mmapLock = mmapLock;
    this.vmaLock = vmaLock;
    this.cache = cache;
    this.mmAlloc = mmAlloc;
    this.reports = reports;
    this.withoutVmaLock = withoutVmaLock;
  }

  /** {@code dup_mm()} / {@code dup_mmap(mm, oldmm)}. */
  ForkResult dupMmap(MmStruct oldmm) {
    int r = mmapLock.mmapWriteLockKillable(oldmm);
    if (r != 0) {
      return new ForkResult(r, null);
    }
    MmStruct mm = mmAlloc.get();
    mmapLock.mmapWriteLockNested(mm, MmapLock.SINGLE_DEPTH_NESTING);
    List<long[]> copied = new ArrayList<>();
    for (VmAreaStruct mpnt : oldmm.mmMt().all()) {
      if (!withoutVmaLock) {
        vmaLock.vmaStartWrite(mpnt);
      }
      VmAreaStruct tmp = cache.vmAreaDup(mpnt, mm);
      if (mpnt.anonVma() != null) {
        tmp.prepareAnonVma(new Object()); // anon_vma_fork(): the child gets its own
      }
      vmaLock.vmaStartWrite(tmp);
      vmaLock.vmaMarkAttached(tmp);
      mm.mmMt().insert(tmp);
      mm.mapCount().getAndAdd(1);
      // copy_page_range(): shared and file pages refault in the child; anonymous ones are copied.
      long vf = mpnt.vmFlags();
      if ((vf & VmFlags.VM_SHARED) == 0 && mpnt.vmFile() == null) {
        long start = mpnt.vmStart();
        long end = mpnt.vmEnd();
        // is_cow_mapping(): both sides lose the write bit, the first write copies.
        boolean cow = (vf & VmFlags.VM_MAYWRITE) != 0;
        mm.pageTables().copyFrom(oldmm.pageTables(), start, end, cow);
        copied.add(new long[] {start, end});
      }
    }
    mmapLock.mmapWriteUnlock(mm);
    flushTlbMm(oldmm, mm, copied);
    mmapLock.mmapWriteUnlock(oldmm);
    return new ForkResult(0, mm);
  }

  /**
   * {@code flush_tlb_mm(oldmm)} with lockcore's check that the copy is still the parent's: reads
   * the page tables without synchronisation, so the fixed kernel's schedules are unchanged.
   */
  private void flushTlbMm(MmStruct oldmm, MmStruct mm, List<long[]> copied) {
    for (long[] range : copied) {
      NavigableMap<Long, PageState> parent = oldmm.pageTables().debugSnapshot(range[0], range[1]);
      NavigableMap<Long, PageState> child = mm.pageTables().debugSnapshot(range[0], range[1]);
      if (parent.equals(child)) {
        continue;
      }
      TreeSet<Long> pages = new TreeSet<>(parent.keySet());
      pages.addAll(child.keySet());
      for (long page : pages) {
        if (!Objects.equals(parent.get(page), child.get(page))) {
          reports.warn(
              String.format(
                  "dup_mmap: %s is not a copy of %s at flush_tlb_mm: page %#x is %s in the parent,"
                      + " %s in the child (a fault changed [%#x, %#x) during the copy)",
                  mm,
                  oldmm,
                  page,
                  name(parent.get(page)),
                  name(child.get(page)),
                  range[0],
                  range[1]));
          return;
        }
      }
    }
  }

  private static String name(PageState s) {
    return s == null ? "empty" : s.name();
  }
}
