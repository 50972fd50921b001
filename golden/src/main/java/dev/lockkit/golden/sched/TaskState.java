package dev.lockkit.golden.sched;

/**
 * The scheduler's view of one task during a schedule. Touched only by the thread holding the turn
 * (see {@link ControlledPlatform}).
 */
final class TaskState {

  /** Whether a task may be chosen to run. */
  enum Status {
    /** At a scheduling point, may run. */
    READY,
    /** Parked without a permit: disabled until unparked. */
    PARKED,
    /** In a spin wait whose condition cannot change until another task writes: disabled. */
    SPINNING,
    /** Finished. */
    EXITED
  }

  final int index;
  final String name;
  WorkerPool.Worker worker;
  // Scheduling points reached; 0 before the first.
  int count;
  Status status = Status.READY;
  boolean permit;
  // The park blocker or spin location, for deadlock reports.
  Object waitingOn;
  // Another task may have written since this task's last spinWait returned.
  boolean othersWrote = true;

  TaskState(int index) {
    this.index = index;
    this.name = "T" + index;
  }
}
