package dev.lockkit.lockcore.types;

import dev.lockkit.lockcore.sync.SpinLock;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The page tables of one mm, reduced to a map from page address to {@link PageState}, guarded by
 * split page-table locks as the kernel's {@code USE_SPLIT_PTE_PTLOCKS}: one PTL per page-table
 * page, i.e. per 2 MB of address space ({@link #PMD_SIZE}). Faults under the VMA lock and under the
 * mmap read lock populate entries concurrently; the PTL of the entry's table serialises them, as in
 * the kernel, while faults on VMAs in different 2 MB regions share no lock (one mm-wide lock here
 * was the line every fault of every thread wrote).
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
    final TreeMap<Long, PageState> ptes = new TreeMap<>();
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

  /** The entry for the page containing {@code address}, or null. */
  public PageState get(long address) {
    Stripe s = stripe(address);
    s.ptl.lock();
    try {
      return s.ptes.get(address & VmFlags.PAGE_MASK);
    } finally {
      s.ptl.unlock();
    }
  }

  /**
   * Installs {@code state} for the page of {@code address} if the entry is still {@code expected}
   * (null = empty); the check-and-set under the PTL is what {@code pte_same()} does for racing
   * faults. Returns whether it installed.
   */
  public boolean install(long address, PageState expected, PageState state) {
    Stripe s = stripe(address);
    s.ptl.lock();
    try {
      long page = address & VmFlags.PAGE_MASK;
      if (s.ptes.get(page) != expected) {
        return false;
      }
      s.ptes.put(page, state);
      return true;
    } finally {
      s.ptl.unlock();
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

  /** {@code copy_page_range}: copies the entries of [start, end) from {@code src}. */
  public void copyFrom(PageTables src, long start, long end) {
    Stripe[] from = src.stripesOf(start, end);
    Stripe[] to = stripesOf(start, end);
    for (int i = 0; i < from.length; i++) {
      Map<Long, PageState> copy;
      from[i].ptl.lock();
      try {
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
      out.putAll(s.ptes.subMap(start, end));
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
