package dev.lockkit.golden.jvm;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The models of {@code CyclicBarrier} and {@code Phaser}. A {@code CyclicBarrier} made by
 * instrumented code is {@link CyclicBarrier} (substituted like the queues of {@link JdkQueues}):
 * its generations, arrivals and broken state are kept per schedule, the barrier action runs on the
 * task that arrives last, a waiting party is a modelled wait. A {@code Phaser} stays the JDK's (its
 * arrivals and registrations never block, and a subclass's {@code onAdvance} is the user's code):
 * {@link Instrumenter} replaces only its waiting calls by the static methods here, which wait
 * (modelled) until the phase has moved on.
 */
public final class JdkBarriers {

  private JdkBarriers() {}

  /** {@link java.util.concurrent.CyclicBarrier} with modelled waits. */
  public static class CyclicBarrier extends java.util.concurrent.CyclicBarrier {

    /** One use of the barrier: it trips when every party arrived, or breaks. */
    private static final class Generation {
      int arrived;
      boolean broken;
      boolean tripped;
    }

    private static final class State {
      Generation gen = new Generation();
    }

    private final Runnable action;

    public CyclicBarrier(int parties, Runnable barrierAction) {
      super(parties, barrierAction);
      this.action = barrierAction;
    }

    public CyclicBarrier(int parties) {
      this(parties, null);
    }

    private State state() {
      return Rt.sched().models.state(this, State::new);
    }

    @Override
    public int await() throws InterruptedException, BrokenBarrierException {
      Task t = Waits.task(this, "await()");
      if (t == null) {
        return super.await();
      }
      try {
        return arrive(t, false);
      } catch (TimeoutException e) {
        throw new IllegalStateException("golden: an untimed await timed out", e);
      }
    }

    @Override
    public int await(long timeout, TimeUnit unit)
        throws InterruptedException, BrokenBarrierException, TimeoutException {
      Task t = Waits.task(this, "await()");
      return t == null ? super.await(timeout, unit) : arrive(t, true);
    }

    private int arrive(Task t, boolean timed)
        throws InterruptedException, BrokenBarrierException, TimeoutException {
      State s = state();
      Generation g = s.gen;
      if (g.broken) {
        throw new BrokenBarrierException();
      }
      if (Thread.interrupted()) {
        g.broken = true;
        throw new InterruptedException();
      }
      int parties = getParties();
      int index = parties - 1 - g.arrived;
      g.arrived++;
      if (index == 0) {
        try {
          if (action != null) {
            action.run();
          }
        } catch (RuntimeException | Error x) {
          g.broken = true;
          throw x;
        }
        g.tripped = true;
        s.gen = new Generation();
        return 0;
      }
      if (timed) {
        Waits.timed(t);
      } else {
        String name = Waits.name(this);
        try {
          Waits.until(
              t,
              () -> g.tripped || g.broken,
              () ->
                  "waits at "
                      + name
                      + ".await(): "
                      + g.arrived
                      + " of "
                      + parties
                      + " parties arrived");
        } catch (InterruptedException e) {
          g.broken = true; // an interrupted party breaks the barrier for the others, as in the JDK
          throw e;
        }
      }
      if (g.tripped) {
        return index;
      }
      if (g.broken) {
        throw new BrokenBarrierException();
      }
      g.broken = true; // a time-out breaks the barrier for everyone, as in the JDK
      throw new TimeoutException();
    }

    @Override
    public void reset() {
      Task t = Waits.task(this, "reset()");
      if (t == null) {
        super.reset();
        return;
      }
      State s = state();
      s.gen.broken = true; // parties waiting now get BrokenBarrierException
      s.gen = new Generation();
    }

    /** On a task, the schedule's state; on the harness (the arbiter), the last schedule's. */
    private State stateOrNull() {
      return Waits.task(this, "state") != null ? state() : Waits.stateOffTask(this);
    }

    @Override
    public boolean isBroken() {
      State s = stateOrNull();
      return s == null ? super.isBroken() : s.gen.broken;
    }

    @Override
    public int getNumberWaiting() {
      State s = stateOrNull();
      if (s == null) {
        return super.getNumberWaiting();
      }
      return s.gen.broken ? 0 : s.gen.arrived;
    }
  }

  // ---- Phaser: its waiting calls, as instrumented code calls them -------------------------------

  public static int arriveAndAwaitAdvance(Phaser p, String site) {
    Task t = Rt.task(site);
    if (t == null) {
      return p.arriveAndAwaitAdvance();
    }
    Rt.sched().point(t, site, true);
    int phase = p.arrive();
    if (phase < 0) {
      return phase;
    }
    String name = Waits.name(p);
    Waits.untilUninterruptibly(t, () -> p.getPhase() != phase, () -> advance(name, p, phase));
    return p.getPhase();
  }

  public static int awaitAdvance(Phaser p, int phase, String site) {
    Task t = Rt.task(site);
    if (t == null) {
      return p.awaitAdvance(phase);
    }
    try {
      return awaitPhase(t, p, phase, site, false);
    } catch (InterruptedException e) {
      throw new IllegalStateException("golden: an uninterruptible wait was interrupted", e);
    }
  }

  public static int awaitAdvanceInterruptibly(Phaser p, int phase, String site)
      throws InterruptedException {
    Task t = Rt.task(site);
    if (t == null) {
      return p.awaitAdvanceInterruptibly(phase);
    }
    Waits.checkInterrupt();
    return awaitPhase(t, p, phase, site, true);
  }

  private static int awaitPhase(Task t, Phaser p, int phase, String site, boolean interruptible)
      throws InterruptedException {
    if (phase < 0) {
      Rt.sched().point(t, site, false);
      return phase;
    }
    String name = Waits.name(p);
    Waits.at(
        t, site, site, () -> p.getPhase() != phase, () -> advance(name, p, phase), interruptible);
    return p.getPhase();
  }

  /** A timed wait: golden decides when it times out (a plain point). */
  public static int awaitAdvanceInterruptibly(
      Phaser p, int phase, long timeout, TimeUnit unit, String site)
      throws InterruptedException, TimeoutException {
    Task t = Rt.task(site);
    if (t == null) {
      return p.awaitAdvanceInterruptibly(phase, timeout, unit);
    }
    Waits.checkInterrupt();
    Rt.sched().point(t, site, false);
    if (phase < 0) {
      return phase;
    }
    int now = p.getPhase();
    if (now == phase) {
      throw new TimeoutException();
    }
    return now;
  }

  private static String advance(String name, Phaser p, int phase) {
    return "waits for "
        + name
        + " to end phase "
        + phase
        + " ("
        + p.getArrivedParties()
        + " of "
        + p.getRegisteredParties()
        + " parties arrived)";
  }
}
