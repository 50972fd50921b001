package dev.lockkit.golden.lockcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.explore.Exploration;
import dev.lockkit.golden.explore.Explorer;
import dev.lockkit.golden.lockcore.memory.MemoryOperations;
import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Scenario;
import dev.lockkit.golden.scenario.ScenarioParser;
import dev.lockkit.golden.target.ScenarioRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The platform travels with the run: two explorations of lockcore running at the same time in one
 * JVM, on two threads with an explorer each, give exactly the golden text each gives alone. Were
 * the platform process-wide, a kernel booted by one run would capture the other run's scheduler,
 * its tasks would reach no scheduling point of their own, and its text would change (one schedule,
 * or a hang).
 */
class ConcurrentExplorationsTest {

  private static final Path SCENARIOS = Path.of("..", "fixtures", "scenarios");

  private static final Variant PER_VMA =
      Variant.parse(
          "ARCH_SUPPORTS_PER_VMA_LOCK+DEBUG_LOCK_ALLOC+LOCK_MM_AND_FIND_VMA+MMU+PER_VMA_LOCK"
              + "+PER_VMA_LOCK_STATS+SMP+TRACING");

  private static Scenario scenario(String name) throws Exception {
    Path file = SCENARIOS.resolve(name + ".scn");
    assertTrue(Files.isRegularFile(file), "fixture scenario missing: " + file.toAbsolutePath());
    return ScenarioParser.parse(file, MemoryOperations.INSTANCE);
  }

  private static String alone(Scenario s) {
    try (Explorer explorer = new Explorer()) {
      Exploration e = new ScenarioRunner(explorer).run(s, PER_VMA, new LockcoreTarget());
      return ScenarioRunner.goldenText(s, PER_VMA, e) + "schedules=" + e.schedules();
    }
  }

  @Test
  void twoExplorationsAtOnceOnTwoThreadsEachGiveTheTextTheyGiveAlone() throws Exception {
    Scenario munmap = scenario("fault-racing-munmap");
    Scenario fork = scenario("fork-racing-faults");
    String munmapAlone = alone(munmap);
    String forkAlone = alone(fork);
    // Many schedules each, so the two runs overlap for most of their length.
    assertTrue(munmapAlone.matches("(?s).*schedules=\\d{2,}"), munmapAlone);
    assertTrue(forkAlone.matches("(?s).*schedules=\\d{2,}"), forkAlone);
    assertTrue(!munmapAlone.contains("FAILURE") && !forkAlone.contains("FAILURE"));

    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (Scenario[] pair : new Scenario[][] {{munmap, fork}, {munmap, munmap}}) {
        CyclicBarrier start = new CyclicBarrier(2);
        Future<String> first =
            threads.submit(
                () -> {
                  start.await();
                  return alone(pair[0]);
                });
        Future<String> second =
            threads.submit(
                () -> {
                  start.await();
                  return alone(pair[1]);
                });
        assertEquals(pair[0] == munmap ? munmapAlone : forkAlone, first.get(5, TimeUnit.MINUTES));
        assertEquals(pair[1] == munmap ? munmapAlone : forkAlone, second.get(5, TimeUnit.MINUTES));
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
