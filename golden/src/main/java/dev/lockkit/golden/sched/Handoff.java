package dev.lockkit.golden.sched;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * How a thread waits for its turn. Waking a parked thread costs tens of microseconds, which was
 * most of a schedule's time when waiters parked at once; so a waiter first busy-spins (a hand-off
 * from a thread on another core lands within this), then yields its core for a while (on a machine
 * with fewer cores than threads the receiver is then runnable, not asleep, when its turn comes),
 * and only then parks. Measurements are in golden/README.md, "Speed".
 */
final class Handoff {

  private static final int SPINS = 1 << 8;
  // Long enough to cover a whole schedule of a golden scenario, so that parking is the exception.
  private static final long YIELD_NANOS = Long.getLong("golden.yieldNanos", 5_000_000L);

  private Handoff() {}

  /** Spins, then yields, until {@code ready} holds or the yield phase is over. */
  static void spinThenYield(BooleanSupplier ready) {
    for (int i = 0; i < SPINS; i++) {
      if (ready.getAsBoolean()) {
        return;
      }
      Thread.onSpinWait();
    }
    long until = System.nanoTime() + YIELD_NANOS;
    while (!ready.getAsBoolean() && System.nanoTime() - until < 0) {
      Thread.yield();
    }
  }

  /**
   * Waits until {@code ready} holds. Parking uses a Dekker handshake with the waker: the waiter
   * sets {@code parked} then re-reads its condition; the waker makes the condition true then reads
   * {@code parked}. Both are volatile, so one of them sees the other and no wake-up is lost.
   */
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
