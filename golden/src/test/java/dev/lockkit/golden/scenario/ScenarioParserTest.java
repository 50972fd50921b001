package dev.lockkit.golden.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.explore.Mode;
import dev.lockkit.golden.sched.Schedule;
import dev.lockkit.golden.target.ToyOps;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * golden's part of reading a scenario: the structure (header, outcomes, tasks) and the hand-off of
 * every operation and setup line to the target's vocabulary (here the toy target's, and
 * vocabularies declared by usage lines). lockcore's own vocabulary is tested in golden-lockcore.
 */
class ScenarioParserTest {

  private static final String EXAMPLE =
      """
      # a fault racing munmap of the same VMA
      scenario: fault-vs-munmap
      description: the fault sees the VMA detached and retries
      config: PER_VMA_LOCK && !DEBUG_LOCK_ALLOC
      explore: exhaustive preemptions=2 max-schedules=5000
      vma 0x10000 0x20000 rw-
      vma 0x7ff00000 0x7ff10000 rw-
      task:
        fault 0x10000 write user   # the faulting task
        fork
      task T1:
        munmap 0x10000 0x20000
        mprotect 0x7ff00000 0x7ff10000 r--
      """;

  private static Scenario parse(String text) throws ScenarioException {
    return ScenarioParser.parse("fault-vs-munmap.scn", "fault-vs-munmap", text, ToyOps.INSTANCE);
  }

  private static ScenarioException error(String text) {
    return assertThrows(ScenarioException.class, () -> parse(text));
  }

  @Test
  void theTextFormAndTheJavaBuilderGiveEqualScenarios() throws ScenarioException {
    Scenario built =
        Scenario.builder("fault-vs-munmap")
            .description("the fault sees the VMA detached and retries")
            .config("PER_VMA_LOCK && !DEBUG_LOCK_ALLOC")
            .explore(new Mode.Exhaustive(2, 5000))
            .setup(new ToyOps.ToyVma(0x10000, 0x20000, "rw-"))
            .setup(new ToyOps.ToyVma(0x7ff00000L, 0x7ff10000L, "rw-"))
            .task(t -> t.ops(new ToyOps.Fault(0x10000, true, true), new ToyOps.Fork()))
            .task(
                t ->
                    t.ops(
                        new ToyOps.Munmap(0x10000, 0x20000),
                        new ToyOps.Mprotect(0x7ff00000L, 0x7ff10000L, "r--")))
            .build();
    Scenario parsed = parse(EXAMPLE);
    assertEquals(built, parsed);
    assertEquals(5, parsed.origin().configLine() + 1, "config is on line 4");
  }

  @Test
  void theCanonicalTextParsesBackToAnEqualScenario() throws ScenarioException {
    Scenario s = parse(EXAMPLE);
    assertEquals(s, parse(s.toText()));
  }

  @Test
  void defaultsAreAllConfigurationsAndExhaustiveWithTwoPreemptionsAndTheOpIsTheTargets()
      throws ScenarioException {
    Scenario s = parse("vma 0x1000 0x2000 r--\ntask:\n  fault 0x1000\n");
    assertEquals("all", s.config().toString());
    assertEquals(new Mode.Exhaustive(2, Mode.DEFAULT_MAX_SCHEDULES), s.mode());
    assertEquals(new ToyOps.Fault(0x1000, false, true), s.tasks().get(0).get(0));
    assertEquals(List.of(new ToyOps.ToyVma(0x1000, 0x2000, "r--")), s.setup());
    assertEquals("fault-vs-munmap", s.name());
  }

  @Test
  void otherModesParse() throws ScenarioException {
    assertEquals(
        new Mode.Fixed(List.of(1, 0)),
        parse("explore: fixed order=T1,T0\ntask:\n  fork\ntask:\n  fork\n").mode());
    assertEquals(
        new Mode.Pct(7, 2, 50),
        parse("explore: pct seed=7 depth=2 iterations=50\ntask:\n  fork\n").mode());
    assertEquals(
        new Mode.Replay(Schedule.parse("T0@3,T1@2")),
        parse("explore: replay T0@3,T1@2\ntask:\n  fork\ntask:\n  fork\n").mode());
  }

  @Test
  void aFixedOrderOrReplayNamingAMissingTaskIsAnErrorOnItsLine() {
    ScenarioException fixed =
        error("# two tasks\nexplore: fixed order=T0,T0,T7\ntask:\n  fork\ntask:\n  fork\n");
    assertEquals(
        "fault-vs-munmap.scn:2: explore: T7 is not a task of this scenario (tasks: T0..T1)",
        fixed.getMessage());
    ScenarioException replay = error("explore: replay T5@3\ntask:\n  fork\n");
    assertEquals(
        "fault-vs-munmap.scn:1: explore: T5 is not a task of this scenario (tasks: T0..T0)",
        replay.getMessage());
  }

  @Test
  void aDeeplyNestedConfigSelectorIsRefusedWithItsLine() {
    String deep = "(".repeat(5000) + "MMU" + ")".repeat(5000);
    ScenarioException e = error("config: " + deep + "\ntask:\n  fork\n");
    assertTrue(
        e.getMessage().startsWith("fault-vs-munmap.scn:1: expression nested too deep (limit 256)"),
        e.getMessage());
    ScenarioException nots = error("config: " + "!".repeat(3000) + "MMU\ntask:\n  fork\n");
    assertTrue(nots.getMessage().contains("nested too deep (limit 256)"), nots.getMessage());
  }

  @Test
  void anUnknownOperationIsReportedWithLineColumnAndTheTargetsOperations() {
    ScenarioException e = error("task:\n  fault 0x1000\n    faul 0x1000\n");
    assertEquals(3, e.line());
    assertEquals(5, e.column());
    assertEquals(
        "fault-vs-munmap.scn:3:5: unknown operation 'faul' (known: fault, mmap, munmap, mprotect,"
            + " fork)",
        e.getMessage());
  }

  @Test
  void theTargetsReaderReportsItsOwnMessageAtTheWordItBlames() {
    ScenarioException e = error("task:\n  fault 0x1000 sideways\n");
    assertEquals("fault-vs-munmap.scn:2:16: unknown fault modifier 'sideways'", e.getMessage());
    e = error("vma 0x1000 0x3000 rw-\n\nvma 0x2000 0x4000 r--\ntask:\n  fork\n");
    assertEquals("fault-vs-munmap.scn:3:5: VMA overlaps the VMA on line 1", e.getMessage());
  }

  @Test
  void aVocabularyDeclaredByUsageLinesChecksTheNumberOfArguments() throws ScenarioException {
    Operations ops = Operations.of("hit PAGE", "get", "tag NAME [COLOUR]", "log WORD...");
    Scenario s =
        ScenarioParser.parse(
            "hits.scn",
            "hits",
            "task:\n  hit home\n  get\n  tag a\n  tag a red\n  log\n  log x y z\n",
            ops);
    assertEquals(
        List.of(
            Op.Named.of("hit", "home"),
            Op.Named.of("get"),
            Op.Named.of("tag", "a"),
            Op.Named.of("tag", "a", "red"),
            Op.Named.of("log"),
            Op.Named.of("log", "x", "y", "z")),
        s.tasks().get(0));
    ScenarioException few =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioParser.parse("h.scn", "h", "task:\n  hit\n", ops));
    assertEquals("h.scn:2:3: expected 'hit PAGE'", few.getMessage());
    ScenarioException many =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioParser.parse("h.scn", "h", "task:\n  tag a red blue\n", ops));
    assertEquals("h.scn:2:13: expected 'tag NAME [COLOUR]'", many.getMessage());
    ScenarioException setup =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioParser.parse("h.scn", "h", "vma 0x1000 0x2000 rw-\ntask:\n  get\n", ops));
    assertTrue(setup.getMessage().startsWith("h.scn:1: unknown line 'vma"), setup.getMessage());
  }

  @Test
  void aSetupLineOfTheVocabularyIsKnownByItsFirstWordEvenWithAColonInIt() throws Exception {
    Operations ops =
        new Operations() {
          @Override
          public java.util.List<String> usage() {
            return java.util.List.of("login USER");
          }

          @Override
          public java.util.List<String> setupUsage() {
            return java.util.List.of("user NAME:ROLE");
          }

          @Override
          public Reader reader() {
            return new Reader() {
              @Override
              public Op operation(OpLine l) {
                return new Op.Named(l.name(), l.args());
              }

              @Override
              public Op setup(OpLine l) {
                l.arity(2, 2, "user NAME:ROLE");
                return new Op.Named(l.name(), l.args());
              }
            };
          }
        };
    Scenario s =
        ScenarioParser.parse(
            "u.scn", "u", "user alice:admin\nuser bob:guest\ntask:\n  login alice\n", ops);
    assertEquals(
        List.of(Op.Named.of("user", "alice:admin"), Op.Named.of("user", "bob:guest")), s.setup());
    assertEquals(s, ScenarioParser.parse("u.scn", "u", s.toText(), ops));
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () ->
                ScenarioParser.parse(
                    "u.scn", "u", "user alice:admin extra\ntask:\n  login a\n", ops));
    assertEquals("u.scn:1:18: expected 'user NAME:ROLE'", e.getMessage());
  }

  @Test
  void theOldCallFormNamesWhatToWriteInstead() {
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () ->
                ScenarioParser.parse(
                    "h.scn", "h", "task:\n  call hit home\n", Operations.of("hit PAGE")));
    assertEquals(
        "h.scn:2:3: 'call' is gone: write the target's operation by its name, 'hit home'",
        e.getMessage());
  }

  @Test
  void aTargetWithoutOperationsSaysItDeclaresNone() {
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioParser.parse("h.scn", "h", "task:\n  hit home\n", Operations.NONE));
    assertEquals(
        "h.scn:2:3: unknown operation 'hit' (known: none: the target declares no operations)",
        e.getMessage());
  }

  @Test
  void badUsageLinesAreRefusedWhenTheVocabularyIsMade() {
    assertThrows(IllegalArgumentException.class, () -> Operations.of("Hit PAGE"));
    assertThrows(IllegalArgumentException.class, () -> Operations.of("hit", "hit PAGE"));
    assertThrows(IllegalArgumentException.class, () -> Operations.of("tag [A] B"));
    assertThrows(IllegalArgumentException.class, () -> Operations.of("log A... B"));
  }

  @Test
  void aFocusedExhaustiveModeParsesAndPrintsBack() throws ScenarioException {
    Scenario s =
        parse(
            "explore: exhaustive preemptions=4 at=waitEvent,VmaLockPerVma.vmaRefcountPut\n"
                + "task:\n  fault 0x1000\n");
    assertEquals(
        new Mode.Exhaustive(
            4,
            Mode.DEFAULT_MAX_SCHEDULES,
            java.util.List.of("VmaLockPerVma.vmaRefcountPut", "waitEvent")),
        s.mode());
    assertEquals(s, parse(s.toText()));
  }

  @Test
  void aBadPointNameIsReportedWithItsLine() {
    ScenarioException e =
        error("# focus\nexplore: exhaustive at=waitEvent,,x\ntask:\n  fault 0x1\n");
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("empty point name"), e.getMessage());
    e = error("explore: exhaustive preemptions=4 at=vma_refcount-put\ntask:\n  fault 0x1000\n");
    assertEquals(1, e.line());
    assertTrue(e.getMessage().contains("bad point name 'vma_refcount-put'"), e.getMessage());
  }

  @Test
  void structuralMistakesAreReportedWithLines() {
    assertEquals(1, error("  fault 0x1000\n").line(), "operation outside a task");
    assertEquals(
        2, error("config: all\nconfig: MMU\ntask:\n  fork\n").line(), "directive given twice");
    assertEquals(1, error("explore: sometimes\ntask:\n  fork\n").line(), "unknown mode");
    assertEquals(
        1, error("explore: exhaustive bound=2\ntask:\n  fork\n").line(), "unknown setting");
    assertEquals(1, error("config: MMU &&\ntask:\n  fork\n").line(), "incomplete selector");
    assertEquals(
        1, error("scenario: other-name\ntask:\n  fork\n").line(), "name differs from file");
    assertEquals(3, error("task:\n  fork\ntask T2:\n  fork\n").line(), "tasks out of order");
    assertEquals(0, error("# nothing\n").line(), "no tasks");
  }

  @Test
  void selectorsEvaluateBooleanExpressionsOverEnabledOptions() {
    Selector s = Selector.parse("PER_VMA_LOCK && !(DEBUG_LOCK_ALLOC || CONFIG_TRACING)");
    assertTrue(s.matches(Set.of("PER_VMA_LOCK")));
    assertTrue(!s.matches(Set.of("PER_VMA_LOCK", "TRACING")));
    assertTrue(!s.matches(Set.of()));
    assertEquals(Set.of("PER_VMA_LOCK", "DEBUG_LOCK_ALLOC", "TRACING"), s.symbols());
    assertTrue(Selector.all().matches(Set.of()));
  }
}
