package dev.lockkit.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lockkit.golden.junit.Expect;
import dev.lockkit.golden.junit.Golden;
import dev.lockkit.golden.junit.GoldenFailure;
import dev.lockkit.golden.junit.GoldenTest;
import dev.lockkit.golden.junit.Outcome;

class CountersGoldenTest {

  @GoldenTest
  @Outcome(id = "n=2", expect = Expect.ACCEPTABLE)
  @Outcome(id = "n=1", expect = Expect.FORBIDDEN, desc = "lost update")
  void synchronizedCounterNeverLosesAnUpdate() {
    Golden.of(Counters.Synchronized::new)
        .actor(c -> c.increment())
        .actor(c -> c.increment())
        .arbiter(c -> "n=" + c.get())
        .verify();
  }

  @GoldenTest
  @Outcome(id = "n=2", expect = Expect.ACCEPTABLE)
  @Outcome(id = "n=1", expect = Expect.FORBIDDEN, desc = "lost update")
  void atomicCounterNeverLosesAnUpdate() {
    Golden.of(Counters.Atomic::new)
        .actor(c -> c.increment())
        .actor(c -> c.increment())
        .arbiter(c -> "n=" + c.get())
        .verify();
  }

  @GoldenTest
  @Outcome(id = "n=2", expect = Expect.ACCEPTABLE)
  @Outcome(id = "n=1", expect = Expect.FORBIDDEN, desc = "lost update")
  void racyCounterLosesAnUpdateAndTheScheduleReplaysIt() {
    Golden.Spec<Counters.Racy> test =
        Golden.of(Counters.Racy::new)
            .actor(c -> c.increment())
            .actor(c -> c.increment())
            .arbiter(c -> "n=" + c.get());
    GoldenFailure found = assertThrows(GoldenFailure.class, test::verify);
    assertEquals(1, found.reached().size(), found.getMessage());
    GoldenFailure.Reached lost = found.reached().get(0);
    assertEquals("n=1", lost.text());
    // Pasting the schedule into replay reproduces the same outcome and the same trace.
    GoldenFailure again = assertThrows(GoldenFailure.class, () -> test.replay(lost.schedule()));
    assertEquals(lost.text(), again.reached().get(0).text());
    assertEquals(lost.trace(), again.reached().get(0).trace());
  }

  /** The racy counter's outcome set, approved, with the lost update graded interesting. */
  @GoldenTest
  @Outcome(id = "n=2", expect = Expect.ACCEPTABLE)
  @Outcome(id = "n=1", expect = Expect.INTERESTING, desc = "lost update")
  void racyCounterOutcomes() {
    Golden.of(Counters.Racy::new)
        .actor(c -> c.increment())
        .actor(c -> c.increment())
        .arbiter(c -> "n=" + c.get())
        .verify();
  }

  /** A seeded random search (PCT) finds the same lost update; the same seed gives the same run. */
  @GoldenTest
  @Outcome(id = "n=2", expect = Expect.ACCEPTABLE)
  @Outcome(id = "n=1", expect = Expect.FORBIDDEN, desc = "lost update")
  void aSeededRandomSearchFindsTheLostUpdateToo() {
    Golden.Spec<Counters.Racy> test =
        Golden.of(Counters.Racy::new)
            .actor(c -> c.increment())
            .actor(c -> c.increment())
            .arbiter(c -> "n=" + c.get())
            .pct(20261207, 2, 200);
    GoldenFailure first = assertThrows(GoldenFailure.class, test::verify);
    GoldenFailure again = assertThrows(GoldenFailure.class, test::verify);
    assertEquals("n=1", first.reached().get(0).text());
    assertEquals(first.reached().get(0).schedule(), again.reached().get(0).schedule());
  }
}
