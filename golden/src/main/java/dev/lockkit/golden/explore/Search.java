package dev.lockkit.golden.explore;

import dev.lockkit.golden.sched.ReplayStrategy;
import dev.lockkit.golden.sched.Strategy;
import java.util.function.Consumer;

/**
 * The schedule loop of a {@link Mode}, apart from what runs a schedule: engines other than the
 * lockcore platform (the instrumenting engine of {@code dev.lockkit.golden.jvm}) drive the same
 * strategies through it, so every engine's modes, bounds and coverage counts mean the same thing.
 */
public final class Search {

  /**
   * What a search covered.
   *
   * @param schedules schedules run
   * @param complete false when an exhaustive search stopped at its schedule cap
   * @param boundCuts choices refused by the preemption bound
   * @param focusCuts preemptions refused by a focus
   */
  public record Stats(long schedules, boolean complete, long boundCuts, long focusCuts) {}

  private Search() {}

  /**
   * Runs the schedules {@code mode} calls for, each through {@code runOne} (which must run exactly
   * one schedule under the strategy it is given, calling its {@code beginSchedule} and {@code
   * endSchedule}); {@code stop} is asked after each schedule whether to end early (a hang leaves
   * the engine unusable).
   */
  public static Stats run(
      Mode mode, Consumer<Strategy> runOne, java.util.function.BooleanSupplier stop) {
    long schedules = 0;
    boolean complete = true;
    if (mode instanceof Mode.Exhaustive e) {
      DfsStrategy dfs =
          new DfsStrategy(e.preemptions(), e.focused() ? new PointFocus(e.focus()) : null);
      do {
        runOne.accept(dfs);
        schedules++;
        if (stop.getAsBoolean()) {
          return new Stats(schedules, false, dfs.boundCuts(), dfs.focusCuts());
        }
      } while (dfs.advance() && (complete = schedules < e.maxSchedules()));
      return new Stats(schedules, complete, dfs.boundCuts(), dfs.focusCuts());
    }
    if (mode instanceof Mode.Pct p) {
      PctStrategy pct = new PctStrategy(p.seed(), p.depth());
      for (int i = 0; i < p.iterations(); i++) {
        runOne.accept(pct);
        schedules++;
        if (stop.getAsBoolean()) {
          return new Stats(schedules, false, 0, 0);
        }
      }
      return new Stats(schedules, true, 0, 0);
    }
    if (mode instanceof Mode.Fixed f) {
      runOne.accept(new FixedOrderStrategy(f.order()));
    } else if (mode instanceof Mode.Replay r) {
      runOne.accept(new ReplayStrategy(r.schedule()));
    }
    return new Stats(1, !stop.getAsBoolean(), 0, 0);
  }
}
