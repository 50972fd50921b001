package dev.lockkit.golden.lockcore.fray;

import dev.lockkit.golden.lockcore.LockcoreVariants;
import dev.lockkit.golden.lockcore.memory.MemoryOperations;
import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Scenario;
import dev.lockkit.golden.scenario.ScenarioException;
import dev.lockkit.golden.scenario.ScenarioParser;
import dev.lockkit.golden.target.RealThreads;
import dev.lockkit.golden.target.ScenarioTarget;
import dev.lockkit.lockcore.sync.Platform;
import dev.lockkit.lockcore.sync.Platforms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;
import kotlin.Unit;
import org.pastalab.fray.core.observers.TimelineCoverageType;
import org.pastalab.fray.core.randomness.ControlledRandom;
import org.pastalab.fray.core.randomness.RandomnessProvider;
import org.pastalab.fray.core.scheduler.PCTScheduler;
import org.pastalab.fray.core.scheduler.POSScheduler;
import org.pastalab.fray.core.scheduler.Scheduler;
import org.pastalab.fray.junit.plain.FrayInTestLauncher;

/**
 * Shared by the Fray tests: the fixture scenarios, the variant each runs on, and a seeded Fray
 * launch that counts its iterations.
 *
 * <p>Why the plain launcher rather than {@code @FrayTest}: a historical-bug test must assert that
 * Fray <em>finds</em> the failure (and after how many iterations), which a {@code @FrayTest} can
 * only express by failing. And why a provider of our own: Fray's {@code ControlledRandomProvider}
 * seeds from the clock, so the same budget could find a bug on one run and miss it on the next;
 * here each iteration's randomness comes from one {@link Random} with a fixed seed.
 */
final class FrayRuns {

  /** The fixed seed of every Fray run in this package. */
  static final long SEED = 20261125L;

  /** The iteration budget of the scenario runs (per scenario and engine). */
  static final int ITERATIONS = Integer.getInteger("golden.fray.iterations", 200);

  /** The iteration budget of a historical-bug run (per bug case and engine). */
  static final int BUG_ITERATIONS = Integer.getInteger("golden.fray.bugIterations", 1000);

  private static final String COUNTER = "golden.fray.iteration";

  /** The scheduling engines compared. */
  enum Engine {
    POS,
    PCT
  }

  private FrayRuns() {}

  /** The fixture scenarios ({@code ../fixtures/scenarios}, relative to the golden module). */
  static List<Scenario> scenarios() {
    Path dir = Path.of("../fixtures/scenarios");
    List<Scenario> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".scn")).sorted().toList()) {
        out.add(ScenarioParser.parse(p, MemoryOperations.INSTANCE));
      }
    } catch (IOException | ScenarioException e) {
      throw new IllegalStateException("cannot read the scenarios in " + dir.toAbsolutePath(), e);
    }
    return out;
  }

  /** The scenario called {@code name}. */
  static Scenario scenario(String name) {
    return scenarios().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no scenario " + name));
  }

  /**
   * The variant a scenario runs on under Fray: of those its selector and {@code extra} accept, the
   * one with the most options (so lockdep, DEBUG_LOCK_ALLOC, is on wherever it can be), ties broken
   * by id so the choice is deterministic.
   */
  static Variant variant(Scenario s, Predicate<Variant> extra) {
    return new LockcoreVariants()
        .variants().stream()
            .filter(v -> s.config().matches(v.enabled()) && extra.test(v))
            .max(
                Comparator.<Variant>comparingInt(v -> v.enabled().size())
                    .thenComparing(Variant::id, Comparator.reverseOrder()))
            .orElseThrow();
  }

  /**
   * Runs {@code s} on {@code v} of {@code target} on real threads under Fray, at most {@code
   * iterations} times, and returns the iteration that failed (1-based) with Fray's error, or {@code
   * (iterations, null)} when none did.
   */
  static Found explore(
      Engine engine, Scenario s, Variant v, ScenarioTarget target, int iterations) {
    System.setProperty(COUNTER, "0");
    Random seeds = new Random(SEED);
    RandomnessProvider provider =
        () ->
            new ControlledRandom(
                new ArrayList<>(), new ArrayList<>(), new Random(seeds.nextLong()));
    Scheduler scheduler =
        switch (engine) {
          case POS -> new POSScheduler(provider.getRandomness());
          case PCT -> new PCTScheduler(provider.getRandomness(), 3, 0);
        };
    Runnable run =
        () -> {
          // A system property, not a static: Fray may reload test classes per iteration.
          System.setProperty(COUNTER, Integer.toString(Integer.getInteger(COUNTER, 0) + 1));
          List<String> failures;
          FrayPlatform platform = new FrayPlatform();
          Platform previous = Platforms.install(platform);
          try {
            failures = RealThreads.run(s, v, target, platform::taskExit);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          } finally {
            Platforms.install(previous);
          }
          if (!failures.isEmpty()) {
            throw new AssertionError(s.name() + " on " + v.id() + ": " + failures);
          }
        };
    Throwable error = null;
    try {
      FrayInTestLauncher.INSTANCE.launchFray(
          run,
          scheduler,
          provider,
          iterations,
          600,
          false,
          TimelineCoverageType.NONE,
          c -> Unit.INSTANCE);
    } catch (Throwable t) {
      error = t;
    }
    return new Found(Integer.getInteger(COUNTER, 0), error);
  }

  /**
   * What a Fray run found.
   *
   * @param iterations iterations run (the failing one last)
   * @param error Fray's report of the failure, or null
   */
  record Found(int iterations, Throwable error) {
    String describe() {
      return error == null
          ? "no failure in " + iterations + " iterations"
          : "failure on iteration " + iterations + ": " + error;
    }
  }
}
