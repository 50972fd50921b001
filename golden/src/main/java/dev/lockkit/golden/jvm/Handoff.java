package dev.lockkit.golden.jvm;

import dev.lockkit.golden.sched.AdaptiveSpin;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The right to run, handed between the harness and the task threads of one {@link JvmScheduler},
 * and the pool of those threads.
 *
 * <p>Implementation overview. {@code running} is the one volatile word: a task index, or {@link
 * JvmScheduler#HARNESS}. Giving the turn is a volatile write to it, and only the receiver is woken
 * (never every waiter): the receiver's volatile read orders everything the giver did before, which
 * is what lets the scheduler state live in plain fields. A waiter spins for an adaptive budget (a
 * hand-off to a thread on another core lands within that, with no kernel wake-up), then parks; the
 * giver unparks only a thread that has parked. Parking is a Dekker handshake: the waiter sets its
 * {@code parked} flag, then re-reads {@code running}; the giver writes {@code running}, then reads
 * {@code parked}. Both are volatile, so one of them sees the other and no wake-up is lost.
 *
 * <p>Task threads are pooled: task {@code i} of every schedule runs on the pool's thread {@code i},
 * since starting a thread per task per schedule cost more than the schedule itself. Thread-local
 * state would leak from one schedule into the next on a reused thread, so a thread on which the
 * code under test touched a {@link ThreadLocal} ({@link Rt#threadLocal}) is replaced by a fresh one
 * before its next schedule.
 */
final class Handoff {

  // Busy-wait iterations before a waiter parks: -Dgolden.jvm.spins=N fixes them; by default (0)
  // they adapt (see AdaptiveSpin).
  private static final int FIXED_SPINS = Integer.getInteger("golden.jvm.spins", 0);

  private final JvmScheduler scheduler;
  private final List<TaskThread> pool = new ArrayList<>();
  private volatile int running = JvmScheduler.HARNESS;
  private volatile boolean harnessParked;
  private volatile Thread harness;
  private volatile boolean closed;
  // Mirrors the schedule's step count for the harness's hang watchdog.
  private volatile int progress;
  // Written by the giver before its volatile write of `running`, read by the receiver after its
  // volatile read; the sums are updated only by the thread that has just received the turn.
  private long givenAt;
  private long handoffs;
  private long handoffNanos;
  // Shared by this scheduler's waiters.
  private final AdaptiveSpin spinner = new AdaptiveSpin(FIXED_SPINS);

  Handoff(JvmScheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** The thread for task {@code t}: the pool's thread of that index, fresh if it had to be. */
  TaskThread assign(Task t) {
    while (pool.size() <= t.index) {
      pool.add(null);
    }
    TaskThread th = pool.get(t.index);
    if (th == null || th.usedThreadLocals) {
      if (th != null) {
        th.retire();
      }
      th = new TaskThread(scheduler, "golden-" + t.name);
      pool.set(t.index, th);
      th.start();
    }
    th.assign(t);
    return th;
  }

  /** Starts a schedule on the harness thread. */
  void begin() {
    harness = Thread.currentThread();
    running = JvmScheduler.HARNESS;
  }

  void progressed(int step) {
    progress = step;
  }

  /** Gives the turn to task {@code next} (or the harness); wakes only that thread. */
  void give(int next, List<Task> tasks) {
    givenAt = System.nanoTime();
    running = next;
    if (next == JvmScheduler.HARNESS) {
      if (harnessParked) {
        LockSupport.unpark(harness);
      }
    } else {
      TaskThread th = tasks.get(next).thread;
      if (th.parked) {
        LockSupport.unpark(th);
      }
    }
  }

  /** Waits on a task thread until task {@code t} holds the turn; false if the scheduler died. */
  boolean awaitTurn(Task t) {
    int me = t.index;
    spin(me);
    boolean interrupted = false;
    TaskThread self = t.thread;
    while (running != me && !scheduler.dead()) {
      self.parked = true;
      if (running != me && !scheduler.dead()) {
        LockSupport.park(this);
      }
      self.parked = false;
      // A pending interrupt would make every park return at once: keep it for the task instead.
      interrupted |= Thread.interrupted();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (scheduler.dead()) {
      return false;
    }
    received();
    return true;
  }

  /**
   * Waits on the harness until the turn comes back, or until no task has reached a scheduling point
   * for {@code timeoutNanos}.
   *
   * @return {@link JvmScheduler#HARNESS} when the schedule ended, else the task holding the turn
   */
  int awaitHarness(long timeoutNanos) {
    spin(JvmScheduler.HARNESS);
    long deadline = System.nanoTime() + timeoutNanos;
    int seen = progress;
    while (running != JvmScheduler.HARNESS) {
      long now = System.nanoTime();
      if (progress != seen) {
        // A task reached a scheduling point: the time-out counts from the latest one.
        seen = progress;
        deadline = now + timeoutNanos;
      }
      long left = deadline - now;
      if (left <= 0 || Thread.currentThread().isInterrupted()) {
        // Timed out, or the harness was interrupted (a test time-out): a hang, as before.
        int h = running;
        if (h != JvmScheduler.HARNESS) {
          return h;
        }
        break;
      }
      harnessParked = true;
      if (running != JvmScheduler.HARNESS) {
        LockSupport.parkNanos(this, Math.min(left, 50_000_000L));
      }
      harnessParked = false;
    }
    received();
    return JvmScheduler.HARNESS;
  }

  /** Spins until {@code target} holds the turn (or the scheduler died) or the budget is spent. */
  private void spin(int target) {
    spinner.spin(() -> running == target || scheduler.dead());
  }

  private void received() {
    handoffs++;
    handoffNanos += System.nanoTime() - givenAt;
  }

  long handoffs() {
    return handoffs;
  }

  long handoffNanos() {
    return handoffNanos;
  }

  /** After a hang: wakes every waiting task thread so that it unwinds (the hung one cannot). */
  void wakeAll() {
    for (TaskThread th : pool) {
      if (th != null) {
        LockSupport.unpark(th);
      }
    }
  }

  /** Whether the exploration is over: idle pool threads end. */
  boolean closed() {
    return closed;
  }

  /** Ends the pool's threads (daemon threads; a hung one ends when it can). */
  void close() {
    closed = true;
    for (TaskThread th : pool) {
      if (th != null) {
        th.retire();
      }
    }
    pool.clear();
  }
}
