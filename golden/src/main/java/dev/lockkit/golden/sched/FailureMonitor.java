package dev.lockkit.golden.sched;

/**
 * The hook through which a target's own fault reporting (lockcore's WARN / VM_BUG_ON, lockdep
 * reports, poisoned-object accesses) reaches the scheduler, so that such a report ends the schedule
 * as a failure with a replay string instead of being printed and forgotten.
 *
 * <p>An interface because the reporting facility belongs to the code under test: each target adapts
 * its own to this.
 */
@FunctionalInterface
public interface FailureMonitor {

  /** A monitor that reports nothing. */
  FailureMonitor NONE = sink -> () -> {};

  /**
   * Starts forwarding reports to {@code sink}.
   *
   * @return a handle whose {@code close} stops forwarding
   */
  AutoCloseable attach(FailureSink sink);
}
