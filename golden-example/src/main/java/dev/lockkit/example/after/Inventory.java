package dev.lockkit.example.after;

/** The inventory after a behaviour-keeping refactoring: a rename and an extracted constant. */
public final class Inventory {

  private int stock = 1;
  private int sold;

  /** Takes one item if any is left (was {@code buy}). */
  public synchronized boolean takeOne() {
    if (stock > SOLD_OUT) {
      stock--;
      sold++;
      return true;
    }
    return false;
  }

  public synchronized String state() {
    return "stock=" + stock + " sold=" + sold;
  }

  private static final int SOLD_OUT = 0;
}
