package dev.lockkit.golden.jvm;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The blocking wait shared by the models of the JDK's blocking queues, {@code Exchanger}, {@code
 * CyclicBarrier} and {@code Phaser} ({@link JdkQueues}, {@link JdkHandoffs}, {@link JdkBarriers}).
 * Their data stays in the JDK class (no real thread ever waits inside it, so its own lock is never
 * contended); only the wait is modelled: a task that would block gets a {@link Task.Blocker} and is
 * not runnable until the condition holds, so a wait that nobody ends is a deadlock naming the
 * object, and a timed wait is a plain scheduling point at which golden decides whether it times
 * out.
 */
final class Waits {

  private Waits() {}

  /**
   * The task calling a model's method, or null off the engine's task threads (setup, arbiter, a
   * thread golden does not control): there the JDK's own behaviour applies.
   */
  static Task task(Object on, String op) {
    return Rt.task(on.getClass().getSimpleName() + "." + op);
  }

  /**
   * Off the task threads, the model state {@code on} has in the schedule that ran last on this
   * harness (the arbiter reads a barrier's broken state there), or null: then the JDK's applies.
   */
  static <T> T stateOffTask(Object on) {
    JvmScheduler s = JvmScheduler.HARNESS_OF.get(Thread.currentThread());
    return s == null ? null : s.models.stateIfAny(on);
  }

  /** The object's name in this schedule ({@code ArrayBlockingQueue#1}). */
  static String name(Object o) {
    return Rt.sched().models.name(o);
  }

  /**
   * Blocks {@code t} (modelled) until {@code ready} holds; returns at once if it holds already. The
   * call's own scheduling point came before (the instrumented call site): this is the wait. An
   * interrupt from another task ends it with {@link InterruptedException}, as in the JDK (the
   * caller has checked the interrupt status at its start, {@link #checkInterrupt}).
   */
  static void until(Task t, BooleanSupplier ready, Supplier<String> what)
      throws InterruptedException {
    if (!ready.getAsBoolean()) {
      at(t, t.site + " (waited)", t.site, ready, what, true);
    }
  }

  /** {@link #until} for a wait that an interrupt does not end ({@code Phaser.awaitAdvance}). */
  static void untilUninterruptibly(Task t, BooleanSupplier ready, Supplier<String> what) {
    if (!ready.getAsBoolean()) {
      try {
        at(t, t.site + " (waited)", t.site, ready, what, false);
      } catch (InterruptedException e) {
        throw new IllegalStateException("golden: an uninterruptible wait was interrupted", e);
      }
    }
  }

  /**
   * The call's own scheduling point at {@code site}, as a wait until {@code ready} holds (for a
   * call that changes nothing before it waits, like a latch's {@code await}); {@code where} is the
   * call's site, for a deadlock report.
   */
  static void at(
      Task t,
      String site,
      String where,
      BooleanSupplier ready,
      Supplier<String> what,
      boolean interruptible)
      throws InterruptedException {
    if (interruptible) {
      t.interruptRequested = false; // the caller consumed the thread's status when it started
    }
    if (!ready.getAsBoolean()) {
      t.blocker =
          new Task.Blocker() {
            @Override
            public boolean ready(Task x) {
              return ready.getAsBoolean() || (interruptible && x.interruptRequested);
            }

            @Override
            public String describe(Task x) {
              return what.get() + " at " + where;
            }
          };
    }
    try {
      Rt.sched().point(t, site, false);
    } finally {
      t.blocker = null;
    }
    if (interruptible && t.interruptRequested && !ready.getAsBoolean()) {
      t.interruptRequested = false;
      Thread.interrupted(); // the status the interrupt set, as the JDK's waits clear it
      throw new InterruptedException();
    }
  }

  /**
   * A timed wait whose condition does not hold: a plain scheduling point. If the strategy lets
   * another task run first, what it does may end the wait; if it lets {@code t} go on, the wait
   * timed out. Either way, golden decides.
   */
  static void timed(Task t) {
    Rt.sched().point(t, t.site + " (timed wait)", false);
  }

  /**
   * The start of an interruptible wait of {@code t}: throws if its thread is interrupted, as the
   * JDK's waits do; otherwise earlier interrupt requests are spent (the status they set is clear),
   * so only one sent during this wait ends it.
   */
  static void enterInterruptible(Task t) throws InterruptedException {
    checkInterrupt();
    t.interruptRequested = false;
  }

  /** The end of an interruptible wait: if it did not end {@code done}, an interrupt ended it. */
  static void leaveInterruptible(Task t, boolean done) throws InterruptedException {
    if (!done && t.interruptRequested) {
      t.interruptRequested = false;
      Thread.interrupted(); // the status the interrupt set, as the JDK's waits clear it
      throw new InterruptedException();
    }
  }

  /** An interruptible wait throws at its start if the thread is interrupted, as the JDK's do. */
  static void checkInterrupt() throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
  }

  /** The JDK operation after a wait must succeed: only this task runs, nothing took the room. */
  static void check(boolean done, Object on) {
    if (!done) {
      throw new IllegalStateException("golden: the modelled wait on " + name(on) + " was wrong");
    }
  }
}
