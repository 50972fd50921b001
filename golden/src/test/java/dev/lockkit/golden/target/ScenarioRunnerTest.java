package dev.lockkit.golden.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.explore.Exploration;
import dev.lockkit.golden.explore.Explorer;
import dev.lockkit.golden.explore.Mode;
import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Op;
import dev.lockkit.golden.scenario.Operations;
import dev.lockkit.golden.scenario.Scenario;
import dev.lockkit.golden.scenario.ScenarioParser;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioRunnerTest {

  static Scenario faultRacingMunmap() {
    return Scenario.builder("fault-racing-munmap")
        .explore(new Mode.Exhaustive(2, 10_000))
        .setup(new ToyOps.ToyVma(0x10000, 0x20000, "rw-"))
        .task(t -> t.op(new ToyOps.Fault(0x10000, true, true)))
        .task(t -> t.op(new ToyOps.Munmap(0x10000, 0x20000)))
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

  /**
   * A target of someone else's: a hit counter, with its own {@code hit PAGE} and {@code get}
   * operations declared by usage lines.
   */
  static final class HitTarget implements ScenarioTarget {
    @Override
    public String name() {
      return "hits";
    }

    @Override
    public Operations operations() {
      return Operations.of("hit PAGE", "get");
    }

    @Override
    public Machine boot(Variant variant, List<Op> setup, int tasks, Events events) {
      int[] hits = {0};
      return new Machine() {
        @Override
        public void enterTask(int task) {}

        @Override
        public String perform(int task, Op op) {
          Op.Named c = (Op.Named) op;
          if (c.name().equals("get")) {
            return "hits " + hits[0];
          }
          hits[0]++;
          return c.arg(0) + " -> " + hits[0];
        }

        @Override
        public String snapshot() {
          return "hits: " + hits[0] + "\n";
        }
      };
    }
  }

  @Test
  void aTargetDeclaresItsOwnOperationsAndScenariosUseThemByName() throws Exception {
    Scenario s =
        ScenarioParser.parse(
            "hits.scn",
            "hits",
            "explore: fixed\ntask:\n  hit home\ntask:\n  hit cart\n  get\n",
            new HitTarget().operations());
    assertEquals(Op.Named.of("hit", "home"), s.tasks().get(0).get(0));
    assertEquals("hit home", s.tasks().get(0).get(0).toText());
    try (Explorer explorer = new Explorer()) {
      Exploration e = new ScenarioRunner(explorer).run(s, new Variant(Set.of()), new HitTarget());
      String text = e.outcomes().get(0).text();
      assertTrue(text.contains("T0: hit home = home -> 1\n"), text);
      assertTrue(text.contains("T1: get = hits 2\n"), text);
      assertTrue(text.contains("hits: 2"), text);
    }
  }

  @Test
  void aScenarioOfAnotherVocabularyIsRefusedBeforeItRunsNamingWhatTheTargetDeclares()
      throws Exception {
    Scenario hits =
        ScenarioParser.parse(
            "hits.scn", "hits", "explore: fixed\ntask:\n  hit home\n", Operations.of("hit PAGE"));
    Scenario toy = faultRacingMunmap();
    try (Explorer explorer = new Explorer()) {
      IllegalArgumentException refused =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  new ScenarioRunner(explorer)
                      .run(hits, new Variant(Set.of()), new ToyTarget(false)));
      assertEquals(
          "scenario hits: 'hit home' is not an operation of target toy (it declares vma, fault,"
              + " mmap, munmap, mprotect, fork)",
          refused.getMessage());
      refused =
          assertThrows(
              IllegalArgumentException.class,
              () -> new ScenarioRunner(explorer).run(toy, new Variant(Set.of()), new HitTarget()));
      assertEquals(
          "scenario fault-racing-munmap: 'vma 0x10000 0x20000 rw-' is not an operation of target"
              + " hits (it declares hit, get)",
          refused.getMessage());
    }
  }

  @Test
  void aJavaBuiltOperationTheVocabularyRefusesIsAnErrorWithTheReadersMessage() {
    Scenario s =
        Scenario.builder("bad-arity").task(t -> t.op(Op.Named.of("hit", "home", "extra"))).build();
    try (Explorer explorer = new Explorer()) {
      IllegalArgumentException refused =
          assertThrows(
              IllegalArgumentException.class,
              () -> new ScenarioRunner(explorer).run(s, new Variant(Set.of()), new HitTarget()));
      assertEquals(
          "scenario bad-arity: 'hit home extra' (target hits): expected 'hit PAGE'",
          refused.getMessage());
    }
  }
}
