package dev.lockkit.golden.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.explore.Exploration;
import dev.lockkit.golden.explore.Mode;
import dev.lockkit.golden.scenario.Expectation;
import dev.lockkit.golden.scenario.Expectation.Grade;
import dev.lockkit.golden.sched.Schedule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How outcomes are graded against declarations after an exploration. */
class GradingTest {

  private static final Mode BOUND_1 = new Mode.Exhaustive(1, Mode.DEFAULT_MAX_SCHEDULES);

  private static Exploration.Outcome outcome(String text, long count, String schedule) {
    return new Exploration.Outcome(text, null, count, Schedule.parse(schedule), "");
  }

  private static Exploration exploration(Mode mode, boolean complete, Exploration.Outcome... os) {
    return new Exploration(mode, 10, complete, 3, List.of(os));
  }

  private static final Exploration TWO_OUTCOMES =
      exploration(
          BOUND_1,
          true,
          outcome("T0: x = 1\nT1: y = 0\n", 7, "T0@1"),
          outcome("T0: x = 1\nT1: y = 1\n", 3, "T1@2,T0@1"));

  @Test
  void theFirstMatchingDeclarationGradesAnOutcome() {
    Grading g =
        Grading.of(
            List.of(
                new Expectation(Grade.INTERESTING, "y = 1", "the late write"),
                new Expectation(Grade.ACCEPTABLE, "x = 1", "anything with x")),
            TWO_OUTCOMES);
    assertEquals(Grade.ACCEPTABLE, g.graded().get(0).grade());
    assertEquals(Grade.INTERESTING, g.graded().get(1).grade(), "first match wins");
    assertTrue(g.ok());
    assertEquals(List.of(), g.problems());
  }

  @Test
  void anUndeclaredOutcomeIsForbiddenWithItsReplayString() {
    Grading g =
        Grading.of(List.of(new Expectation(Grade.ACCEPTABLE, "y = 0$", "y unset")), TWO_OUTCOMES);
    assertFalse(g.ok());
    assertEquals(
        List.of(
            "forbidden: outcome 2 (3 schedules): matches no declared outcome (replay: T1@2,T0@1)"),
        g.problems());
  }

  @Test
  void aReachableDeclaredForbiddenOutcomeFailsWithItsReplayString() {
    Grading g =
        Grading.of(
            List.of(
                new Expectation(Grade.FORBIDDEN, "y = 1", "lost update"),
                new Expectation(Grade.ACCEPTABLE, ".", "the rest")),
            TWO_OUTCOMES);
    assertEquals(1, g.forbidden().size());
    assertTrue(
        g.text().contains("forbidden: outcome 2 (3 schedules): lost update (replay: T1@2,T0@1)"));
  }

  @Test
  void aDeclaredOutcomeNeverReachedIsReportedNotSilentlyPassed() {
    Grading g =
        Grading.of(
            List.of(
                new Expectation(Grade.ACCEPTABLE, "x = 1", "ok"),
                new Expectation(Grade.INTERESTING, "x = 2", "the double increment"),
                new Expectation(Grade.FORBIDDEN, "x = 3", "never")),
            TWO_OUTCOMES);
    assertTrue(g.ok(), "not reaching an outcome is not a forbidden one");
    assertEquals(
        List.of("expected, not reached: interesting /x = 2/ the double increment"), g.problems());
  }

  @Test
  void notReachedSaysSoWhenTheSearchWasNotExhaustive() {
    Grading g =
        Grading.of(
            List.of(new Expectation(Grade.ACCEPTABLE, "z", "z")),
            exploration(new Mode.Pct(1, 2, 10), true, outcome("x\n", 10, "T0@1")));
    assertTrue(
        g.problems().contains("expected, not reached (search not exhaustive): acceptable /z/ z"),
        g.problems().toString());
  }

  @Test
  void aScenarioWithoutDeclarationsIsNotGraded() {
    assertNull(Grading.of(List.of(), TWO_OUTCOMES));
  }
}
