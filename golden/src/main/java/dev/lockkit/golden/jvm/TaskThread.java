package dev.lockkit.golden.jvm;

import java.util.concurrent.locks.LockSupport;

/**
 * A pooled thread that runs one task per schedule (see {@link Handoff}). Instrumented code finds
 * its scheduler and task through it (the scheduler travels with the thread, never through a static
 * global), so two explorations in one JVM never see each other's tasks.
 */
final class TaskThread extends Thread {

  final JvmScheduler scheduler;

  /** The task of the current schedule: written before {@code assigned}, read after it. */
  Task task;

  private volatile boolean assigned;
  private volatile boolean retired;
  // True while the thread may be parked (see Handoff's Dekker handshake).
  volatile boolean parked;
  // Set on this thread when the code under test touched a ThreadLocal: not reused.
  volatile boolean usedThreadLocals;

  TaskThread(JvmScheduler scheduler, String name) {
    super(name);
    this.scheduler = scheduler;
    setDaemon(true);
  }

  /** Hands this thread its task of a new schedule. */
  void assign(Task t) {
    task = t;
    t.thread = this;
    assigned = true;
    if (parked) {
      LockSupport.unpark(this);
    }
  }

  /** Ends the thread once it is idle. */
  void retire() {
    retired = true;
    LockSupport.unpark(this);
  }

  @Override
  public void run() {
    while (true) {
      // Between schedules the next task comes within microseconds: spin first, then park.
      for (int i = 0; i < 1 << 6 && !ready(); i++) {
        Thread.onSpinWait();
      }
      while (!ready()) {
        parked = true;
        if (!ready()) {
          LockSupport.park(this);
        }
        parked = false;
        Thread.interrupted(); // an interrupt left by an earlier schedule must not spin this loop
      }
      if (!assigned) {
        return;
      }
      assigned = false;
      Thread.interrupted(); // each schedule starts with a clear interrupt status, as a new thread
      scheduler.taskMain(task);
    }
  }

  private boolean ready() {
    return assigned || retired || scheduler.dead();
  }
}
