package dev.lockkit.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lockkit.golden.junit.Expect;
import dev.lockkit.golden.junit.Golden;
import dev.lockkit.golden.junit.GoldenFailure;
import dev.lockkit.golden.junit.GoldenTest;
import dev.lockkit.golden.junit.Outcome;

/** The race is between two threads of a pool that the code under test creates itself. */
class BatchJobGoldenTest {

  static final class Jobs {
    final BatchJob job = new BatchJob();
    final Counters.Synchronized audits = new Counters.Synchronized();

    void run(boolean racy) {
      try {
        if (racy) {
          job.runRacy();
        } else {
          job.run();
        }
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @GoldenTest
  @Outcome(id = "processed=2", expect = Expect.ACCEPTABLE)
  @Outcome(id = "processed=1", expect = Expect.FORBIDDEN, desc = "lost update between workers")
  void workersOfThePoolRace() {
    GoldenFailure found =
        assertThrows(
            GoldenFailure.class,
            () ->
                Golden.of(Jobs::new)
                    .actor(j -> j.run(true))
                    .actor(j -> j.audits.increment())
                    .arbiter(j -> "processed=" + j.job.processed())
                    .preemptions(1)
                    .verify());
    assertEquals("processed=1", found.reached().get(0).text(), found.getMessage());
  }

  @GoldenTest
  @Outcome(id = "processed=2", expect = Expect.ACCEPTABLE)
  void atomicWorkersDoNot() {
    Golden.of(Jobs::new)
        .actor(j -> j.run(false))
        .actor(j -> j.audits.increment())
        .arbiter(j -> "processed=" + j.job.processed())
        .preemptions(1)
        .verify();
  }
}
