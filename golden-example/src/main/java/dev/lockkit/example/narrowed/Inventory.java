package dev.lockkit.example.narrowed;

/**
 * The inventory after a "performance" change that narrows the lock: the check and the update are
 * two critical sections, so two buyers can both see the last item.
 */
public final class Inventory {

  private int stock = 1;
  private int sold;

  /** Takes one item if any is left. */
  public boolean buy() {
    boolean available;
    synchronized (this) {
      available = stock > 0;
    }
    if (!available) {
      return false;
    }
    synchronized (this) {
      stock--;
      sold++;
    }
    return true;
  }

  public synchronized String state() {
    return "stock=" + stock + " sold=" + sold;
  }
}
