package dev.lockkit.example.jdk;

import static dev.lockkit.example.jdk.BlockingJdkGoldenTest.assertCompleteAndTrusted;
import static dev.lockkit.example.jdk.BlockingJdkGoldenTest.assertReplays;
import static dev.lockkit.example.jdk.BlockingJdkGoldenTest.outcome;
import static dev.lockkit.example.jdk.BlockingJdkGoldenTest.outcomes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockkit.golden.junit.Golden;
import dev.lockkit.golden.junit.GoldenTest;
import dev.lockkit.golden.jvm.JvmExplorer;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Interrupts and time-outs of the modelled JDK waits: an interrupt from another thread ends a
 * blocked {@code take}, as in the JDK (so the usual way to stop a consumer is no false deadlock); a
 * barrier party that times out breaks the barrier for the others.
 */
class InterruptsAndTimeoutsGoldenTest {

  /** What the two parties of a barrier got. */
  static final class Parties {
    final CyclicBarrier barrier = new CyclicBarrier(2);
    volatile String first;
    volatile String second;
  }

  @GoldenTest
  void anInterruptStopsAConsumerBlockedInTake() {
    Golden.Spec<QueueWorker> test =
        Golden.of(QueueWorker::new)
            .actor(
                w -> {
                  w.start();
                  w.submit("a");
                  w.stop();
                })
            .actor(w -> w.submit("b"))
            .arbiter(QueueWorker::state);
    JvmExplorer.Result r = test.explore();
    // Stopped on every schedule; the jobs it did depend on when the interrupt came.
    assertEquals(
        "done=[] stopped=true | done=[a, b] stopped=true | done=[a] stopped=true"
            + " | done=[b, a] stopped=true | done=[b] stopped=true",
        outcomes(r));
    assertCompleteAndTrusted(r);
    assertReplays(test, outcome(r, "done=[] stopped=true"));
  }

  @GoldenTest
  void aBarrierPartyThatTimesOutBreaksTheBarrierForTheOther() {
    JvmExplorer.Result r =
        Golden.of(Parties::new)
            .actor(
                p -> {
                  try {
                    p.first = "index " + p.barrier.await(1, TimeUnit.SECONDS);
                  } catch (TimeoutException e) {
                    p.first = "timed out";
                  } catch (BrokenBarrierException | InterruptedException e) {
                    p.first = e.getClass().getSimpleName();
                  }
                })
            .actor(
                p -> {
                  try {
                    p.second = "index " + p.barrier.await();
                  } catch (BrokenBarrierException | InterruptedException e) {
                    p.second = e.getClass().getSimpleName();
                  }
                })
            .arbiter(p -> p.first + ", " + p.second + ", broken=" + p.barrier.isBroken())
            .explore();
    assertEquals(
        "index 0, index 1, broken=false | index 1, index 0, broken=false"
            + " | timed out, BrokenBarrierException, broken=true",
        outcomes(r));
    assertCompleteAndTrusted(r);
  }
}
