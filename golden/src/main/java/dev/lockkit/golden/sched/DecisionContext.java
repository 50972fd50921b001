package dev.lockkit.golden.sched;

/** What a {@link Strategy} sees at a scheduling point. Valid only during the call. */
public interface DecisionContext {

  /** Number of tasks in the schedule. */
  int taskCount();

  /** The task whose scheduling point this is, or -1 for the first decision of a schedule. */
  int current();

  /** Whether {@link #current()} may continue (it is not parked, spinning or finished). */
  boolean currentEnabled();

  /** Bit {@code i} set when task {@code i} may run; never zero when a strategy is asked. */
  long enabledMask();

  /** How many scheduling points task {@code task} has reached (0 before it starts). */
  int count(int task);

  /** Scheduling points reached so far in this schedule, by all tasks. */
  int step();

  /** Whether task {@code task} may run. */
  default boolean enabled(int task) {
    return (enabledMask() & (1L << task)) != 0;
  }

  /** The non-preemptive default: the current task if it may continue, else the lowest enabled. */
  default int defaultChoice() {
    return currentEnabled() ? current() : Long.numberOfTrailingZeros(enabledMask());
  }
}
