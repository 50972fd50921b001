package dev.lockkit.golden.explore;

import dev.lockkit.golden.sched.ControlledPlatform;
import dev.lockkit.golden.sched.Failure;
import dev.lockkit.golden.sched.FailureMonitor;
import dev.lockkit.golden.sched.PlatformStats;
import dev.lockkit.golden.sched.ReplayStrategy;
import dev.lockkit.golden.sched.Schedule;
import dev.lockkit.golden.sched.ScheduleRun;
import dev.lockkit.golden.sched.Strategy;
import dev.lockkit.golden.spi.RunBinding;
import dev.lockkit.golden.spi.Scheduling;
import dev.lockkit.golden.trace.Canonical;
import dev.lockkit.golden.trace.TraceLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a {@link Program} under a {@link Mode} and groups its schedules by outcome.
 *
 * <p>One explorer owns one {@link ControlledPlatform} (and so one pool of task threads) and can be
 * reused for many programs; close it to stop the threads. Not thread-safe: one exploration at a
 * time per explorer. Nothing is process-wide: the platform is bound only to the thread that calls
 * {@link #explore} and to this explorer's task threads (through {@link Scheduling} and the
 * program's {@link RunBinding}), so explorers on different threads run at the same time without
 * seeing each other's schedules.
 */
public final class Explorer implements AutoCloseable {

  /** Default step limit per schedule, after which a schedule is reported as a livelock. */
  public static final int DEFAULT_STEP_LIMIT = 100_000;

  private final ControlledPlatform platform;
  private final List<FailureMonitor> monitors;

  /** An explorer with the default step limit, a 10 s hang timeout, and no failure monitors. */
  public Explorer() {
    this(DEFAULT_STEP_LIMIT, Duration.ofSeconds(10), List.of());
  }

  /** An explorer with the given limits whose monitors report target-detected failures. */
  public Explorer(int stepLimit, Duration hangTimeout, List<FailureMonitor> monitors) {
    this.platform = new ControlledPlatform(stepLimit, hangTimeout);
    this.monitors = List.copyOf(monitors);
  }

  /** The platform, for targets that emit trace events or report failures through it. */
  public ControlledPlatform platform() {
    return platform;
  }

  /** Explores {@code program} under {@code mode}. */
  public <S> Exploration explore(Program<S> program, Mode mode) {
    OutcomeTally groups = new OutcomeTally();
    long schedules = 0;
    boolean complete = true;
    long cuts = 0;
    long focusCuts = 0;
    List<AutoCloseable> attached = new ArrayList<>();
    // The harness thread builds each schedule's state and reads its outcome: it needs the run's
    // scheduler bound too (lockcore's cells capture their platform when the kernel is booted).
    RunBinding.Scope own = Scheduling.bind(platform);
    RunBinding.Scope target = null;
    try {
      target = program.binding().bind(platform);
      for (FailureMonitor m : monitors) {
        attached.add(m.attach(platform));
      }
      if (mode instanceof Mode.Exhaustive e) {
        DfsStrategy dfs =
            new DfsStrategy(e.preemptions(), e.focused() ? new PointFocus(e.focus()) : null);
        do {
          runOne(program, dfs, groups);
          schedules++;
        } while (dfs.advance() && (complete = schedules < e.maxSchedules()));
        cuts = dfs.boundCuts();
        focusCuts = dfs.focusCuts();
      } else if (mode instanceof Mode.Pct p) {
        PctStrategy pct = new PctStrategy(p.seed(), p.depth());
        for (int i = 0; i < p.iterations(); i++) {
          runOne(program, pct, groups);
          schedules++;
        }
      } else if (mode instanceof Mode.Fixed f) {
        runOne(program, new FixedOrderStrategy(f.order()), groups);
        schedules = 1;
      } else if (mode instanceof Mode.Replay r) {
        runOne(program, new ReplayStrategy(r.schedule()), groups);
        schedules = 1;
      }
    } finally {
      for (AutoCloseable a : attached) {
        try {
          a.close();
        } catch (Exception ignored) {
          // Detaching a monitor cannot fail in a way that changes the result.
        }
      }
      if (target != null) {
        target.close();
      }
      own.close();
    }
    return new Exploration(mode, schedules, complete, cuts, focusCuts, groups.outcomes());
  }

  /** Replays one schedule string and returns its single outcome (e.g. to confirm a failure). */
  public <S> Exploration.Outcome replay(Program<S> program, Schedule schedule) {
    return explore(program, new Mode.Replay(schedule)).outcomes().get(0);
  }

  private <S> void runOne(Program<S> program, Strategy strategy, OutcomeTally groups) {
    TraceLog trace = new TraceLog();
    S state = program.setup();
    List<Runnable> bodies = new ArrayList<>(program.taskCount());
    for (Consumer<S> task : program.tasks()) {
      bodies.add(() -> task.accept(state));
    }
    ScheduleRun run = platform.run(bodies, strategy, trace, program.binding());
    strategy.endSchedule(run);
    Failure failure = run.failure();
    String text;
    if (failure != null) {
      text = "FAILURE " + failure;
    } else {
      try {
        text = Canonical.scrub(program.outcome(state));
      } catch (RuntimeException e) {
        failure = new Failure(Failure.Kind.UNCAUGHT_EXCEPTION, "outcome extractor threw " + e);
        text = "FAILURE " + failure;
      }
    }
    groups.add(text, failure, run.schedule(), trace::text);
  }

  /** Cumulative hand-off measurements of this explorer's platform. */
  public PlatformStats stats() {
    return platform.stats();
  }

  @Override
  public void close() {
    platform.close();
  }
}
