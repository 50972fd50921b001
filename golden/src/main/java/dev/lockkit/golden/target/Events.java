package dev.lockkit.golden.target;

import dev.lockkit.golden.sched.Failure;

/** What a booted {@link Machine} tells the harness while a schedule runs. */
public interface Events {

  /** A trace event (a tracepoint, a counter change), canonical text; prefixed with the task. */
  void event(String text);

  /**
   * A failure the implementation detected itself (WARN, BUG, lockdep, poisoned access). On a task
   * thread this ends the schedule and does not return normally.
   */
  void failure(Failure.Kind kind, String message);
}
