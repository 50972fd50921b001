package dev.lockkit.golden.lockcore.fray;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.explore.Exploration;
import dev.lockkit.golden.explore.Explorer;
import dev.lockkit.golden.explore.Mode;
import dev.lockkit.golden.lockcore.LockcoreTarget;
import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Scenario;
import dev.lockkit.golden.target.ScenarioRunner;
import dev.lockkit.lockcore.config.HistoricalBug;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * golden's own engines on the same historical-bug cases as {@link LockcoreFrayTest}, for the
 * comparison table in golden/README.md: after how many schedules the exhaustive search (the
 * scenario's preemption bound) and golden's PCT (seed {@link FrayRuns#SEED}, depth 3) first reach
 * the failure. Both are deterministic, so "the first k schedules fail" is monotone in k and a
 * binary search over the schedule budget finds the first failing schedule.
 */
class EngineComparisonFrayTest {

  static Stream<BugCase> cases() {
    List<BugCase> out = new ArrayList<>();
    for (HistoricalBug bug : HistoricalBug.values()) {
      out.addAll(BugCase.of(bug));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void goldensEnginesFindEveryHistoricalBug(BugCase c) {
    Scenario s = FrayRuns.scenario(c.scenario());
    Variant v = FrayRuns.variant(s, c.where());
    int bound = s.mode() instanceof Mode.Exhaustive e ? e.preemptions() : 2;
    // A focused scenario keeps its named points: its bound is only affordable with them.
    List<String> focus = s.mode() instanceof Mode.Exhaustive e ? e.focus() : List.of();
    try (Explorer explorer = new Explorer()) {
      ScenarioRunner runner = new ScenarioRunner(explorer);
      LockcoreTarget target = new LockcoreTarget(c.bug());
      IntFunction<Exploration> dfs =
          k -> explorer.explore(runner.program(s, v, target), new Mode.Exhaustive(bound, k, focus));
      IntFunction<Exploration> pct =
          k -> explorer.explore(runner.program(s, v, target), new Mode.Pct(FrayRuns.SEED, 3, k));
      Exploration all = dfs.apply(Mode.DEFAULT_MAX_SCHEDULES);
      int firstDfs = first(dfs, (int) all.schedules());
      int firstPct = first(pct, 1000);
      long failing = all.failures().stream().mapToLong(Exploration.Outcome::count).sum();
      System.out.println(
          "golden "
              + c
              + " on "
              + v.id()
              + ": exhaustive preemptions="
              + bound
              + (focus.isEmpty() ? "" : " at=" + String.join(",", focus))
              + " first failure at schedule "
              + firstDfs
              + " of "
              + all.schedules()
              + " ("
              + failing
              + " failing); PCT first failure at iteration "
              + (firstPct < 0 ? "none in 1000" : firstPct));
      assertTrue(firstDfs > 0, c + " not found by the exhaustive search");
    }
  }

  /** The smallest budget k <= max whose run has a failure, or -1. */
  private static int first(IntFunction<Exploration> run, int max) {
    if (run.apply(max).failures().isEmpty()) {
      return -1;
    }
    int lo = 1;
    int hi = max;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (run.apply(mid).failures().isEmpty()) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
