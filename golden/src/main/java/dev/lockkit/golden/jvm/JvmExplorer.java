package dev.lockkit.golden.jvm;

import dev.lockkit.golden.explore.Exploration;
import dev.lockkit.golden.explore.Mode;
import dev.lockkit.golden.explore.OutcomeTally;
import dev.lockkit.golden.explore.Search;
import dev.lockkit.golden.sched.Failure;
import dev.lockkit.golden.sched.PlatformStats;
import dev.lockkit.golden.sched.ReplayStrategy;
import dev.lockkit.golden.sched.ScheduleRun;
import dev.lockkit.golden.sched.Strategy;
import dev.lockkit.golden.trace.Canonical;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Explores instrumented code: a setup building fresh state per schedule, actors run as tasks {@code
 * T0..}, an arbiter rendering the end state as text. The result is an {@link Exploration} (every
 * distinct outcome with its count, first schedule and trace, and the search's coverage) plus what
 * limits the claim: actors that reached no scheduling point, code that ran on threads outside the
 * engine's control, a hang, or an outcome that differed when its schedule was run again.
 */
public final class JvmExplorer {

  /** Default scheduling points per schedule before it is reported as a livelock. */
  public static final int DEFAULT_STEP_LIMIT = 20_000;

  /**
   * The result of one exploration.
   *
   * @param exploration outcomes and coverage
   * @param caveats what the coverage statement does not cover (empty: nothing)
   * @param foreign calls from threads outside control (non-empty: the result cannot be trusted)
   * @param nondeterminism a schedule whose outcome changed when run again, or null
   * @param hung whether a task hung (the search stopped there)
   * @param stats schedules run (re-checks included) and the time spent handing the turn between
   *     threads, for benchmarks
   */
  public record Result(
      Exploration exploration,
      List<String> caveats,
      List<String> foreign,
      String nondeterminism,
      boolean hung,
      PlatformStats stats) {

    /** Whether the result may be approved: no foreign threads, no non-determinism, no hang. */
    public boolean trustworthy() {
      return foreign.isEmpty() && nondeterminism == null && !hung;
    }
  }

  /** The setup or the arbiter threw: bad input, reported with the schedule. */
  public static final class HarnessException extends RuntimeException {
    HarnessException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private JvmExplorer() {}

  /** Explores {@code actors} on fresh state from {@code setup} under {@code mode}. */
  public static <S> Result explore(
      Supplier<S> setup,
      List<Consumer<S>> actors,
      Function<S, String> arbiter,
      Mode mode,
      Duration hangTimeout,
      int stepLimit) {
    if (actors.size() < 2) {
      throw new IllegalArgumentException(
          "a golden test needs at least two actors (got " + actors.size() + ")");
    }
    JvmScheduler scheduler = new JvmScheduler(stepLimit, hangTimeout);
    OutcomeTally groups = new OutcomeTally();
    int[] maxPoints = new int[actors.size()];
    Thread me = Thread.currentThread();
    JvmScheduler.HARNESSES.add(me);
    JvmScheduler.HARNESS_OF.put(me, scheduler);
    JvmScheduler.ACTIVE.add(scheduler);
    try {
      Search.Stats stats =
          Search.run(
              mode,
              strategy -> {
                Run r = runOne(scheduler, setup, actors, arbiter, strategy);
                for (int i = 0; i < maxPoints.length; i++) {
                  maxPoints[i] = Math.max(maxPoints[i], r.points[i]);
                }
                groups.add(r.text, r.run.failure(), r.run.schedule(), scheduler::renderTrace);
              },
              scheduler::dead);
      Exploration x =
          new Exploration(
              mode,
              stats.schedules(),
              stats.complete(),
              stats.boundCuts(),
              stats.focusCuts(),
              groups.outcomes(),
              scheduler.dead() ? "stopped after a hang" : null);
      List<String> caveats = new ArrayList<>();
      for (int i = 0; i < maxPoints.length; i++) {
        if (maxPoints[i] == 0) {
          caveats.add(
              "T"
                  + i
                  + " reached no scheduling point in any schedule: it ran as one atomic step"
                  + " (what it shares, if anything, is in code golden does not instrument;"
                  + " name that code's package in @Instrumented(packages = ...))");
        }
      }
      String nondet = scheduler.dead() ? null : recheck(scheduler, setup, actors, arbiter, x);
      List<String> foreign = new ArrayList<>(new java.util.TreeSet<>(scheduler.foreignCalls()));
      if (!foreign.isEmpty()) {
        caveats.add("code under test ran on threads outside golden's control: " + foreign);
      }
      if (scheduler.dead()) {
        caveats.add("the search stopped after a hang");
      }
      if (nondet != null) {
        caveats.add(
            "the same schedule gave different outcomes: the outcome set is not reproducible ("
                + nondet
                + ")");
      }
      return new Result(
          x,
          List.copyOf(caveats),
          List.copyOf(foreign),
          nondet,
          scheduler.dead(),
          scheduler.stats());
    } finally {
      scheduler.close();
      JvmScheduler.ACTIVE.remove(scheduler);
      JvmScheduler.HARNESSES.remove(me);
      JvmScheduler.HARNESS_OF.remove(me);
    }
  }

  /**
   * How often each outcome's first schedule is run again to look for non-determinism: a source such
   * as the iteration order of a {@code HashMap} keyed by identity hashes changes an outcome only
   * now and then, so one re-run would miss it too often.
   */
  static final int RECHECKS = 3;

  /** Runs each outcome's first schedule again; returns a description of the first change. */
  private static <S> String recheck(
      JvmScheduler scheduler,
      Supplier<S> setup,
      List<Consumer<S>> actors,
      Function<S, String> arbiter,
      Exploration x) {
    int checked = 0;
    for (Exploration.Outcome o : x.outcomes()) {
      if (o.failure() != null || checked++ == 32) {
        continue;
      }
      for (int i = 0; i < RECHECKS; i++) {
        Run again = runOne(scheduler, setup, actors, arbiter, new ReplayStrategy(o.first()));
        if (!again.text.equals(o.text())) {
          return "schedule "
              + o.first()
              + " gave '"
              + firstLine(o.text())
              + "' and, run again, '"
              + firstLine(again.text)
              + "'";
        }
      }
    }
    return null;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl) + " ...";
  }

  private record Run(ScheduleRun run, String text, int[] points) {}

  private static <S> Run runOne(
      JvmScheduler scheduler,
      Supplier<S> setup,
      List<Consumer<S>> actors,
      Function<S, String> arbiter,
      Strategy strategy) {
    S state;
    try {
      state = setup.get();
    } catch (RuntimeException | Error e) {
      throw new HarnessException("the setup threw " + Sites.describe(e), e);
    }
    List<Runnable> bodies = new ArrayList<>(actors.size());
    for (Consumer<S> a : actors) {
      bodies.add(() -> a.accept(state));
    }
    ScheduleRun run = scheduler.run(bodies, strategy);
    strategy.endSchedule(run);
    int[] points = new int[actors.size()];
    for (int i = 0; i < points.length; i++) {
      points[i] = scheduler.tasks.get(i).points;
    }
    String text;
    Failure f = run.failure();
    if (f != null) {
      text = "FAILURE " + f;
    } else {
      try {
        text = Canonical.scrub(String.valueOf(arbiter.apply(state)));
      } catch (RuntimeException | Error e) {
        throw new HarnessException(
            "the arbiter threw " + Sites.describe(e) + " after schedule " + run.schedule(), e);
      }
    }
    return new Run(run, text, points);
  }
}
