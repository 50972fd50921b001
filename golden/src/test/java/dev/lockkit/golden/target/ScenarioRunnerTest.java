package dev.lockkit.golden.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.explore.Exploration;
import dev.lockkit.golden.explore.Explorer;
import dev.lockkit.golden.explore.Mode;
import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Scenario;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioRunnerTest {

  static Scenario faultRacingMunmap() {
    return Scenario.builder("fault-racing-munmap")
        .explore(new Mode.Exhaustive(2, 10_000))
        .vma(0x10000, 0x20000, "rw-")
        .task(t -> t.fault(0x10000, true, true))
        .task(t -> t.munmap(0x10000, 0x20000))
        .build();
  }

  @Test
  void aFaultRacingMunmapEitherCompletesOrSegfaultsAndBothAreInTheGoldenText() {
    try (Explorer explorer = new Explorer()) {
      Exploration e =
          new ScenarioRunner(explorer)
              .run(faultRacingMunmap(), new Variant(Set.of()), new ToyTarget(false));
      List<String> firstLines = e.outcomes().stream().map(o -> o.text().split("\n")[0]).toList();
      assertEquals(
          List.of(
              "T0: fault 0x10000 write user = VM_FAULT_COMPLETED",
              "T0: fault 0x10000 write user = VM_FAULT_SIGSEGV"),
          firstLines);
      String text = ScenarioRunner.goldenText(faultRacingMunmap(), new Variant(Set.of()), e);
      assertTrue(
          text.startsWith("scenario: fault-racing-munmap\nvariant: none\nmode: exhaustive"), text);
      assertTrue(text.contains("T1: lock acquired\n"), text);
      assertTrue(text.contains("T1: munmap 0x10000 0x20000 = 0\n"), text);
    }
  }

  @Test
  void theOutcomeIncludesTheTargetsSnapshotWhichMayDependOnTheVariant() {
    try (Explorer explorer = new Explorer()) {
      ScenarioRunner runner = new ScenarioRunner(explorer);
      Exploration plain =
          runner.run(faultRacingMunmap(), new Variant(Set.of()), new ToyTarget(false));
      Exploration stats =
          runner.run(faultRacingMunmap(), new Variant(Set.of("STATS")), new ToyTarget(false));
      assertTrue(plain.outcomes().get(0).text().contains("maps:\n"));
      assertTrue(!plain.outcomes().get(0).text().contains("faults:"));
      assertTrue(stats.outcomes().get(0).text().contains("faults: 1\n"));
    }
  }
}
