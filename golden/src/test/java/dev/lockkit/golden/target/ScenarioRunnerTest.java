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

  /** A target of someone else's: a hit counter, with its own 'hit' operation. */
  static final class HitTarget implements ScenarioTarget {
    @Override
    public String name() {
      return "hits";
    }

    @Override
    public java.util.Set<String> operations() {
      return java.util.Set.of("hit");
    }

    @Override
    public Machine boot(
        Variant variant, List<dev.lockkit.golden.scenario.Vma> vmas, int tasks, Events events) {
      int[] hits = {0};
      return new Machine() {
        @Override
        public void enterTask(int task) {}

        @Override
        public String perform(int task, dev.lockkit.golden.scenario.Op op) {
          dev.lockkit.golden.scenario.Op.Call c = (dev.lockkit.golden.scenario.Op.Call) op;
          hits[0]++;
          return c.name() + " " + String.join(" ", c.args()) + " -> " + hits[0];
        }

        @Override
        public String snapshot() {
          return "hits: " + hits[0] + "\n";
        }
      };
    }
  }

  @Test
  void aTargetDeclaresItsOwnOperationsAndScenariosCallThem() throws Exception {
    Scenario s =
        dev.lockkit.golden.scenario.ScenarioParser.parse(
            "hits.scn", "hits", "explore: fixed\ntask:\n  call hit home\ntask:\n  call hit cart\n");
    assertEquals("call hit home", s.tasks().get(0).get(0).toText());
    try (Explorer explorer = new Explorer()) {
      Exploration e = new ScenarioRunner(explorer).run(s, new Variant(Set.of()), new HitTarget());
      assertTrue(e.outcomes().get(0).text().contains("hits: 2"), e.outcomes().get(0).text());
      IllegalArgumentException refused =
          org.junit.jupiter.api.Assertions.assertThrows(
              IllegalArgumentException.class,
              () ->
                  new ScenarioRunner(explorer).run(s, new Variant(Set.of()), new ToyTarget(false)));
      assertEquals(
          "scenario hits: 'call hit home' is not an operation of target "
              + new ToyTarget(false).name()
              + " (it declares fault, mmap, munmap)",
          refused.getMessage());
    }
  }

  @Test
  void aMemoryOperationIsRefusedByATargetThatDoesNotDeclareIt() throws Exception {
    Scenario s =
        dev.lockkit.golden.scenario.ScenarioParser.parse(
            "hits.scn", "hits", "explore: fixed\ntask:\n  call hit home\n  fault 0x1000\n");
    try (Explorer explorer = new Explorer()) {
      IllegalArgumentException refused =
          org.junit.jupiter.api.Assertions.assertThrows(
              IllegalArgumentException.class,
              () -> new ScenarioRunner(explorer).run(s, new Variant(Set.of()), new HitTarget()));
      assertEquals(
          "scenario hits: 'fault 0x1000 read user' is not an operation of target hits (it declares"
              + " call hit)",
          refused.getMessage());
    }
  }
}
