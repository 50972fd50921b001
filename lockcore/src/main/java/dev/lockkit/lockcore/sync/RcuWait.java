package dev.lockkit.lockcore.sync;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code struct rcuwait}: at most one sleeping waiter, woken by whoever changes its condition.
 *
 * <p>No lost wake-up: the waiter publishes itself with a fully ordered store, then evaluates the
 * condition (through {@code sync} cells); a waker changes the condition with a fully ordered
 * operation, then loads the waiter with a fully ordered load ({@code smp_mb()} in {@code
 * rcuwait_wake_up()}). Sequential consistency forbids both sides missing each other. Park may
 * return spuriously, so the condition is re-checked in a loop.
 */
public final class RcuWait {
  private final SharedRef<Task> waiter = new SharedRef<>(null);
  private final Reports reports;
  // The model's KASAN view of the structure embedding this rcuwait: its name once it was freed,
  // else null. Not kernel state, so it is read without a scheduling point.
  private final Supplier<String> freedOwner;

  /** A wait with no waiter, reporting misuse to {@code reports}. */
  public RcuWait(Reports reports) {
    this(reports, () -> null);
  }

  /**
   * A wait embedded in a structure that can be freed: {@code freedOwner} names that structure once
   * it is freed (null before), and a wake-up after that is a reported use-after-free.
   */
  public RcuWait(Reports reports, Supplier<String> freedOwner) {
    this.reports = reports;
    this.freedOwner = freedOwner;
  }

  /**
   * {@code rcuwait_wait_event(w, condition, TASK_UNINTERRUPTIBLE)}: sleeps until {@code condition}
   * holds. Fatal signals are ignored, as for any uninterruptible sleep.
   */
  public void waitEvent(BooleanSupplier condition) {
    Task me = Task.current();
    Task other = waiter.get();
    if (other != null && other != me) {
      reports.warn("rcuwait: second waiter " + me.name() + " while " + other.name() + " waits");
    }
    waiter.set(me);
    try {
      while (!condition.getAsBoolean()) {
        waiter.platform().park(this);
      }
    } finally {
      waiter.set(null);
    }
  }

  /** {@code rcuwait_wake_up()}: wakes the waiter if there is one; returns whether there was. */
  public boolean wakeUp() {
    Task t = waiter.get();
    String freed = freedOwner.get();
    if (freed != null) {
      throw reports.poisoned(
          "use-after-free: rcuwait_wake_up on the vma_writer_wait of freed " + freed);
    }
    if (t == null) {
      return false;
    }
    Thread th = t.thread();
    if (th != null) {
      waiter.platform().unpark(th);
    }
    return true;
  }

  /** {@code rcuwait_active()}. */
  public boolean active() {
    return waiter.get() != null;
  }
}
