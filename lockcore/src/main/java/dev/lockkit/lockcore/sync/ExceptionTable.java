package dev.lockkit.lockcore.sync;

import java.util.Set;
import java.util.TreeSet;

/**
 * The kernel's {@code __ex_table}: instruction addresses that are allowed to fault in kernel mode
 * (user-copy routines) and have a fixup. Fixed at boot, so it is immutable and needs no cells.
 */
public final class ExceptionTable {
  private final Set<Long> ips;

  /** A table holding {@code ips}. */
  public ExceptionTable(Set<Long> ips) {
    this.ips = Set.copyOf(new TreeSet<>(ips));
  }

  /** An empty table: every kernel-mode fault is an oops. */
  public static ExceptionTable empty() {
    return new ExceptionTable(Set.of());
  }

  /** {@code search_exception_tables(ip) != NULL}. */
  public boolean search(long ip) {
    return ips.contains(ip);
  }
}
