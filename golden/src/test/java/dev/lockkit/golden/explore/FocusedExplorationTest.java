package dev.lockkit.golden.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.sched.Failure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The focused exhaustive search ({@code exhaustive preemptions=N at=...}): preemptions only where
 * the preempted task is inside a named method.
 */
class FocusedExplorationTest {

  private static Explorer explorer;

  @BeforeAll
  static void start() {
    explorer = new Explorer(2_000, Duration.ofSeconds(10), List.of());
  }

  @AfterAll
  static void stop() {
    explorer.close();
  }

  /** The shared state: the value two tasks race on, and a cell for unrelated work. */
  static final class State {
    final Cell<Integer> x = new Cell<>("x", 0);
    final Cell<Integer> noise = new Cell<>("noise", 0);
  }

  // Work that touches shared memory but has nothing to do with the bug: each access is a
  // scheduling point where an unfocused search may preempt.
  static void pad(State s, int accesses) {
    for (int i = 0; i < accesses; i++) {
      s.noise.set(s.noise.get() + 1);
    }
  }

  static void produce(State s) {
    s.x.set(1);
    s.x.set(2);
  }

  // Fails when it sees the transient 1 and then the 2: T1 must read between T0's two stores (T0
  // preempted inside produce) and T1 must then be held between its two reads while T0 stores 2
  // (T1 preempted inside consume) - two preemptions, one at each named method.
  static void consume(State s) {
    int first = s.x.get();
    int second = s.x.get();
    if (first == 1 && second == 2) {
      explorer.platform().report(Failure.Kind.WARN, "saw the transient value");
    }
  }

  static Program<State> twoPreemptionBug() {
    return Program.builder(State::new)
        .task(
            s -> {
              pad(s, 3);
              produce(s);
              pad(s, 3);
            })
        .task(
            s -> {
              pad(s, 3);
              consume(s);
              pad(s, 3);
            })
        .build();
  }

  private static Mode focused(int bound, String... points) {
    return new Mode.Exhaustive(bound, Mode.DEFAULT_MAX_SCHEDULES, List.of(points));
  }

  private static List<Exploration.Outcome> failures(Exploration e) {
    return e.failures();
  }

  @Test
  void aBugNeedingPreemptionsAtTwoNamedPointsIsFoundWithThoseTwoNamed() {
    Exploration e = explorer.explore(twoPreemptionBug(), focused(2, "produce", "consume"));
    assertEquals(1, failures(e).size(), e.goldenText());
    Exploration.Outcome f = failures(e).get(0);
    assertTrue(f.text().contains("saw the transient value"), f.text());
    Exploration.Outcome replayed = explorer.replay(twoPreemptionBug(), f.first());
    assertNotNull(replayed.failure(), "the schedule string replays the failure");
    assertTrue(e.complete());
    assertTrue(
        e.coverage().startsWith("complete at preemption bound 2 at the named points"),
        e.coverage());
  }

  @Test
  void theFocusedSearchRunsFarFewerSchedulesThanTheUnfocusedOneAtTheSameBound() {
    Exploration focusedRun = explorer.explore(twoPreemptionBug(), focused(2, "produce", "consume"));
    Exploration unfocused =
        explorer.explore(twoPreemptionBug(), new Mode.Exhaustive(2, Mode.DEFAULT_MAX_SCHEDULES));
    assertEquals(1, failures(unfocused).size(), "the unfocused search finds it too");
    assertTrue(focusedRun.focusCuts() > 0);
    assertEquals(0, unfocused.focusCuts());
    assertTrue(
        focusedRun.schedules() * 5 < unfocused.schedules(),
        focusedRun.schedules() + " focused vs " + unfocused.schedules() + " unfocused");
  }

  @Test
  void oneNamedPointIsNotEnoughAndNeitherIsBoundOne() {
    assertTrue(failures(explorer.explore(twoPreemptionBug(), focused(2, "produce"))).isEmpty());
    assertTrue(failures(explorer.explore(twoPreemptionBug(), focused(2, "consume"))).isEmpty());
    assertTrue(
        failures(explorer.explore(twoPreemptionBug(), focused(1, "produce", "consume"))).isEmpty());
  }

  @Test
  void pointsNamedOffTheRaceFindNothingAndAClassQualifiedNameWorksLikeTheBareOne() {
    assertTrue(failures(explorer.explore(twoPreemptionBug(), focused(4, "pad"))).isEmpty());
    Exploration qualified =
        explorer.explore(
            twoPreemptionBug(),
            focused(2, "FocusedExplorationTest.produce", "FocusedExplorationTest.consume"));
    Exploration bare = explorer.explore(twoPreemptionBug(), focused(2, "produce", "consume"));
    assertEquals(bare.schedules(), qualified.schedules());
    assertEquals(1, failures(qualified).size());
  }

  @Test
  void aFocusedModeNamesItsPointsSortedAndRejectsBadNames() {
    Mode m = focused(4, "waitEvent", "vmaRefcountPut", "waitEvent");
    assertEquals(
        "exhaustive preemptions=4 max-schedules=200000 at=vmaRefcountPut,waitEvent", m.describe());
    assertFalse(new Mode.Exhaustive(4, 10).focused());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> focused(1, "vma-refcount-put"));
    assertTrue(e.getMessage().contains("bad point name 'vma-refcount-put'"), e.getMessage());
  }
}
