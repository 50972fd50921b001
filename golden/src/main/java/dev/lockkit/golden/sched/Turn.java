package dev.lockkit.golden.sched;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The right to run, handed between the harness and the task threads of a {@link
 * ControlledPlatform}.
 *
 * <p>Implementation overview. {@code holder} is the one volatile word: a task index, or {@link
 * #HARNESS}. Giving the turn is a volatile write; the receiver's volatile read orders everything
 * the giver did before it, which is what lets the scheduler state live in plain fields. A waiter
 * busy-spins briefly (a hand-off from a thread on another core lands within this, with no kernel
 * wake-up), optionally yields its core for {@code -Dgolden.yieldNanos} (default 0), then parks; the
 * giver unparks only a thread that has parked. Parking is a Dekker handshake: the waiter sets its
 * {@code parked} flag then re-reads {@code holder}; the giver writes {@code holder} then reads
 * {@code parked}. Both are volatile, so one sees the other and no wake-up is lost.
 *
 * <p>Why no yield phase by default: on an idle 2-core machine yielding for 5 ms halved the cost of
 * a hand-off, but on a loaded one (load average 20 on 2 cores, as on a shared CI runner) yielding
 * waiters starved the running task and a hand-off cost 10-20 times more than with spin-then-park.
 * Measurements are in golden/README.md, "Speed".
 */
final class Turn {

  /** The holder value meaning "the harness thread". */
  static final int HARNESS = -1;

  // Busy-wait before a waiter parks, shared by all waiters: -Dgolden.spins=N fixes the iterations;
  // by default (0) they adapt.
  private static final AdaptiveSpin SPIN = new AdaptiveSpin(Integer.getInteger("golden.spins", 0));
  private static final long YIELD_NANOS = Long.getLong("golden.yieldNanos", 0L);

  private volatile int holder = HARNESS;
  private volatile boolean harnessParked;
  // Mirrors the schedule's step count for the harness's hang watchdog.
  private volatile int progress;
  // Written by the giver, read by the receiver: the hand-off latency measurement.
  private volatile long givenAtNanos;
  // Updated only by the thread that holds the turn.
  private long handoffs;
  private long handoffNanos;

  /** Starts a schedule from the harness (after a hang the turn was left with the hung task). */
  void reset() {
    holder = HARNESS;
  }

  /** Gives the turn to task {@code next}, running on {@code w}. */
  void give(int next, WorkerPool.Worker w) {
    givenAtNanos = System.nanoTime();
    holder = next;
    if (w.parked) {
      LockSupport.unpark(w);
    }
  }

  /** Gives the turn back to the harness: the schedule is over. */
  void giveToHarness(Thread harness) {
    holder = HARNESS;
    if (harnessParked) {
      LockSupport.unpark(harness);
    }
  }

  /** Records that the schedule reached step {@code step} (for the watchdog). */
  void progressed(int step) {
    progress = step;
  }

  /**
   * Waits on a task thread until task {@code me} holds the turn.
   *
   * @return false if the pool gave up on this thread meanwhile (it must then unwind)
   */
  boolean await(int me) {
    WorkerPool.Worker w = (WorkerPool.Worker) Thread.currentThread();
    await(() -> holder == me || w.abandoned(), w);
    if (w.abandoned()) {
      return false;
    }
    handoffs++;
    handoffNanos += System.nanoTime() - givenAtNanos;
    return true;
  }

  /**
   * Waits on the harness thread until the turn comes back, or until no task has reached a
   * scheduling point for {@code timeoutNanos}.
   *
   * @return {@link #HARNESS} when the schedule ended, else the task that holds the turn (hung)
   */
  int awaitHarness(long timeoutNanos) {
    long deadline = System.nanoTime() + timeoutNanos;
    int seen = progress;
    spinThenYield(() -> holder == HARNESS);
    while (holder != HARNESS) {
      long now = System.nanoTime();
      if (progress != seen) {
        // A task reached a scheduling point: the timeout counts from the latest one.
        seen = progress;
        deadline = now + timeoutNanos;
      }
      long left = deadline - now;
      if (left <= 0) {
        int h = holder;
        if (h != HARNESS) {
          return h;
        }
        break;
      }
      harnessParked = true;
      if (holder != HARNESS) {
        LockSupport.parkNanos(this, Math.min(left, 50_000_000L));
      }
      harnessParked = false;
    }
    return HARNESS;
  }

  long handoffs() {
    return handoffs;
  }

  long handoffNanos() {
    return handoffNanos;
  }

  /**
   * Spins (see {@link AdaptiveSpin}), then yields if configured, until {@code ready} holds or the
   * phases are over.
   */
  static void spinThenYield(BooleanSupplier ready) {
    if (SPIN.spin(ready)) {
      return;
    }
    if (YIELD_NANOS <= 0) {
      return;
    }
    long until = System.nanoTime() + YIELD_NANOS;
    while (!ready.getAsBoolean() && System.nanoTime() - until < 0) {
      Thread.yield();
    }
  }

  /** Waits on pooled thread {@code self} until {@code ready} holds: spin, then park (Dekker). */
  static void await(BooleanSupplier ready, WorkerPool.Worker self) {
    spinThenYield(ready);
    while (!ready.getAsBoolean()) {
      self.parked = true;
      if (!ready.getAsBoolean()) {
        LockSupport.park(self);
      }
      self.parked = false;
    }
  }
}
