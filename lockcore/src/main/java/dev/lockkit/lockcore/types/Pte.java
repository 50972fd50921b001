package dev.lockkit.lockcore.types;

/**
 * One page-table entry of the stand-in page tables: what it maps and whether the hardware lets a
 * write through ({@code pte_write()}). Present entries ({@link PageState#ANON}, {@link
 * PageState#FILE}) are readable; a swap entry ({@link PageState#SWAPPED}) is never writable.
 *
 * @param state what the entry maps
 * @param write {@code pte_write()}: a write through this entry does not fault
 */
public record Pte(PageState state, boolean write) {
  /** A present or swap entry; {@code write} only for a present one. */
  public Pte {
    if (state == null) {
      throw new IllegalArgumentException("a PTE maps something: use no entry for pte_none");
    }
    if (write && state == PageState.SWAPPED) {
      throw new IllegalArgumentException("a swap entry is never writable");
    }
  }

  /** Whether the entry maps a page ({@code pte_present()}). */
  public boolean present() {
    return state != PageState.SWAPPED;
  }

  /** The entry as the golden text shows it: {@code r}/{@code rw}, {@code swap} for a swap entry. */
  public String protText() {
    return !present() ? "swap" : write ? "rw" : "r";
  }
}
