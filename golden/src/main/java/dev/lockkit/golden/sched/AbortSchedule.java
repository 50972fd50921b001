package dev.lockkit.golden.sched;

/**
 * Thrown from a scheduling point to unwind a task of an aborted schedule (or a thread the pool gave
 * up on). An {@code Error} so that code under test that catches {@code Exception} does not swallow
 * it; preallocated and stackless because it carries no information.
 */
final class AbortSchedule extends Error {

  private static final long serialVersionUID = 1L;

  /** The one instance. */
  static final AbortSchedule INSTANCE = new AbortSchedule();

  private AbortSchedule() {
    super("schedule aborted", null, false, false);
  }
}
