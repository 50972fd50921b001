package dev.lockkit.golden.target;

import dev.lockkit.golden.scenario.Op;

/**
 * One booted instance of an implementation, fresh for each schedule. {@link #enterTask} and {@link
 * #perform} run on the task's thread under the controlled platform; {@link #snapshot} runs on the
 * harness thread after every task has finished.
 */
public interface Machine {

  /**
   * Binds the calling thread to task {@code task} ({@code T<task>}) before its first operation.
   * Task threads are pooled and reused, so thread-local state must be set here, never assumed.
   */
  void enterTask(int task);

  /** Performs {@code op} as task {@code task} and returns its result as canonical text. */
  String perform(int task, Op op);

  /** The final state (address space, counters...) as canonical text. */
  String snapshot();
}
