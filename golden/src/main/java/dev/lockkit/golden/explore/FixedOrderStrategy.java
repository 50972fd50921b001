package dev.lockkit.golden.explore;

import dev.lockkit.golden.sched.DecisionContext;
import dev.lockkit.golden.sched.Strategy;
import java.util.List;

/**
 * One non-preemptive schedule: a task runs until it blocks or ends, then the first enabled task in
 * the given order runs (tasks the order leaves out come after it, by index).
 */
final class FixedOrderStrategy implements Strategy {

  private final List<Integer> order;

  FixedOrderStrategy(List<Integer> order) {
    this.order = order;
  }

  @Override
  public int choose(DecisionContext c) {
    if (c.currentEnabled()) {
      return c.current();
    }
    for (int t : order) {
      if (t < c.taskCount() && c.enabled(t)) {
        return t;
      }
    }
    return Long.numberOfTrailingZeros(c.enabledMask());
  }
}
