package dev.lockkit.golden.sched;

/**
 * The result of running one schedule.
 *
 * @param schedule the schedule string that replays this run exactly
 * @param failure what went wrong, or null when every task finished
 * @param steps scheduling points reached by all tasks
 * @param switches context switches (hand-offs from one task to another)
 */
public record ScheduleRun(Schedule schedule, Failure failure, int steps, int switches) {

  /** Whether the run ended in a failure. */
  public boolean failed() {
    return failure != null;
  }
}
