package dev.lockkit.golden.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FileComparisonTest {

  /** Shaped like a real approved file: two outcomes, a graded scenario. */
  static final String BASE =
      """
      scenario: fault-on-write-locked-vma
      variant: MMU+PER_VMA_LOCK+SMP
      mode: exhaustive preemptions=1 max-schedules=200000
      schedules: 117
      search: complete at preemption bound 1 (the bound cut 5676 choices)
      outcomes: 2
      grades:
        interesting: outcome 1 (86 schedules): fell back
        acceptable: outcome 2 (31 schedules): fast path

      == outcome 1 of 2 (86 schedules)
      T0: mprotect 0x10000 0x20000 r-- = 0
      T1: fault 0x10000 read user = OK fault=0 path=mmap_lock
      maps:
        00010000-00020000 r--p 00000000 00:00 0
      first schedule: T0@62,T1@23,T0@74
      -- trace of the first schedule
      sched: start -> T0
      T0: mmap_lock_start_locking: mm=mm1 write=true
      sched: T0@62 -> T1
      T1: count_vm_vma_lock_event: VMA_LOCK_ABORT
      sched: T1@23 -> T0
      T0: mprotect 0x10000 0x20000 r-- = 0
      T1: fault 0x10000 read user = OK fault=0 path=mmap_lock

      == outcome 2 of 2 (31 schedules)
      T0: mprotect 0x10000 0x20000 r-- = 0
      T1: fault 0x10000 read user = OK fault=0 path=vma_lock
      maps:
        00010000-00020000 r--p 00000000 00:00 0
      first schedule: T0@69,T1@50
      -- trace of the first schedule
      sched: start -> T0
      T0: mprotect 0x10000 0x20000 r-- = 0
      sched: T0@69 -> T1
      T1: fault 0x10000 read user = OK fault=0 path=vma_lock
      """;

  private static final String OUTCOME_1 =
      "T0: mprotect 0x10000 0x20000 r-- = 0 | T1: fault 0x10000 read user = OK fault=0"
          + " path=mmap_lock | maps: |   00010000-00020000 r--p 00000000 00:00 0";

  private static FileComparison cmp(String newText) {
    return FileComparison.compare("f.approved.txt", BASE, newText);
  }

  @Test
  void identicalTextsHaveNoDifference() {
    assertTrue(cmp(BASE).identical());
  }

  @Test
  void scheduleCountsAloneAreExplorationNotBehaviour() {
    String changed =
        BASE.replace("schedules: 117", "schedules: 140")
            .replace("bound cut 5676", "bound cut 6001")
            .replace("(86 schedules)", "(109 schedules)");
    FileComparison c = cmp(changed);
    assertEquals(List.of(), c.behaviour());
    assertEquals(
        List.of(
            "schedules: 117 -> 140",
            "search: complete at preemption bound 1 (the bound cut 5676 choices) -> complete at"
                + " preemption bound 1 (the bound cut 6001 choices)",
            "schedule counts of 1 outcome(s)"),
        c.exploration());
  }

  @Test
  void aChangedResultLineIsOneOutcomeLostAndOneGained() {
    FileComparison c = cmp(BASE.replace("path=vma_lock\nmaps", "path=mmap_lock_x\nmaps"));
    assertEquals(2, c.behaviour().size(), c.behaviour().toString());
    assertTrue(c.behaviour().get(0).startsWith("outcome no longer reached: T0: mprotect"));
    assertTrue(c.behaviour().get(1).contains("path=mmap_lock_x"));
  }

  @Test
  void aChangedMapOrCounterInTheOutcomeIsBehaviour() {
    FileComparison c = cmp(BASE.replaceFirst("r--p 00000000", "rw-p 00000000"));
    assertEquals(2, c.behaviour().size(), c.behaviour().toString());
  }

  @Test
  void aNewFailureOutcomeIsBehaviour() {
    String withFailure =
        BASE.replace("outcomes: 2", "outcomes: 3")
            + "\n== outcome 3 of 3 (1 schedule)\nFAILURE deadlock: T0 waits on rwsem\n"
            + "first schedule: T1@3\n-- trace of the first schedule\nsched: start -> T1\n";
    FileComparison c = cmp(withFailure);
    assertEquals(List.of("new outcome: FAILURE deadlock: T0 waits on rwsem"), c.behaviour());
  }

  @Test
  void anotherInterleavingOfTheSameEventsIsExploration() {
    String moved =
        BASE.replace(
                "sched: T0@62 -> T1\nT1: count_vm_vma_lock_event: VMA_LOCK_ABORT\nsched: T1@23 -> T0\n"
                    + "T0: mprotect",
                "sched: T0@60 -> T1\nT1: count_vm_vma_lock_event: VMA_LOCK_ABORT\nsched: T1@25 -> T0\n"
                    + "T0: mprotect")
            .replace("T0@62,T1@23,T0@74", "T0@60,T1@25,T0@74");
    FileComparison c = cmp(moved);
    assertEquals(List.of(), c.behaviour());
    assertEquals(
        List.of(
            "first schedules of 1 outcome(s)",
            "traces of 1 outcome(s): same events per task, other interleaving"),
        c.exploration());
  }

  @Test
  void anotherFirstScheduleTakingAnotherPathIsExploration() {
    String other =
        BASE.replace("VMA_LOCK_ABORT\nsched", "VMA_LOCK_RETRY\nsched")
            .replace("T0@62,T1@23,T0@74", "T0@63,T1@23,T0@74");
    FileComparison c = cmp(other);
    assertEquals(List.of(), c.behaviour());
    assertTrue(
        c.exploration().get(1).contains("another first schedule"), c.exploration()::toString);
  }

  @Test
  void theSameFirstScheduleWithOtherEventsIsBehaviour() {
    FileComparison c = cmp(BASE.replace("VMA_LOCK_ABORT\nsched", "VMA_LOCK_RETRY\nsched"));
    assertEquals(1, c.behaviour().size());
    assertTrue(
        c.behaviour()
            .get(0)
            .startsWith(
                "same first schedule T0@62,T1@23,T0@74, different events: T1 event 1"
                    + " 'T1: count_vm_vma_lock_event: VMA_LOCK_ABORT' ->"
                    + " 'T1: count_vm_vma_lock_event: VMA_LOCK_RETRY'"),
        c.behaviour()::toString);
  }

  @Test
  void gradeCountsAreExplorationButAChangedVerdictIsBehaviour() {
    FileComparison counts =
        cmp(BASE.replace("outcome 1 (86 schedules)", "outcome 1 (90 schedules)"));
    assertEquals(List.of(), counts.behaviour());
    FileComparison verdict =
        cmp(
            BASE.replace(
                "interesting: outcome 1 (86 schedules): fell back",
                "forbidden: outcome 1 (86 schedules): fell back (replay: T0@1)"));
    assertEquals(
        List.of(
            "grade no longer given: interesting: fell back [" + OUTCOME_1 + "]",
            "new grade: forbidden: fell back [" + OUTCOME_1 + "]"),
        verdict.behaviour());
  }

  @Test
  void aFileOnOneSideOnlyIsBehaviour() {
    assertEquals(
        List.of("approved file removed"),
        FileComparison.compare("x.approved.txt", BASE, null).behaviour());
    assertEquals(
        List.of("new approved file"),
        FileComparison.compare("x.approved.txt", null, BASE).behaviour());
  }

  @Test
  void aTextThatIsNotGoldenIsComparedVerbatim() {
    assertEquals(1, FileComparison.compare("r.approved.txt", "a\n", "b\n").behaviour().size());
  }

  @Test
  void aMalformedGoldenTextNamesFileAndLine() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> cmp(BASE.replace("== outcome 2 of 2 (31 schedules)", "== outcome two")));
    assertEquals(
        "new f.approved.txt:26: expected '== outcome N of M (C schedules)', got '== outcome two'",
        e.getMessage());
  }
}
