package dev.lockkit.golden.sched;

/**
 * Cumulative measurements of a {@link ControlledPlatform}.
 *
 * @param schedules schedules run
 * @param handoffs hand-offs of the turn between threads
 * @param handoffNanos time from giving the turn to the receiver running, summed
 * @param runNanos wall time of all schedules (setup and outcome excluded), summed
 */
public record PlatformStats(long schedules, long handoffs, long handoffNanos, long runNanos) {

  /** Share of run time spent handing the turn over, 0..1. */
  public double handoffShare() {
    return runNanos == 0 ? 0 : (double) handoffNanos / runNanos;
  }
}
