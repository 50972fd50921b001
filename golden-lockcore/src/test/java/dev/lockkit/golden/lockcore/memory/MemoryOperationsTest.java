package dev.lockkit.golden.lockcore.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.explore.Explorer;
import dev.lockkit.golden.explore.Mode;
import dev.lockkit.golden.lockcore.LockcoreTarget;
import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Scenario;
import dev.lockkit.golden.scenario.ScenarioException;
import dev.lockkit.golden.scenario.ScenarioParser;
import dev.lockkit.golden.target.ScenarioRunner;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** lockcore's scenario vocabulary, read through golden's parser as every lockcore scenario is. */
class MemoryOperationsTest {

  private static final String EXAMPLE =
      """
      # a fault racing munmap of the same VMA
      scenario: fault-vs-munmap
      description: the fault sees the VMA detached and retries
      config: PER_VMA_LOCK && !DEBUG_LOCK_ALLOC
      explore: exhaustive preemptions=2 max-schedules=5000
      vma 0x10000 0x20000 rw-
      vma 0x7ff00000 0x7ff10000 rw- growsdown
      task:
        fault 0x10000 write user   # the faulting task
        read-maps
      task T1:
        munmap 0x10000 0x20000
        fatal-signal T0
        mmap_read_lock
        mmap_read_unlock
      """;

  private static Scenario parse(String text) throws ScenarioException {
    return ScenarioParser.parse(
        "fault-vs-munmap.scn", "fault-vs-munmap", text, MemoryOperations.INSTANCE);
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
            .setup(new Vma(0x10000, 0x20000, "rw-"))
            .setup(new Vma(0x7ff00000L, 0x7ff10000L, "rw-", Vma.Growth.GROWSDOWN))
            .task(t -> t.ops(new MemoryOp.Fault(0x10000, true, true), new MemoryOp.ReadMaps()))
            .task(
                t ->
                    t.ops(
                        new MemoryOp.Munmap(0x10000, 0x20000),
                        new MemoryOp.FatalSignal(0),
                        new MemoryOp.Raw(MemoryOp.RawOp.MMAP_READ_LOCK),
                        new MemoryOp.Raw(MemoryOp.RawOp.MMAP_READ_UNLOCK)))
            .build();
    Scenario parsed = parse(EXAMPLE);
    assertEquals(built, parsed);
    assertEquals(parsed, parse(parsed.toText()));
    assertEquals(null, ScenarioParser.misfit(built, MemoryOperations.INSTANCE));
  }

  @Test
  void aFaultDefaultsToAReadFromUserModeAndPrintsItsCanonicalForm() throws ScenarioException {
    Scenario s = parse("vma 0x1000 0x2000 r--\ntask:\n  fault 4096\n");
    assertEquals(new MemoryOp.Fault(0x1000, false, true), s.tasks().get(0).get(0));
    assertEquals("fault 0x1000 read user", s.tasks().get(0).get(0).toText());
  }

  @Test
  void anUnknownOperationListsLockcoresOperationsWithLineAndColumn() {
    ScenarioException e = error("task:\n  fault 0x1000\n  faul 0x1000\n");
    assertEquals(3, e.line());
    assertEquals(3, e.column());
    assertTrue(
        e.getMessage()
            .startsWith(
                "fault-vs-munmap.scn:3:3: unknown operation 'faul' (known: fault, mmap, munmap,"
                    + " mprotect, fork, exit-child, read-maps, expand-stack, fatal-signal,"
                    + " mmap_read_lock,"),
        e.getMessage());
  }

  @Test
  void aBadAddressIsReportedAtItsWord() {
    ScenarioException e = error("task:\n  fault 0xzz\n");
    assertEquals(
        "fault-vs-munmap.scn:2:9: bad address '0xzz': expected hex (0x1000) or decimal",
        e.getMessage());
    ScenarioException v = error("vma 0x1000 0x900000000000000 rw-\ntask:\n  fork\n");
    assertEquals(1, v.line());
    assertEquals(12, v.column());
    assertTrue(v.getMessage().contains("outside user space"), v.getMessage());
  }

  @Test
  void unalignedOrEmptyRangesAreBadAddresses() {
    assertTrue(error("task:\n  munmap 0x1001 0x2000\n").getMessage().contains("not page aligned"));
    assertTrue(
        error("task:\n  munmap 0x2000 0x2000\n").getMessage().contains("end must be above start"));
    assertTrue(
        error("task:\n  mprotect 0x1000 0x2000 rwz\n").getMessage().contains("bad permissions"));
  }

  @Test
  void overlappingVmasNameTheEarlierLine() {
    ScenarioException e = error("vma 0x1000 0x3000 rw-\n\nvma 0x2000 0x4000 r--\ntask:\n  fork\n");
    assertEquals(3, e.line());
    assertTrue(e.getMessage().endsWith("VMA overlaps the VMA on line 1"), e.getMessage());
  }

  @Test
  void aWrongNumberOfArgumentsQuotesTheUsage() {
    ScenarioException e = error("task:\n  munmap 0x1000\n");
    assertEquals("fault-vs-munmap.scn:2:3: expected 'munmap START END'", e.getMessage());
    e = error("task:\n  fork now\n");
    assertEquals("fault-vs-munmap.scn:2:8: expected 'fork'", e.getMessage());
  }

  @Test
  void aSignalToATaskThatDoesNotExistOrToItselfIsAnErrorAtItsLine() {
    ScenarioException e = error("task:\n  fatal-signal T3\n");
    assertEquals(
        "fault-vs-munmap.scn:2:16: fatal-signal T3: no other task of that name (tasks: T0..T0)",
        e.getMessage());
    assertEquals(4, error("task:\n  fork\ntask:\n  fatal-signal T1\n").line());
    assertTrue(
        error("task:\n  fatal-signal 1\n").getMessage().contains("needs a task name like T1"));
  }

  @Test
  void exitChildParsesBuildsAndPrintsBackWhenTheScenarioForks() throws ScenarioException {
    Scenario parsed = parse("task:\n  fork\ntask:\n  exit-child\n");
    Scenario built =
        Scenario.builder("fault-vs-munmap")
            .task(t -> t.op(new MemoryOp.Fork()))
            .task(t -> t.op(new MemoryOp.ExitChild()))
            .build();
    assertEquals(built.tasks(), parsed.tasks());
    assertEquals(parsed, parse(parsed.toText()));
  }

  @Test
  void exitChildWithoutAnyForkIsReportedAtItsLine() {
    ScenarioException e = error("task:\n  fault 0x1000\ntask:\n  exit-child\n");
    assertEquals(4, e.line());
    assertTrue(e.getMessage().contains("exit-child needs a 'fork'"), e.getMessage());
  }

  @Test
  void aJavaBuiltScenarioIsCheckedAcrossLinesBeforeItRuns() {
    Scenario s =
        Scenario.builder("self-signal")
            .setup(new Vma(0x10000, 0x20000, "rw-"))
            .task(t -> t.op(new MemoryOp.FatalSignal(0)))
            .build();
    try (Explorer explorer = new Explorer()) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  new ScenarioRunner(explorer)
                      .run(s, new Variant(Set.of("MMU")), new LockcoreTarget()));
      assertEquals(
          "scenario self-signal: fatal-signal T0: no other task of that name (tasks: T0..T0)",
          e.getMessage());
    }
  }
}
