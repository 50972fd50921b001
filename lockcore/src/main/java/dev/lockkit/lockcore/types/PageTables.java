package dev.lockkit.lockcore.types;

import dev.lockkit.lockcore.sync.SpinLock;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The page tables of one mm, reduced to a map from page address to {@link Pte} (what the entry maps
 * and its write bit), guarded by split page-table locks as the kernel's {@code
 * USE_SPLIT_PTE_PTLOCKS}: one PTL per page-table page, i.e. per 2 MB of address space ({@link
 * #PMD_SIZE}). Faults under the VMA lock and under the mmap read lock populate entries
 * concurrently; the PTL of the entry's table serialises them, as in the kernel, while faults on
 * VMAs in different 2 MB regions share no lock (one mm-wide lock here was the line every fault of
 * every thread wrote).
 *
 * <p>The model keeps a fixed number of stripes, each a lock and the entries of the page-table pages
 * hashed to it: two regions may share a stripe (more serialisation than the kernel, never less).
 */
public final class PageTables {
  /** The span of one page-table page: 512 entries of 4 KB. */
  public static final long PMD_SIZE = 1L << 21;

  private static final int STRIPES = 16;

  private static final class Stripe {
    final SpinLock ptl = new SpinLock();
    // guarded by ptl (debugSnapshot reads it without, see there)
    final TreeMap<Long, Pte> ptes = new TreeMap<>();
  }

  private final Stripe[] stripes = new Stripe[STRIPES];

  /** Empty page tables. */
  public PageTables() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe();
    }
  }

  private Stripe stripe(long address) {
    return stripes[(int) ((address >>> 21) & (STRIPES - 1))];
  }

  private static PageState stateOf(Pte pte) {
    return pte == null ? null : pte.state();
  }

  /** What the entry for the page containing {@code address} maps, or null. */
  public PageState get(long address) {
    return stateOf(pte(address));
  }

  /** The entry for the page containing {@code address}, or null ({@code pte_none}). */
  public Pte pte(long address) {
    Stripe s = stripe(address);
    s.ptl.lock();
    try {
      return s.ptes.get(address & VmFlags.PAGE_MASK);
    } finally {
      s.ptl.unlock();
    }
  }

  /**
   * The fault path's look at the entry, with {@code do_wp_page()} folded in: returns what the entry
   * maps, or null; when it is present but not writable and {@code wpMakeWritable} (a write fault in
   * a VMA with {@code VM_WRITE}), makes it writable under the same PTL hold, as the kernel's
   * write-protect fault reuses or copies the page and sets the write bit under the PTL after {@code
   * pte_same()}. One lock hold, as a plain lookup: the fault adds no synchronisation operation.
   */
  public PageState faultLookup(long address, boolean wpMakeWritable) {
    Stripe s = stripe(address);
    s.ptl.lock();
    try {
      long page = address & VmFlags.PAGE_MASK;
      Pte e = s.ptes.get(page);
      if (e != null && wpMakeWritable && e.present() && !e.write()) {
        s.ptes.put(page, new Pte(e.state(), true));
      }
      return stateOf(e);
    } finally {
      s.ptl.unlock();
    }
  }

  /**
   * Installs a read-only {@code state} for the page of {@code address} if the entry still maps
   * {@code expected} (null = empty); see {@link #install(long, PageState, PageState, boolean)}.
   */
  public boolean install(long address, PageState expected, PageState state) {
    return install(address, expected, state, false);
  }

  /**
   * Installs {@code state}, writable if {@code write}, for the page of {@code address} if the entry
   * still maps {@code expected} (null = empty); the check-and-set under the PTL is what {@code
   * pte_same()} does for racing faults. Returns whether it installed.
   */
  public boolean install(long address, PageState expected, PageState state, boolean write) {
    Stripe s = stripe(address);
    s.ptl.lock();
    try {
      long page = address & VmFlags.PAGE_MASK;
      if (stateOf(s.ptes.get(page)) != expected) {
        return false;
      }
      s.ptes.put(page, new Pte(state, write));
      return true;
    } finally {
      s.ptl.unlock();
    }
  }

  /**
   * {@code change_protection()} of [start, end) to a protection that allows writes or not, one
   * page-table lock at a time: without write, every present entry loses its write bit (the next
   * write faults, and finds the VMA read-only); with write, entries keep the bit they have and none
   * gains it (a read-only entry becomes writable at its next write fault, {@code do_wp_page()}).
   */
  public void changeProtection(long start, long end, boolean write) {
    for (Stripe s : stripesOf(start, end)) {
      s.ptl.lock();
      try {
        if (!write) {
          s.ptes
              .subMap(start, end)
              .replaceAll((page, e) -> e.write() ? new Pte(e.state(), false) : e);
        }
      } finally {
        s.ptl.unlock();
      }
    }
  }

  /**
   * The stripes holding entries of [start, end), each once, in stripe order: the one stripe of a
   * range inside one page-table page (the common case: one lock, as before the split), else all.
   */
  private Stripe[] stripesOf(long start, long end) {
    if (end > start && (start >>> 21) == ((end - 1) >>> 21)) {
      return new Stripe[] {stripe(start)};
    }
    return stripes;
  }

  /** {@code zap_page_range}: removes every entry in [start, end), one page-table lock at a time. */
  public void clear(long start, long end) {
    for (Stripe s : stripesOf(start, end)) {
      s.ptl.lock();
      try {
        s.ptes.subMap(start, end).clear();
      } finally {
        s.ptl.unlock();
      }
    }
  }

  /**
   * {@code copy_page_range}: copies the entries of [start, end) from {@code src}. With {@code cow}
   * (a private writable mapping, {@code is_cow_mapping()}), write-protects them in the parent and
   * the child under the source PTL, as {@code copy_present_pte()} does, so that the first write on
   * either side faults and copies.
   */
  public void copyFrom(PageTables src, long start, long end, boolean cow) {
    Stripe[] from = src.stripesOf(start, end);
    Stripe[] to = stripesOf(start, end);
    for (int i = 0; i < from.length; i++) {
      Map<Long, Pte> copy;
      from[i].ptl.lock();
      try {
        if (cow) {
          from[i]
              .ptes
              .subMap(start, end)
              .replaceAll((page, e) -> e.write() ? new Pte(e.state(), false) : e);
        }
        copy = new TreeMap<>(from[i].ptes.subMap(start, end));
      } finally {
        from[i].ptl.unlock();
      }
      // Same layout on both sides: stripe i of the source maps to stripe i of the copy.
      to[i].ptl.lock();
      try {
        to[i].ptes.putAll(copy);
      } finally {
        to[i].ptl.unlock();
      }
    }
  }

  /**
   * The entries of [start, end), read without the PTL: for the model's consistency checks only
   * (like a debug walk of the page tables), never for kernel decisions. It adds no synchronisation
   * operation, so checks built on it leave schedules, traces and the real platform's interleavings
   * unchanged. Only for a caller whose locks exclude every writer of these page tables (as fork's
   * check does with the mmap write lock and every VMA write-locked): otherwise the unlocked read
   * races with the writer, which is the bug such a check exists to report.
   */
  public NavigableMap<Long, PageState> debugSnapshot(long start, long end) {
    TreeMap<Long, PageState> out = new TreeMap<>();
    for (Stripe s : stripesOf(start, end)) {
      s.ptes.subMap(start, end).forEach((page, e) -> out.put(page, e.state()));
    }
    return out;
  }

  /**
   * Every entry, by page address, each stripe read under its PTL: the final page tables a golden
   * snapshot shows (a kernel developer's page-table dump), taken after the tasks ended.
   */
  public NavigableMap<Long, Pte> entries() {
    TreeMap<Long, Pte> out = new TreeMap<>();
    for (Stripe s : stripes) {
      s.ptl.lock();
      try {
        out.putAll(s.ptes);
      } finally {
        s.ptl.unlock();
      }
    }
    return out;
  }

  /** The number of present or swapped entries (diagnostics and tests). */
  public int size() {
    int n = 0;
    for (Stripe s : stripes) {
      s.ptl.lock();
      try {
        n += s.ptes.size();
      } finally {
        s.ptl.unlock();
      }
    }
    return n;
  }
}
