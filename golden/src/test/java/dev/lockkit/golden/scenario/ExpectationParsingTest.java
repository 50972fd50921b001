package dev.lockkit.golden.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.explore.Mode;
import dev.lockkit.golden.scenario.Expectation.Grade;
import dev.lockkit.golden.target.ToyOps;
import org.junit.jupiter.api.Test;

/** Outcome declarations in {@code .scn} and in the builder. */
class ExpectationParsingTest {

  private static final String SCN =
      """
      explore: exhaustive preemptions=1
      outcome acceptable /T1: fault 0x10000 read user = OK .*path=vma_lock/ the fast path
      outcome interesting /path=mmap_lock/ fell back: the VMA was write-locked
      outcome forbidden /FAILURE/ any failure
      vma 0x10000 0x20000 rw-
      task:
        mprotect 0x10000 0x20000 r--
      task:
        fault 0x10000 read user
      """;

  private static Scenario parse(String text) throws ScenarioException {
    return ScenarioParser.parse("x.scn", "x", text, ToyOps.INSTANCE);
  }

  @Test
  void declarationsParseInOrderWithGradePatternAndDescription() throws ScenarioException {
    Scenario s = parse(SCN);
    assertEquals(3, s.outcomes().size());
    assertEquals(
        new Expectation(
            Grade.ACCEPTABLE, "T1: fault 0x10000 read user = OK .*path=vma_lock", "the fast path"),
        s.outcomes().get(0));
    assertEquals(Grade.INTERESTING, s.outcomes().get(1).grade());
    assertEquals("any failure", s.outcomes().get(2).description());
  }

  @Test
  void theBuilderMakesAnEqualScenarioAndToTextRoundTrips() throws ScenarioException {
    Scenario built =
        Scenario.builder("x")
            .explore(new Mode.Exhaustive(1, Mode.DEFAULT_MAX_SCHEDULES))
            .outcome(
                Grade.ACCEPTABLE,
                "T1: fault 0x10000 read user = OK .*path=vma_lock",
                "the fast path")
            .outcome(Grade.INTERESTING, "path=mmap_lock", "fell back: the VMA was write-locked")
            .outcome(Grade.FORBIDDEN, "FAILURE", "any failure")
            .setup(new ToyOps.ToyVma(0x10000, 0x20000, "rw-"))
            .task(t -> t.op(new ToyOps.Mprotect(0x10000, 0x20000, "r--")))
            .task(t -> t.op(new ToyOps.Fault(0x10000, false, true)))
            .build();
    assertEquals(parse(SCN), built);
    assertEquals(built, parse(built.toText()));
  }

  @Test
  void aSlashInsideThePatternIsEscapedAndSurvivesTheRoundTrip() throws ScenarioException {
    Expectation e = Expectation.parse("acceptable /a\\/b/ slash");
    assertEquals("a/b", e.regex());
    assertEquals("outcome acceptable /a\\/b/ slash", e.toText());
    assertTrue(e.matches("x a/b y"));
  }

  @Test
  void anUnknownGradeIsALineNumberedError() {
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () -> parse("outcome acceptible /x/ typo\ntask:\n  fork\n".replace("\n", "\n")));
    assertEquals(
        "x.scn:1: unknown grade 'acceptible' (known: acceptable, interesting, forbidden)",
        e.getMessage());
  }

  @Test
  void anUnparseableDeclarationIsALineNumberedError() {
    assertEquals(
        "x.scn:2: unterminated outcome pattern '/path=vma_lock the fast path': close it with '/'",
        assertThrows(
                ScenarioException.class,
                () -> parse("task:\noutcome acceptable /path=vma_lock the fast path\n  fork\n"))
            .getMessage());
    assertTrue(
        assertThrows(
                ScenarioException.class, () -> parse("outcome forbidden /a(/ x\ntask:\n  fork\n"))
            .getMessage()
            .startsWith("x.scn:1: bad outcome pattern /a(/: Unclosed group"));
    assertEquals(
        "x.scn:1: outcome /x/ needs a description after the pattern",
        assertThrows(ScenarioException.class, () -> parse("outcome forbidden /x/\ntask:\n  fork\n"))
            .getMessage());
    assertTrue(
        assertThrows(ScenarioException.class, () -> parse("outcome forbidden\ntask:\n  fork\n"))
            .getMessage()
            .startsWith("x.scn:1: expected 'outcome GRADE /REGEX/ DESCRIPTION'"));
  }
}
