package dev.lockkit.golden.lockcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.explore.Exploration;
import dev.lockkit.golden.explore.Explorer;
import dev.lockkit.golden.explore.Mode;
import dev.lockkit.golden.grade.Grading;
import dev.lockkit.golden.junit.GoldenAssertions;
import dev.lockkit.golden.lockcore.memory.MemoryOp;
import dev.lockkit.golden.lockcore.memory.Vma;
import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Expectation.Grade;
import dev.lockkit.golden.scenario.Scenario;
import dev.lockkit.golden.target.ScenarioRunner;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Graded outcomes over lockcore itself: a fault racing an mprotect of its VMA, whose per-VMA fast
 * path, retry and abort are each declared, and a variant where the fast path cannot exist.
 */
class GradedLockcoreScenarioTest {

  private static final Variant PER_VMA =
      Variant.parse(
          "ARCH_SUPPORTS_PER_VMA_LOCK+LOCK_MM_AND_FIND_VMA+MMU+PER_VMA_LOCK+PER_VMA_LOCK_STATS+SMP");

  private static Scenario.Builder faultVsMprotect() {
    return Scenario.builder("fault-on-write-locked-vma")
        .explore(new Mode.Exhaustive(1, Mode.DEFAULT_MAX_SCHEDULES))
        .setup(new Vma(0x10000, 0x20000, "rw-"))
        .task(t -> t.op(new MemoryOp.Mprotect(0x10000, 0x20000, "r--")))
        .task(t -> t.op(new MemoryOp.Fault(0x10000, false, true)));
  }

  private static Exploration explore(Scenario s, Variant v) {
    try (Explorer explorer = new Explorer()) {
      return new ScenarioRunner(explorer).run(s, v, new LockcoreTarget());
    }
  }

  @Test
  void everyReachableOutcomeOfAFaultRacingMprotectIsDeclared() {
    Scenario s =
        faultVsMprotect()
            .outcome(Grade.FORBIDDEN, "^FAILURE", "no WARN, BUG, lockdep report or deadlock")
            .outcome(Grade.ACCEPTABLE, "path=vma_lock", "the per-VMA fast path")
            .outcome(Grade.INTERESTING, "VMA_LOCK_RETRY=1", "the VMA was write-locked: retried")
            .outcome(Grade.INTERESTING, "VMA_LOCK_ABORT=1", "the VMA changed: aborted")
            .build();
    Exploration e = explore(s, PER_VMA);
    Grading g = Grading.of(s, e);
    assertTrue(g.ok(), g.text());
    assertEquals(List.of(), g.problems(), g.text());
    String golden = ScenarioRunner.goldenText(s, PER_VMA, e);
    assertTrue(golden.contains("\ngrades:\n  "), golden);
    assertTrue(golden.indexOf("grades:") < golden.indexOf("== outcome 1"), golden);
  }

  @Test
  void withoutPerVmaLocksTheFastPathIsExpectedButNotReached() {
    Scenario s =
        faultVsMprotect()
            .outcome(Grade.ACCEPTABLE, "path=vma_lock", "the per-VMA fast path")
            .outcome(Grade.ACCEPTABLE, "path=mmap_lock", "the mmap_lock path")
            .build();
    Grading g = Grading.of(s, explore(s, Variant.parse("LOCK_MM_AND_FIND_VMA+MMU+SMP")));
    assertTrue(g.ok(), g.text());
    assertEquals(
        List.of("expected, not reached: acceptable /path=vma_lock/ the per-VMA fast path"),
        g.problems());
  }

  @Test
  void anOutcomeNobodyDeclaredIsForbiddenWithAReplayString() {
    Scenario s = faultVsMprotect().outcome(Grade.ACCEPTABLE, "path=vma_lock", "fast path").build();
    Exploration e = explore(s, PER_VMA);
    Grading g = Grading.of(s, e);
    assertFalse(g.ok());
    AssertionFailedError thrown =
        assertThrows(AssertionFailedError.class, () -> GoldenAssertions.assertGraded(s, e));
    assertTrue(thrown.getMessage().contains("matches no declared outcome (replay: T"));
    assertTrue(
        g.forbidden().get(0).describe().matches("forbidden: outcome \\d .*\\(replay: T\\d@.*\\)"),
        g.text());
  }

  @Test
  void scheduleStringsAndContextSwitchesNameOnlyTasksAndPerTaskCounts() {
    // What lets a schedule recorded on one implementation replay on a refactored one: no source
    // line, class or method name ever appears in a decision.
    Scenario s = faultVsMprotect().build();
    String golden = ScenarioRunner.goldenText(s, PER_VMA, explore(s, PER_VMA));
    int decisions = 0;
    for (String line : golden.split("\n")) {
      if (line.startsWith("first schedule: ")) {
        assertTrue(line.matches("first schedule: T\\d+@\\d+(,T\\d+@\\d+)*"), line);
        decisions++;
      } else if (line.startsWith("sched: ")) {
        assertTrue(line.matches("sched: (start|T\\d+@\\d+) -> T\\d+"), line);
      }
    }
    assertTrue(decisions > 0, golden);
  }
}
