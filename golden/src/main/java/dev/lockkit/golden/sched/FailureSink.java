package dev.lockkit.golden.sched;

/** Receives failures the code under test reports about itself (WARN, BUG, lockdep, poison). */
@FunctionalInterface
public interface FailureSink {

  /**
   * Reports a failure. Called on the task thread that detected it; under the controlled platform
   * the schedule ends there (the call does not return normally on a task thread).
   */
  void report(Failure.Kind kind, String message);
}
