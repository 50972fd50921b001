package dev.lockkit.example;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.junit.Golden;
import dev.lockkit.golden.junit.GoldenFailure;
import dev.lockkit.golden.junit.GoldenTest;
import dev.lockkit.golden.jvm.JvmExplorer;
import java.time.Duration;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.StampedLock;

/** Each kind of bad input gets its own clear failure: never a hang, never a false pass. */
class BadInputGoldenTest {

  private static final AtomicInteger SETUPS = new AtomicInteger();

  @GoldenTest
  void oneActorIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Golden.of(Counters.Racy::new).actor(c -> c.increment()).verify());
    assertTrue(e.getMessage().contains("at least two actors (got 1)"), e.getMessage());
  }

  @GoldenTest
  void anActorThatThrowsIsAFailedOutcomeWithItsLine() {
    GoldenFailure f =
        assertThrows(
            GoldenFailure.class,
            () ->
                Golden.of(Counters.Racy::new)
                    .actor(
                        c -> {
                          c.increment();
                          if (c.get() == 1) {
                            throw new IllegalStateException("boom");
                          }
                        })
                    .actor(c -> c.increment())
                    .arbiter(c -> "n=" + c.get())
                    .verify());
    String text = f.reached().get(0).text();
    assertTrue(
        text.startsWith(
            "FAILURE uncaught exception: T0 threw java.lang.IllegalStateException: boom"
                + " (at BadInputGoldenTest.java:"),
        text);
  }

  @GoldenTest
  void anArbiterThatThrowsNamesTheSchedule() {
    JvmExplorer.HarnessException e =
        assertThrows(
            JvmExplorer.HarnessException.class,
            () ->
                Golden.of(Counters.Racy::new)
                    .actor(c -> c.increment())
                    .actor(c -> c.increment())
                    .arbiter(c -> "n=" + 10 / (c.get() - 1))
                    .verify());
    assertTrue(
        e.getMessage().startsWith("the arbiter threw java.lang.ArithmeticException: / by zero"),
        e.getMessage());
    assertTrue(e.getMessage().contains("after schedule T"), e.getMessage());
  }

  @GoldenTest
  void anOutcomeThatChangesForTheSameScheduleIsNeverApproved() {
    GoldenFailure f =
        assertThrows(
            GoldenFailure.class,
            () ->
                Golden.of(
                        () -> {
                          SETUPS.incrementAndGet();
                          return new Counters.Racy();
                        })
                    .actor(c -> c.increment())
                    .actor(c -> c.increment())
                    .arbiter(c -> "n=" + c.get() + " run=" + SETUPS.get() % 2)
                    .verify());
    assertTrue(f.getMessage().contains("non-deterministic: schedule T"), f.getMessage());
  }

  @GoldenTest
  void blockingOutsideTheEngineIsAHangNamingTheTaskAndWhereItIs() {
    GoldenFailure f =
        assertThrows(
            GoldenFailure.class,
            () ->
                Golden.of(StampedLock::new)
                    .actor(
                        l -> {
                          l.writeLock();
                          l.readLock(); // not reentrant: blocks in the JDK, outside the engine
                        })
                    .actor(l -> l.tryOptimisticRead())
                    .arbiter(l -> "locked=" + l.isWriteLocked())
                    .timeout(Duration.ofSeconds(2))
                    .verify());
    assertTrue(
        f.getMessage().contains("FAILURE hang: T0 reached no scheduling point for"),
        f.getMessage());
    assertTrue(f.getMessage().contains("StampedLock.readLock(); its thread is in"), f.getMessage());
    assertTrue(f.getMessage().contains("called from BadInputGoldenTest.java:"), f.getMessage());
  }

  @GoldenTest
  void codeOnThreadsGoldenCannotSeeIsReported() {
    GoldenFailure f =
        assertThrows(
            GoldenFailure.class,
            () ->
                Golden.of(Counters.Racy::new)
                    .actor(
                        c -> {
                          // Not join(): a joining thread outside the pool may run the task itself
                          // when no worker has taken it yet, and then no foreign thread runs it.
                          var task = ForkJoinPool.commonPool().submit(() -> c.increment());
                          while (!task.isDone()) {
                            Thread.onSpinWait();
                          }
                        })
                    .actor(c -> c.increment())
                    .arbiter(c -> "n=" + c.get())
                    .verify());
    assertTrue(
        f.getMessage().contains("code under test ran on threads outside golden's control"),
        f.getMessage());
    assertTrue(f.getMessage().contains("ForkJoinPool"), f.getMessage());
  }
}
