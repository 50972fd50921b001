package dev.lockkit.lockcore.mm;

/**
 * One-line bugs planted in lockcore (not historical kernel bugs, see {@code HistoricalBug}) so that
 * tests can show what the golden suite sees. Reached only through {@link
 * Kernel#bootWithPlantedBug}; each keeps every synchronisation operation of the fixed code, so the
 * bug shows only in state, never in a shifted schedule.
 */
public enum PlantedBug {
  /**
   * mprotect passes the VMA's old write permission to {@code change_protection()}: a page made
   * writable by a fault before an mprotect to read-only keeps a writable PTE in the read-only part.
   * Maps, results and counters are those of the fixed kernel; only the page tables differ.
   */
  MPROTECT_KEEPS_WRITE
}
