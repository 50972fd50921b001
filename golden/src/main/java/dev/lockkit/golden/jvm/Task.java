package dev.lockkit.golden.jvm;

/** The scheduler's view of one task of a schedule; touched only by the thread holding the turn. */
final class Task {

  /** What a blocked task waits for; asked by the thread holding the turn. */
  interface Blocker {
    boolean ready(Task t);

    /** For deadlock reports: "waits for monitor Counter#1 held by T0". */
    String describe(Task t);

    /** True for waits only a notification or unpark ends (a lost wake-up when nobody gives it). */
    default boolean wakeUp() {
      return false;
    }
  }

  final int index;
  final String name;
  final Runnable body;

  /** The {@link Thread} object the code under test started, or null for an actor. */
  final Thread user;

  /** An executor worker: idle in its pool, it does not keep the schedule alive. */
  final boolean pooled;

  TaskThread thread;
  int count;
  // Scheduling points reached (count without the exit).
  int points;
  boolean exited;
  Blocker blocker;
  boolean permit;
  boolean notified;
  // Another task interrupted this one (Rt.interrupt): ends an interruptible wait of Waits.
  boolean interruptRequested;
  // ... and the interrupt status to set on this task's thread when it next runs.
  boolean pendingInterrupt;
  // The thread's interrupt status when this task last gave up the turn.
  boolean interruptedWhileOut;
  // Another task wrote since this task's last spin: its spin condition may have changed.
  boolean othersWrote = true;
  String site = "start";

  Task(int index, Runnable body, Thread user, boolean pooled) {
    this.index = index;
    this.name = "T" + index;
    this.body = body;
    this.user = user;
    this.pooled = pooled;
  }

  boolean enabled() {
    return !exited && (blocker == null || blocker.ready(this));
  }

  /** A pooled worker waiting for work: the schedule may end with it there. */
  boolean idle() {
    return pooled && !exited && blocker != null && !blocker.ready(this);
  }
}
