package dev.lockkit.example.before;

/** A stock of items; {@code buy} takes one if any is left. The version before a refactoring. */
public final class Inventory {

  private int stock = 1;
  private int sold;

  /** Takes one item if any is left. */
  public synchronized boolean buy() {
    if (stock > 0) {
      stock--;
      sold++;
      return true;
    }
    return false;
  }

  public synchronized String state() {
    return "stock=" + stock + " sold=" + sold;
  }
}
