package dev.lockkit.golden.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Synthetic cases of the "added observation" categories of {@link FileComparison}. */
class AddedObservationTest {

  private static final String BASE = FileComparisonTest.BASE;
  private static final Set<String> PTE = Set.of("pte");

  /** BASE with one {@code pte} line after each outcome's maps block. */
  private static final String WITH_PTE =
      BASE.replace(
          "  00010000-00020000 r--p 00000000 00:00 0\nfirst",
          "  00010000-00020000 r--p 00000000 00:00 0\npte 0x10000 r\nfirst");

  /** BASE with outcome 1 split by its pte line into two outcomes (50 + 36 = 86 schedules). */
  private static final String SPLIT =
      BASE.replace("outcomes: 2", "outcomes: 3")
          .replace("interesting: outcome 1 (86 schedules)", "interesting: outcome 1 (50 schedules)")
          .replace(
              "acceptable: outcome 2 (31 schedules)",
              "interesting: outcome 2 (36 schedules): fell back\n  acceptable: outcome 3 (31"
                  + " schedules)")
          .replace(
              "== outcome 1 of 2 (86 schedules)\n"
                  + "T0: mprotect 0x10000 0x20000 r-- = 0\n"
                  + "T1: fault 0x10000 read user = OK fault=0 path=mmap_lock\n"
                  + "maps:\n"
                  + "  00010000-00020000 r--p 00000000 00:00 0\n",
              "== outcome 1 of 3 (50 schedules)\n"
                  + "T0: mprotect 0x10000 0x20000 r-- = 0\n"
                  + "T1: fault 0x10000 read user = OK fault=0 path=mmap_lock\n"
                  + "maps:\n"
                  + "  00010000-00020000 r--p 00000000 00:00 0\n"
                  + "pte 0x10000 r\n"
                  + "first schedule: T0@62,T1@23,T0@74\n"
                  + "-- trace of the first schedule\n"
                  + "sched: start -> T0\n"
                  + "T0: mmap_lock_start_locking: mm=mm1 write=true\n"
                  + "sched: T0@62 -> T1\n"
                  + "T1: count_vm_vma_lock_event: VMA_LOCK_ABORT\n"
                  + "sched: T1@23 -> T0\n"
                  + "T0: mprotect 0x10000 0x20000 r-- = 0\n"
                  + "T1: fault 0x10000 read user = OK fault=0 path=mmap_lock\n"
                  + "\n"
                  + "== outcome 2 of 3 (36 schedules)\n"
                  + "T0: mprotect 0x10000 0x20000 r-- = 0\n"
                  + "T1: fault 0x10000 read user = OK fault=0 path=mmap_lock\n"
                  + "maps:\n"
                  + "  00010000-00020000 r--p 00000000 00:00 0\n"
                  + "pte 0x10000 rw\n")
          .replace("== outcome 2 of 2 (31 schedules)", "== outcome 3 of 3 (31 schedules)");

  @Test
  void addedLinesOfANewKindAreAnAddedObservationNotBehaviour() {
    FileComparison c = FileComparison.compare("f.approved.txt", BASE, WITH_PTE, PTE);
    assertEquals(FileComparison.Category.ADDED_OBSERVATION, c.category());
    assertEquals(List.of(), c.behaviour());
    assertEquals(
        List.of("added 2 line(s) of kind pte (absent from every old file)"), c.observation());
    assertEquals(List.of(), c.exploration());
  }

  @Test
  void withoutTheKindCountedAsAddedTheSameLinesAreBehaviour() {
    FileComparison c = FileComparison.compare("f.approved.txt", BASE, WITH_PTE);
    assertEquals(FileComparison.Category.BEHAVIOUR, c.category());
    assertEquals(4, c.behaviour().size(), c.behaviour()::toString);
  }

  @Test
  void outcomesThatMergeBackOnceTheAddedLinesAreDroppedAreAnOutcomeSplit() {
    FileComparison c = FileComparison.compare("f.approved.txt", BASE, SPLIT, PTE);
    assertEquals(FileComparison.Category.ADDED_OBSERVATION_SPLIT, c.category(), c::toString);
    assertEquals(2, c.observation().size(), c.observation()::toString);
    assertTrue(
        c.observation()
            .get(1)
            .startsWith(
                "outcome split: 2 outcomes merge back into T0: mprotect 0x10000 0x20000 r-- = 0"),
        c.observation()::toString);
    // 50 + 36 schedules: the merged count is the old one, and the grades agree.
    assertEquals(List.of(), c.exploration());
  }

  @Test
  void splitOutcomesGradedDifferentlyAreBehaviour() {
    String regraded =
        SPLIT.replace(
            "interesting: outcome 2 (36 schedules): fell back",
            "forbidden: outcome 2 (36 schedules): fell back");
    FileComparison c = FileComparison.compare("f.approved.txt", BASE, regraded, PTE);
    assertEquals(FileComparison.Category.BEHAVIOUR, c.category());
    assertEquals(List.of(), c.observation());
    // Reported as without the added kind: the split outcomes are new, the old one lost.
    assertTrue(c.behaviour().get(0).startsWith("outcome no longer reached"), c::toString);
    assertEquals(List.of(), FileComparison.compare("f.approved.txt", BASE, SPLIT, PTE).behaviour());
  }

  @Test
  void anAddedKindBesideAChangedResultStaysBehaviour() {
    String changed = WITH_PTE.replace("path=vma_lock\nmaps", "path=mmap_lock\nmaps");
    FileComparison c = FileComparison.compare("f.approved.txt", BASE, changed, PTE);
    assertEquals(FileComparison.Category.BEHAVIOUR, c.category());
    assertEquals(List.of(), c.observation());
    assertTrue(c.behaviour().get(0).startsWith("outcome no longer reached"), c::toString);
  }

  @Test
  void resultLinesFailuresAndSchedulerLinesHaveNoKindThatCouldBeAdded() {
    List<String> outcome =
        Arrays.asList(
            "T1: fault 0x10000 read user = OK",
            "maps:",
            "  00010000-00020000 r--p 00000000 00:00 0",
            "pte 0x10000 rw",
            "vma lock stats: VMA_LOCK_SUCCESS=1",
            "FAILURE deadlock: T0 waits");
    assertEquals(
        Arrays.asList(null, "maps", "maps", "pte", "vma lock stats", null),
        LineKinds.of(outcome, true));
    List<String> trace =
        List.of("sched: start -> T0", "T0: mmap_lock_released: mm=mm1", "T0: mprotect 0x1 = 0");
    assertEquals(
        Arrays.asList(null, "T*: mmap_lock_released", "T*: mprotect"), LineKinds.of(trace, false));
  }

  @Test
  void anAddedTracepointIsAnAddedObservationOfTheSameFirstSchedule() {
    String traced =
        BASE.replace(
            "T1: count_vm_vma_lock_event: VMA_LOCK_ABORT\n",
            "T1: count_vm_vma_lock_event: VMA_LOCK_ABORT\nT1: pte_install: addr=0x10000\n");
    FileComparison plain = FileComparison.compare("f.approved.txt", BASE, traced);
    assertEquals(FileComparison.Category.BEHAVIOUR, plain.category());
    FileComparison c =
        FileComparison.compare("f.approved.txt", BASE, traced, Set.of("T*: pte_install"));
    assertEquals(FileComparison.Category.ADDED_OBSERVATION, c.category(), c::toString);
  }
}
