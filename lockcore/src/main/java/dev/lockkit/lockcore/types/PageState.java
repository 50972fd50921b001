package dev.lockkit.lockcore.types;

/** What a page-table entry of the stand-in page tables holds. */
public enum PageState {
  /** A present anonymous page. */
  ANON,
  /** A present page-cache page of the VMA's file. */
  FILE,
  /** An anonymous page written out to swap: the next fault swaps it in, with IO. */
  SWAPPED
}
