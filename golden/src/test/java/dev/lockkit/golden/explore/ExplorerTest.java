package dev.lockkit.golden.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.sched.Failure;
import dev.lockkit.golden.sched.Schedule;
import dev.lockkit.golden.spi.Scheduling;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExplorerTest {

  private static Explorer explorer;

  @BeforeAll
  static void start() {
    explorer = new Explorer(2_000, Duration.ofSeconds(10), List.of());
  }

  @AfterAll
  static void stop() {
    explorer.close();
  }

  private static Mode exhaustive(int bound) {
    return new Mode.Exhaustive(bound, Mode.DEFAULT_MAX_SCHEDULES);
  }

  static Program<Cell<Integer>> racyCounter(int tasks) {
    Program.Builder<Cell<Integer>> b = Program.builder(() -> new Cell<>("counter", 0));
    for (int i = 0; i < tasks; i++) {
      b.task(c -> c.set(c.get() + 1));
    }
    return b.outcome(c -> "counter=" + c.get()).build();
  }

  @Test
  void exhaustiveSearchFindsTheLostUpdateOfARacyCounter() {
    Exploration e = explorer.explore(racyCounter(2), exhaustive(2));
    assertEquals(
        List.of("counter=1", "counter=2"), e.outcomes().stream().map(o -> o.text()).toList());
    assertTrue(e.complete());
    assertEquals(0, e.boundCuts(), "two accesses each: bound 2 cannot limit the search");
    // 2 tasks x 2 points: 6 interleavings of the 4 accesses, all distinct schedules
    assertEquals(6, e.schedules());
    assertEquals(
        4, e.outcomes().get(0).count(), "interleavings where both read before either writes");
  }

  @Test
  void theScheduleOfTheLostUpdateReplaysToTheSameOutcome() {
    Exploration e = explorer.explore(racyCounter(2), exhaustive(2));
    Schedule lost = e.outcomes().get(0).first();
    Schedule reparsed = Schedule.parse(lost.toString());
    assertEquals(lost, reparsed);
    Exploration.Outcome replayed = explorer.replay(racyCounter(2), reparsed);
    assertEquals("counter=1", replayed.text());
    assertEquals(lost, replayed.first(), "a replay records the schedule it followed");
  }

  @Test
  void preemptionBoundZeroRunsTasksToCompletionOnlyAndSaysTheBoundApplied() {
    Exploration e = explorer.explore(racyCounter(3), exhaustive(0));
    assertEquals(List.of("counter=3"), e.outcomes().stream().map(o -> o.text()).toList());
    assertTrue(e.boundCuts() > 0);
    assertTrue(e.coverage().startsWith("complete at preemption bound 0"), e.coverage());
  }

  @Test
  void aScheduleCapMakesTheSearchIncomplete() {
    Exploration e = explorer.explore(racyCounter(3), new Mode.Exhaustive(2, 5));
    assertEquals(5, e.schedules());
    assertTrue(!e.complete());
    assertTrue(e.coverage().startsWith("incomplete"), e.coverage());
  }

  @Test
  void fixedOrderRunsOneNonPreemptiveSchedule() {
    Exploration e = explorer.explore(racyCounter(2), new Mode.Fixed(List.of(1, 0)));
    assertEquals(1, e.schedules());
    assertEquals("counter=2", e.outcomes().get(0).text());
    assertEquals("T1@3,T0@3", e.outcomes().get(0).first().toString());
  }

  record Locks(Mutex a, Mutex b) {}

  @Test
  void abBaLockOrderDeadlockIsFoundAndSaysWhatEachTaskWaitsOn() {
    Program<Locks> p =
        Program.builder(() -> new Locks(new Mutex("A"), new Mutex("B")))
            .task(
                l -> {
                  l.a().lock();
                  l.b().lock();
                  l.b().unlock();
                  l.a().unlock();
                })
            .task(
                l -> {
                  l.b().lock();
                  l.a().lock();
                  l.a().unlock();
                  l.b().unlock();
                })
            .outcome(l -> "done")
            .build();
    Exploration e = explorer.explore(p, exhaustive(2));
    List<Exploration.Outcome> failures = e.failures();
    assertEquals(1, failures.size(), e.goldenText());
    Failure f = failures.get(0).failure();
    assertEquals(Failure.Kind.DEADLOCK, f.kind());
    assertEquals("T0 parked on mutex B; T1 parked on mutex A", f.message());
    Exploration.Outcome replayed = explorer.replay(p, failures.get(0).first());
    assertEquals(f, replayed.failure(), "the printed schedule reproduces the deadlock");
    assertTrue(e.outcomes().stream().anyMatch(o -> o.text().equals("done")));
  }

  /** Peterson's mutual exclusion for T0 and T1; {@code broken} writes turn before the flag. */
  static Program<Cell<Integer>[]> peterson(boolean broken) {
    @SuppressWarnings("unchecked")
    java.util.function.Supplier<Cell<Integer>[]> setup =
        () ->
            (Cell<Integer>[])
                new Cell<?>[] {
                  new Cell<>("flag0", 0),
                  new Cell<>("flag1", 0),
                  new Cell<>("turn", 0),
                  new Cell<>("cs", 0)
                };
    Program.Builder<Cell<Integer>[]> b = Program.builder(setup);
    for (int me = 0; me < 2; me++) {
      int self = me;
      int other = 1 - me;
      b.task(
          c -> {
            if (broken) {
              c[2].set(other);
              c[self].set(1);
            } else {
              c[self].set(1);
              c[2].set(other);
            }
            while (c[other].get() == 1 && c[2].get() == other) {
              Scheduling.current().spinWait(c[2]);
            }
            int inside = c[3].get() + 1;
            c[3].set(inside);
            if (inside != 1) {
              throw new IllegalStateException("mutual exclusion violated: " + inside + " inside");
            }
            c[3].set(c[3].get() - 1);
            c[self].set(0);
          });
    }
    return b.outcome(c -> "cs=" + c[3].get()).build();
  }

  @Test
  void petersonsAlgorithmKeepsMutualExclusionInEverySchedule() {
    Exploration e = explorer.explore(peterson(false), exhaustive(3));
    assertEquals(
        List.of("cs=0"), e.outcomes().stream().map(o -> o.text()).toList(), e.goldenText());
  }

  @Test
  void petersonWithTurnWrittenBeforeTheFlagViolatesMutualExclusionReplayably() {
    Exploration e = explorer.explore(peterson(true), exhaustive(3));
    Exploration.Outcome bad = e.failures().get(0);
    assertEquals(Failure.Kind.UNCAUGHT_EXCEPTION, bad.failure().kind());
    assertTrue(bad.failure().message().contains("mutual exclusion violated"), bad.text());
    assertEquals(bad.failure(), explorer.replay(peterson(true), bad.first()).failure());
  }

  /** A handshake: T0 waits for a flag, T1 sets it and wakes T0. */
  static Program<Cell<Object>[]> handshake(boolean lostWakeup) {
    @SuppressWarnings("unchecked")
    java.util.function.Supplier<Cell<Object>[]> setup =
        () ->
            (Cell<Object>[]) new Cell<?>[] {new Cell<>("flag", false), new Cell<>("waiter", null)};
    return Program.builder(setup)
        .task(
            c -> {
              if (lostWakeup) {
                if (c[0].get().equals(false)) { // checks once, then registers: the bug
                  c[1].set(Thread.currentThread());
                  Scheduling.current().park("flag");
                }
              } else {
                c[1].set(Thread.currentThread());
                while (c[0].get().equals(false)) {
                  Scheduling.current().park("flag");
                }
              }
            })
        .task(
            c -> {
              c[0].set(true);
              Object w = c[1].get();
              if (w != null) {
                Scheduling.current().unpark((Thread) w);
              }
            })
        .outcome(c -> "flag=" + c[0].get())
        .build();
  }

  @Test
  void parkUnparkHandshakeWithALostWakeupDeadlocks() {
    Exploration e = explorer.explore(handshake(true), exhaustive(2));
    assertEquals(1, e.failures().size(), e.goldenText());
    assertEquals(Failure.Kind.DEADLOCK, e.failures().get(0).failure().kind());
    assertEquals("T0 parked on flag", e.failures().get(0).failure().message());
  }

  @Test
  void parkUnparkHandshakeRegisteringFirstNeverLosesTheWakeupThanksToThePermit() {
    Exploration e = explorer.explore(handshake(false), exhaustive(2));
    assertEquals(
        List.of("flag=true"), e.outcomes().stream().map(o -> o.text()).toList(), e.goldenText());
  }

  @Test
  void aTaskThatNeverFinishesIsALivelockAtTheStepLimit() {
    Program<Cell<Integer>> p =
        Program.builder(() -> new Cell<>("x", 0))
            .task(
                c -> {
                  while (c.get() == 0) {
                    c.set(0);
                  }
                })
            .build();
    Exploration.Outcome o = explorer.explore(p, new Mode.Fixed(List.of())).outcomes().get(0);
    assertEquals(Failure.Kind.LIVELOCK, o.failure().kind());
    assertEquals(o.failure(), explorer.replay(p, o.first()).failure());
  }

  @Test
  void aFailureReportedByTheTargetEndsTheScheduleAndTheOtherTasksUnwind() {
    AtomicInteger finished = new AtomicInteger();
    Program<Cell<Integer>> p =
        Program.builder(() -> new Cell<>("x", 0))
            .task(
                c -> {
                  c.set(1);
                  explorer.platform().report(Failure.Kind.WARN, "refcount saturated");
                  finished.incrementAndGet();
                })
            .task(
                c -> {
                  c.get();
                  c.get();
                  finished.incrementAndGet();
                })
            .build();
    Exploration e = explorer.explore(p, exhaustive(1));
    assertTrue(e.outcomes().stream().allMatch(o -> o.failure() != null));
    assertEquals("T0: refcount saturated", e.outcomes().get(0).failure().message());
    assertEquals(Failure.Kind.WARN, e.outcomes().get(0).failure().kind());
    // T1 completes only in schedules where it ran to the end before T0 reported
    assertTrue(finished.get() < e.schedules());
    // the pool survives aborted schedules
    assertEquals(
        "counter=2",
        explorer.explore(racyCounter(2), new Mode.Fixed(List.of())).outcomes().get(0).text());
  }

  @Test
  void aFailureMonitorForwardsTheTargetsOwnReportsOnlyWhileAttached() {
    java.util.concurrent.atomic.AtomicReference<dev.lockkit.golden.sched.FailureSink> hook =
        new java.util.concurrent.atomic.AtomicReference<>();
    dev.lockkit.golden.sched.FailureMonitor monitor =
        sink -> {
          hook.set(sink);
          return () -> hook.set(null);
        };
    Program<Cell<Integer>> p =
        Program.builder(() -> new Cell<>("x", 0))
            .task(
                c -> {
                  c.set(1);
                  hook.get().report(Failure.Kind.LOCKDEP, "possible circular locking dependency");
                })
            .build();
    try (Explorer monitored = new Explorer(1_000, Duration.ofSeconds(10), List.of(monitor))) {
      Exploration.Outcome o = monitored.explore(p, new Mode.Fixed(List.of())).outcomes().get(0);
      assertEquals(Failure.Kind.LOCKDEP, o.failure().kind());
      assertEquals("T0: possible circular locking dependency", o.failure().message());
    }
    assertNull(hook.get(), "detached when the exploration ended");
  }

  @Test
  void aReplayThatAsksForAStepTheProgramNoLongerHasDiverges() {
    Exploration.Outcome o = explorer.replay(racyCounter(2), Schedule.parse("T0@1,T1@9,T0@3"));
    assertNotNull(o.failure());
    assertEquals(Failure.Kind.REPLAY_DIVERGED, o.failure().kind());
  }

  @Test
  void aProgramThatIsNotAFunctionOfItsScheduleIsReportedAsNondeterministic() {
    AtomicInteger runs = new AtomicInteger();
    Program<Cell<Integer>> p =
        Program.builder(
                () -> {
                  runs.incrementAndGet();
                  return new Cell<>("x", 0);
                })
            .task(
                c -> {
                  int n = runs.get() % 2 == 0 ? 1 : 3;
                  for (int i = 0; i < n; i++) {
                    c.get();
                  }
                })
            .task(c -> c.get())
            .build();
    Exploration e = explorer.explore(p, exhaustive(1));
    assertTrue(
        e.failures().stream().anyMatch(o -> o.failure().kind() == Failure.Kind.NONDETERMINISM),
        e.goldenText());
  }

  @Test
  void aTaskBlockedOutsideThePlatformIsReportedAsAHangAndLaterRunsStillWork() {
    try (Explorer quick = new Explorer(1_000, Duration.ofSeconds(1), List.of())) {
      Program<Cell<Integer>> p =
          Program.builder(() -> new Cell<>("x", 0))
              .task(
                  c -> {
                    c.get();
                    long end = System.nanoTime() + 30_000_000_000L;
                    while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
                      LockSupport.parkNanos(100_000_000L); // blocks outside the platform
                    }
                  })
              .build();
      Exploration.Outcome o = quick.explore(p, new Mode.Fixed(List.of())).outcomes().get(0);
      assertEquals(Failure.Kind.HANG, o.failure().kind());
      assertEquals(
          "T0 reached no scheduling point within 1000 milliseconds (a loop or a blocking call outside"
              + " the Platform SPI)",
          o.failure().message());
      assertEquals(
          "counter=2",
          quick.explore(racyCounter(2), new Mode.Fixed(List.of())).outcomes().get(0).text());
    }
  }

  @Test
  void pctWithASeedFindsTheLostUpdateAndTheSameSeedGivesTheSameRun() {
    Exploration a = explorer.explore(racyCounter(3), new Mode.Pct(42, 3, 200));
    Exploration b = explorer.explore(racyCounter(3), new Mode.Pct(42, 3, 200));
    assertTrue(a.outcomes().stream().anyMatch(o -> !o.text().equals("counter=3")), a.goldenText());
    assertEquals(a.goldenText(), b.goldenText());
  }

  @Test
  void theGoldenTextIsByteIdenticalAcrossRunsAndListsOutcomesWithCountsAndTraces() {
    String first = explorer.explore(racyCounter(2), exhaustive(2)).goldenText();
    String second = explorer.explore(racyCounter(2), exhaustive(2)).goldenText();
    assertEquals(first, second);
    assertTrue(
        first.contains("== outcome 1 of 2 (4 schedules)\ncounter=1\nfirst schedule: "), first);
    assertTrue(first.contains("sched: start -> T0"), first);
  }

  @Test
  void twoExplorersOnTwoThreadsAtOnceDoNotSeeEachOthersSchedules() throws Exception {
    String alone = explorer.explore(racyCounter(3), exhaustive(2)).goldenText();
    java.util.concurrent.ExecutorService threads =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
      java.util.concurrent.Callable<String> run =
          () -> {
            try (Explorer own = new Explorer(2_000, Duration.ofSeconds(10), List.of())) {
              start.await();
              StringBuilder texts = new StringBuilder();
              for (int i = 0; i < 5; i++) {
                texts.append(own.explore(racyCounter(3), exhaustive(2)).goldenText());
              }
              return texts.toString();
            }
          };
      var first = threads.submit(run);
      var second = threads.submit(run);
      String expected = alone.repeat(5);
      assertEquals(expected, first.get(2, java.util.concurrent.TimeUnit.MINUTES));
      assertEquals(expected, second.get(2, java.util.concurrent.TimeUnit.MINUTES));
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void setupRunsUnscheduledAndTheJvmPlatformIsRestoredAfterwards() {
    explorer.explore(racyCounter(1), exhaustive(1));
    assertNull(dev.lockkit.golden.sched.ControlledPlatform.installed());
  }
}
