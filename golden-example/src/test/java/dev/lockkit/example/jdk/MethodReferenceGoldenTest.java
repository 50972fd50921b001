package dev.lockkit.example.jdk;

import static dev.lockkit.example.jdk.JvmOutcomes.assertCompleteAndTrusted;
import static dev.lockkit.example.jdk.JvmOutcomes.assertReplays;
import static dev.lockkit.example.jdk.JvmOutcomes.outcome;
import static dev.lockkit.example.jdk.JvmOutcomes.outcomes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.explore.Exploration;
import dev.lockkit.golden.junit.Golden;
import dev.lockkit.golden.junit.GoldenTest;
import dev.lockkit.golden.jvm.JvmExplorer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * A method reference to a JDK synchroniser's method ({@code counter::get}, {@code lockA::lock},
 * {@code counter::incrementAndGet}) is modelled and is a scheduling point, exactly as the call
 * written out is: the lambda the JDK makes for it calls golden's bridge, not the JDK method.
 */
class MethodReferenceGoldenTest {

  @GoldenTest
  void aLostUpdateThroughGetAndSetReferencesIsFoundAndReplays() {
    Golden.Spec<ByReference> test =
        Golden.of(ByReference::new)
            .actor(c -> c.incrementRacy())
            .actor(c -> c.incrementRacy())
            .arbiter(c -> "n=" + c.count());
    JvmExplorer.Result r = test.explore();
    assertEquals("n=1 | n=2", outcomes(r));
    assertCompleteAndTrusted(r);
    String trace = outcome(r, "n=1").firstTrace();
    // The steps are the references' calls, reported at the line of the reference.
    assertTrue(trace.contains("ByReference.java:30 AtomicInteger.get()"), trace);
    assertTrue(trace.contains("ByReference.java:31 AtomicInteger.set()"), trace);
    assertReplays(test, outcome(r, "n=1"));
  }

  @GoldenTest
  void anAbBaDeadlockThroughLockReferencesIsADeadlockNotAHang() {
    Golden.Spec<ByReference> test =
        Golden.of(ByReference::new)
            .actor(c -> c.aThenB())
            .actor(c -> c.bThenA())
            .arbiter(c -> "done")
            .timeout(Duration.ofSeconds(5));
    JvmExplorer.Result r = test.explore();
    assertFalse(r.hung(), r.toString());
    // Either task may be the one that waits for lock A: two deadlocks, and the lucky orders.
    List<Exploration.Outcome> dead =
        r.exploration().outcomes().stream()
            .filter(o -> o.text().startsWith("FAILURE deadlock: every task is blocked: "))
            .toList();
    assertEquals(2, dead.size(), outcomes(r));
    for (Exploration.Outcome d : dead) {
      assertTrue(d.text().contains("at ByReference.java:47 Lock.lock()"), d.text());
    }
    assertEquals("done", outcome(r, "done").text().strip(), outcomes(r));
    assertEquals(3, r.exploration().outcomes().size(), outcomes(r));
    assertCompleteAndTrusted(r);
    assertReplays(test, dead.get(0));
    assertReplays(test, dead.get(1));
  }

  @GoldenTest
  void incrementsSubmittedAsReferencesAreNeverLost() {
    JvmExplorer.Result r =
        Golden.of(ByReference::new)
            .actor(c -> submit(c))
            .actor(c -> c.count())
            .arbiter(c -> "n=" + c.count())
            .explore();
    assertEquals("n=2", outcomes(r));
    assertCompleteAndTrusted(r);
    // Each reference is a step of a pool task, at its line: the bound one and the unbound one.
    String trace = r.exploration().outcomes().get(0).firstTrace();
    assertTrue(trace.contains("ByReference.java:59 AtomicInteger.incrementAndGet()"), trace);
    assertTrue(trace.contains("ByReference.java:58 AtomicInteger.incrementAndGet()"), trace);
  }

  @GoldenTest
  void aSignalThroughStaticParkAndUnparkReferencesIsModelledAndNeverLosesItsWakeUp() {
    JvmExplorer.Result r =
        Golden.of(ByReference::new)
            .actor(c -> c.awaitSignal())
            .actor(c -> c.fire())
            .arbiter(c -> "woke")
            .timeout(Duration.ofSeconds(5))
            .explore();
    assertEquals("woke", outcomes(r));
    assertCompleteAndTrusted(r);
    String trace = r.exploration().outcomes().get(0).firstTrace();
    assertTrue(trace.contains("ByReference.java:77 LockSupport.park()"), trace);
  }

  private static void submit(ByReference c) {
    try {
      c.incrementOnAPool();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }
}
