package dev.lockkit.lockcore.sync;

/**
 * An object whose freeing lockcore models: once it is poisoned (freed through {@code call_rcu()}
 * and past its grace period), any access through a checked accessor is a detected use-after-free
 * ({@link PoisonFault}). Subclasses call {@link #checkAlive} at the top of every accessor that the
 * kernel would perform on freed memory.
 */
public abstract class Poisonable {
  private final SharedInt poisoned = new SharedInt(0);
  private final Reports reports;

  /** An object reporting poisoned accesses to {@code reports}. */
  protected Poisonable(Reports reports) {
    this.reports = reports;
  }

  /** Marks the object freed; called from an RCU callback after the grace period. */
  public void poison() {
    poisoned.set(1);
  }

  /** Whether the object has been freed. */
  public boolean isPoisoned() {
    return poisoned.get() != 0;
  }

  /** Undoes {@link #poison} when a type-safe cache hands the object out again. */
  protected void unpoison() {
    poisoned.set(0);
  }

  /**
   * Checked access: reports and throws {@link PoisonFault} if the object was freed.
   *
   * @param access what was accessed, e.g. {@code "mas_walk"}; appears in the report
   */
  protected void checkAlive(String access) {
    if (poisoned.get() != 0) {
      throw reports.poisoned("use-after-free: " + access + " on freed " + describe());
    }
  }

  /** A deterministic description of the object for reports (never an identity hash). */
  protected abstract String describe();
}
