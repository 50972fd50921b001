package dev.lockkit.lockcore.types;

import dev.lockkit.lockcore.sync.SpinLock;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The page tables of one mm, reduced to a map from page address to {@link PageState}, guarded by
 * {@code page_table_lock} (a spin lock, as the kernel's PTL). Faults under the VMA lock and under
 * the mmap read lock populate entries concurrently; the PTL serialises them, as in the kernel.
 */
public final class PageTables {
  private final SpinLock ptl = new SpinLock();
  // guarded by ptl (debugSnapshot reads it without, see there)
  private final TreeMap<Long, PageState> ptes = new TreeMap<>();

  /** The entry for the page containing {@code address}, or null. */
  public PageState get(long address) {
    ptl.lock();
    try {
      return ptes.get(address & VmFlags.PAGE_MASK);
    } finally {
      ptl.unlock();
    }
  }

  /**
   * Installs {@code state} for the page of {@code address} if the entry is still {@code expected}
   * (null = empty); the check-and-set under the PTL is what {@code pte_same()} does for racing
   * faults. Returns whether it installed.
   */
  public boolean install(long address, PageState expected, PageState state) {
    ptl.lock();
    try {
      long page = address & VmFlags.PAGE_MASK;
      if (ptes.get(page) != expected) {
        return false;
      }
      ptes.put(page, state);
      return true;
    } finally {
      ptl.unlock();
    }
  }

  /** {@code zap_page_range}: removes every entry in [start, end). */
  public void clear(long start, long end) {
    ptl.lock();
    try {
      ptes.subMap(start, end).clear();
    } finally {
      ptl.unlock();
    }
  }

  /** {@code copy_page_range}: copies the entries of [start, end) from {@code src}. */
  public void copyFrom(PageTables src, long start, long end) {
    Map<Long, PageState> copy;
    src.ptl.lock();
    try {
      copy = new TreeMap<>(src.ptes.subMap(start, end));
    } finally {
      src.ptl.unlock();
    }
    ptl.lock();
    try {
      ptes.putAll(copy);
    } finally {
      ptl.unlock();
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
    return new TreeMap<>(ptes.subMap(start, end));
  }

  /** The number of present or swapped entries (diagnostics and tests). */
  public int size() {
    ptl.lock();
    try {
      return ptes.size();
    } finally {
      ptl.unlock();
    }
  }
}
