package dev.lockkit.golden.approve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The coverage stamp of an approved file: parsed, checked for consistency, compared. */
class CoverageStampTest {

  private static String text(String mode, String schedules, String search) {
    return "scenario: s\nvariant: MMU\nmode: "
        + mode
        + "\nschedules: "
        + schedules
        + "\nsearch: "
        + search
        + "\noutcomes: 1\n\n== outcome 1 of 1 (1 schedule)\nmode: not a header line\n";
  }

  private static final String BOUND_2 = "exhaustive preemptions=2 max-schedules=200000";

  private static CoverageStamp exhaustive(int bound, String schedules, String search) {
    return CoverageStamp.parse(
        text("exhaustive preemptions=" + bound + " max-schedules=1000", schedules, search));
  }

  private static String error(String text) {
    return assertThrows(CoverageStamp.StampException.class, () -> CoverageStamp.parse(text))
        .getMessage();
  }

  @Test
  void theGoldenTextHeaderIsTheStamp() {
    CoverageStamp s =
        CoverageStamp.parse(
            text(BOUND_2, "117", "complete at preemption bound 2 (the bound cut 5676 choices)"));
    assertEquals(new CoverageStamp("MMU", "exhaustive", 2, 200000, -1, 117, true), s);
    assertEquals(
        "exhaustive preemptions=2, 117 schedules, complete at bound, variant MMU", s.describe());
    assertNull(CoverageStamp.parse("just some golden text\n"), "not a scenario golden text");
  }

  @Test
  void impossibleStatesAreLineNumberedErrors() {
    assertEquals(
        "4: schedules must be at least 1 (every mode runs one), got -5",
        error(text(BOUND_2, "-5", "complete")));
    assertEquals(
        "4: schedules must be a count, got 'many'", error(text(BOUND_2, "many", "complete")));
    assertEquals(
        "5: a truncated search stops at exactly max-schedules=200000 schedules, but the stamp says 12",
        error(text(BOUND_2, "12", "incomplete: stopped at max-schedules=200000")));
    assertEquals(
        "5: search names preemption bound 1 but the mode says 2",
        error(text(BOUND_2, "12", "complete at preemption bound 1 (the bound cut 3 choices)")));
    assertEquals(
        "4: 300000 schedules is more than the mode's max-schedules=200000",
        error(
            text(
                BOUND_2,
                "300000",
                "complete: every interleaving explored (the preemption bound never applied)")));
    assertEquals(
        "5: a fixed run is always 'complete', got 'incomplete: stopped at max-schedules=1'",
        error(text("fixed", "1", "incomplete: stopped at max-schedules=1")));
    assertEquals("4: a fixed run is one schedule, not 2", error(text("fixed", "2", "complete")));
    assertTrue(error(text("random walk", "1", "complete")).startsWith("3: unknown mode"));
  }

  @Test
  void aSmallerBoundOrATruncatedSearchIsWeaker() {
    CoverageStamp approved =
        exhaustive(2, "117", "complete at preemption bound 2 (the bound cut 5 choices)");
    CoverageStamp smaller =
        exhaustive(1, "40", "complete at preemption bound 1 (the bound cut 9 choices)");
    CoverageStamp truncated = exhaustive(2, "1000", "incomplete: stopped at max-schedules=1000");
    assertEquals(
        "preemption bound 1 is smaller than the approved file's 2", smaller.weakerThan(approved));
    assertTrue(truncated.weakerThan(approved).startsWith("search truncated at max-schedules=1000"));
    assertNull(approved.weakerThan(smaller), "a larger bound is stronger");
    assertNull(
        exhaustive(2, "90", "complete at preemption bound 2 (the bound cut 5 choices)")
            .weakerThan(approved),
        "a complete search at the same bound is as strong, whatever its schedule count");
    assertFalse(truncated.complete());
  }

  private static CoverageStamp focused(int bound, String at) {
    return CoverageStamp.parse(
        text(
            "exhaustive preemptions=" + bound + " max-schedules=1000 at=" + at,
            "50",
            "complete at preemption bound "
                + bound
                + " at the named points (the bound cut 7 choices, the focus 300)"));
  }

  @Test
  void aFocusedStampCarriesItsPointsAndCannotClaimEveryInterleaving() {
    CoverageStamp s = focused(4, "vmaRefcountPut,waitEvent");
    assertEquals(java.util.List.of("vmaRefcountPut", "waitEvent"), s.focus());
    assertTrue(s.complete());
    assertEquals(
        "exhaustive preemptions=4, 50 schedules, complete at bound, only at"
            + " vmaRefcountPut,waitEvent, variant MMU",
        s.describe());
    String at = "exhaustive preemptions=4 max-schedules=1000 at=waitEvent";
    assertEquals(
        "5: a focused search (at=) is 'complete at preemption bound N at the named points (...)'"
            + " or truncated, got 'complete: every interleaving explored (the preemption bound"
            + " never applied)'",
        error(
            text(
                at,
                "5",
                "complete: every interleaving explored (the preemption bound never applied)")));
    assertEquals(
        "5: search says 'at the named points' but the mode names none (no at=)",
        error(
            text(
                BOUND_2,
                "5",
                "complete at preemption bound 2 at the named points (the bound cut 1 choices,"
                    + " the focus 2)")));
    assertEquals(
        "3: the named points of at= must be sorted and distinct, got waitEvent,vmaRefcountPut",
        error(
            text(
                "exhaustive preemptions=4 max-schedules=1000 at=waitEvent,vmaRefcountPut",
                "5",
                "complete at preemption bound 4 at the named points (the bound cut 1 choices,"
                    + " the focus 2)")));
  }

  @Test
  void aFocusedSearchIsWeakerThanAnUnfocusedOneOrOneFocusedAtMorePoints() {
    CoverageStamp unfocused =
        exhaustive(2, "117", "complete at preemption bound 2 (the bound cut 5 choices)");
    CoverageStamp two = focused(4, "vmaRefcountPut,waitEvent");
    CoverageStamp one = focused(4, "waitEvent");
    assertEquals(
        "this run preempts only at the named points vmaRefcountPut,waitEvent, the approved"
            + " file's search preempted anywhere",
        two.weakerThan(unfocused),
        "even at a higher bound: it skips schedules preempting elsewhere");
    assertEquals(
        "this run does not preempt at vmaRefcountPut, where the approved file's focused search"
            + " did",
        one.weakerThan(two));
    assertNull(two.weakerThan(one), "a superset of the points at the same bound covers more");
    assertEquals(
        "preemption bound 2 is smaller than the approved file's 4", unfocused.weakerThan(two));
    assertNull(
        exhaustive(4, "900", "complete at preemption bound 4 (the bound cut 5 choices)")
            .weakerThan(two),
        "an unfocused search at the same bound covers every focused schedule");
  }
}
