package dev.lockkit.golden.lockcore.fray;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.lockcore.LockcoreTarget;
import dev.lockkit.golden.lockcore.fray.FrayRuns.Engine;
import dev.lockkit.golden.lockcore.fray.FrayRuns.Found;
import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Scenario;
import dev.lockkit.lockcore.config.HistoricalBug;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * lockcore on the real platform (JvmPlatform: VarHandles, LockSupport, real threads) under Fray's
 * POS and PCT schedulers: every fixture scenario must run clean (assertions and, where the variant
 * allows, lockdep on), and every historical-bug switch must be caught. Each result line is printed
 * for golden/README.md's table.
 */
class LockcoreFrayTest {

  static Stream<Arguments> scenariosTimesEngines() {
    List<Arguments> out = new ArrayList<>();
    for (Scenario s : FrayRuns.scenarios()) {
      for (Engine e : Engine.values()) {
        out.add(Arguments.of(s.name(), e));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} under {1}")
  @MethodSource("scenariosTimesEngines")
  void everyScenarioRunsCleanOnTheRealPlatform(String name, Engine engine) {
    Scenario s = FrayRuns.scenario(name);
    Variant v = FrayRuns.variant(s, x -> true);
    Found f = FrayRuns.explore(engine, s, v, new LockcoreTarget(), FrayRuns.ITERATIONS);
    System.out.println("fray " + engine + " " + name + " on " + v.id() + ": " + f.describe());
    assertNull(f.error(), () -> f.describe());
  }

  static Stream<Arguments> bugsTimesEngines() {
    return bugsTimesEngines(true);
  }

  static Stream<Arguments> bugsFrayMissesTimesEngines() {
    return bugsTimesEngines(false);
  }

  private static Stream<Arguments> bugsTimesEngines(boolean frayFinds) {
    List<Arguments> out = new ArrayList<>();
    for (HistoricalBug bug : HistoricalBug.values()) {
      for (BugCase c : BugCase.of(bug)) {
        if (c.frayFinds() != frayFinds) {
          continue;
        }
        for (Engine e : Engine.values()) {
          out.add(Arguments.of(c, e));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} under {1}")
  @MethodSource("bugsTimesEngines")
  void everyHistoricalBugIsFound(BugCase c, Engine engine) {
    Scenario s = FrayRuns.scenario(c.scenario());
    Variant v = FrayRuns.variant(s, c.where());
    Found f = FrayRuns.explore(engine, s, v, new LockcoreTarget(c.bug()), FrayRuns.BUG_ITERATIONS);
    System.out.println("fray " + engine + " " + c + " on " + v.id() + ": " + f.describe());
    assertNotNull(f.error(), () -> c + " not found: " + f.describe());
    assertTrue(
        String.valueOf(f.error()).contains(c.expected()),
        () -> "expected " + c.expected() + ": " + f.describe());
  }

  /**
   * A bug Fray's random schedulers are not expected to reach (its race needs preemptions at exact
   * places): it still runs, for the numbers in golden/README.md, and whatever Fray reports must be
   * that bug's failure, never another one (which would be a modelling error on the real platform).
   */
  @ParameterizedTest(name = "{0} under {1}")
  @MethodSource("bugsFrayMissesTimesEngines")
  void aBugFrayDoesNotReachRaisesNoOtherFailure(BugCase c, Engine engine) {
    Scenario s = FrayRuns.scenario(c.scenario());
    Variant v = FrayRuns.variant(s, c.where());
    Found f = FrayRuns.explore(engine, s, v, new LockcoreTarget(c.bug()), FrayRuns.BUG_ITERATIONS);
    System.out.println("fray " + engine + " " + c + " on " + v.id() + ": " + f.describe());
    assertTrue(
        f.error() == null || String.valueOf(f.error()).contains(c.expected()),
        () -> c + " raised another failure: " + f.describe());
  }
}
