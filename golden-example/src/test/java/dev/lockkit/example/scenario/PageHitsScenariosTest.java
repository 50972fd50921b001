package dev.lockkit.example.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.example.CacheVariants;
import dev.lockkit.golden.explore.Exploration;
import dev.lockkit.golden.explore.Explorer;
import dev.lockkit.golden.junit.GoldenAssertions;
import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Scenario;
import dev.lockkit.golden.scenario.ScenarioException;
import dev.lockkit.golden.scenario.ScenarioParser;
import dev.lockkit.golden.target.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code .scn} file of {@code scenarios/}, written in {@link PageHitsTarget}'s own
 * operations, on every variant of this module's Kconfig its selector allows, against {@code
 * approved/<scenario>.<variant>.approved.txt}: the check {@code lockkit golden verify} (or the
 * Maven plugin's {@code golden-verify}) makes with this target on the class path. Approve with
 * {@code -Dgolden.update=true}.
 */
class PageHitsScenariosTest {

  private static final Path SCENARIOS = Path.of("scenarios");
  private static final Path APPROVED = Path.of("approved");

  @TestFactory
  Stream<DynamicTest> everyScenarioOnEveryVariantMatchesItsApprovedFile() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    List<Variant> variants = new CacheVariants().variants();
    for (Path f : scenarioFiles()) {
      Scenario s = ScenarioParser.parse(f, new PageHitsTarget().operations());
      for (Variant v : variants) {
        if (s.config().matches(v.enabled())) {
          tests.add(DynamicTest.dynamicTest(s.name() + " on " + v.id(), () -> verify(s, v)));
        }
      }
    }
    assertTrue(tests.size() >= 6, "two scenarios on three variants each: " + tests.size());
    return tests.stream();
  }

  private static void verify(Scenario s, Variant v) {
    try (Explorer explorer = new Explorer()) {
      Exploration e = new ScenarioRunner(explorer).run(s, v, new PageHitsTarget());
      assertTrue(e.complete(), s.name() + " on " + v.id() + ": the search was not complete");
      GoldenAssertions.assertGraded(s, e);
      GoldenAssertions.verify(APPROVED, s.name(), v, ScenarioRunner.goldenText(s, v, e));
    }
  }

  private static List<Path> scenarioFiles() throws IOException {
    try (Stream<Path> s = Files.list(SCENARIOS)) {
      return s.filter(p -> p.toString().endsWith(".scn")).sorted().toList();
    }
  }

  @Test
  void theLostUpdateOfTwoHitsIsReachedAndGradedInteresting() throws Exception {
    Scenario s = ScenarioParser.parse(SCENARIOS.resolve("two-hits.scn"), PageHitsTarget.OPERATIONS);
    try (Explorer explorer = new Explorer()) {
      Exploration e =
          new ScenarioRunner(explorer).run(s, Variant.parse("none"), new PageHitsTarget());
      String text = ScenarioRunner.goldenText(s, Variant.parse("none"), e);
      assertTrue(text.contains("interesting: outcome 1 (4 schedules): a lost update"), text);
      assertTrue(text.contains("T0: hit home = ok\nT1: hit home = ok\nhits: home=1\n"), text);
    }
  }

  @Test
  void anOperationTheTargetDoesNotDeclareIsAnErrorListingTheTargetsOperations() {
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () ->
                ScenarioParser.parse(
                    "typo.scn",
                    "typo",
                    "task:\n  hit home\n  hits home\n",
                    PageHitsTarget.OPERATIONS));
    assertEquals("typo.scn:3:3: unknown operation 'hits' (known: hit, get)", e.getMessage());
  }

  @Test
  void anOperationWithoutItsArgumentQuotesTheUsage() {
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () ->
                ScenarioParser.parse(
                    "bare.scn", "bare", "task:\n  get\n", PageHitsTarget.OPERATIONS));
    assertEquals("bare.scn:2:3: expected 'get PAGE'", e.getMessage());
    e =
        assertThrows(
            ScenarioException.class,
            () ->
                ScenarioParser.parse(
                    "two.scn", "two", "task:\n  hit home cart\n", PageHitsTarget.OPERATIONS));
    assertEquals("two.scn:2:12: expected 'hit PAGE'", e.getMessage());
  }
}
