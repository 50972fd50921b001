package dev.lockkit.example.jdk;

import static dev.lockkit.example.jdk.JvmOutcomes.assertCompleteAndTrusted;
import static dev.lockkit.example.jdk.JvmOutcomes.assertReplays;
import static dev.lockkit.example.jdk.JvmOutcomes.outcome;
import static dev.lockkit.example.jdk.JvmOutcomes.outcomes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.explore.Exploration;
import dev.lockkit.golden.junit.Golden;
import dev.lockkit.golden.junit.GoldenTest;
import dev.lockkit.golden.jvm.JvmExplorer;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * The engine on code over the JDK's synchronisers (issue 16 §2, §4, bad input): each case gets the
 * right verdict, every bug comes with a schedule that replays it, and the coverage statement says
 * "complete" only for a search that finished with nothing hidden from it.
 */
class JdkSynchronizersGoldenTest {

  /** Holds a reader's result beside the state it reads. */
  static final class Seen<S> {
    final S state;
    volatile Object seen;

    Seen(S state) {
      this.state = state;
    }
  }

  // ---- correct code: one outcome set, complete, nothing to report --------------------------

  @GoldenTest
  void casLoopNeverLosesAnUpdate() {
    JvmExplorer.Result r =
        Golden.of(CasCounter::new)
            .actor(c -> c.increment())
            .actor(c -> c.increment())
            .arbiter(c -> "n=" + c.get())
            .explore();
    assertEquals("n=2", outcomes(r));
    assertCompleteAndTrusted(r);
  }

  @GoldenTest
  void readWriteLockCounterGivesEveryReaderAWholeValue() {
    JvmExplorer.Result r =
        Golden.of(() -> new Seen<>(new RwCounter()))
            .actor(s -> s.state.increment())
            .actor(s -> s.state.increment())
            .actor(s -> s.seen = s.state.read())
            .arbiter(s -> "value=" + s.state.read() + " seen=" + s.seen)
            .explore();
    assertEquals("value=2 seen=0 | value=2 seen=1 | value=2 seen=2", outcomes(r));
    assertCompleteAndTrusted(r);
  }

  @GoldenTest
  void varHandleGetAndAddNeverLosesAnUpdate() {
    JvmExplorer.Result r =
        Golden.of(VarHandleCounter::new)
            .actor(c -> c.increment())
            .actor(c -> c.increment())
            .arbiter(c -> "n=" + c.get())
            .explore();
    assertEquals("n=2", outcomes(r));
    assertCompleteAndTrusted(r);
  }

  /** Every schedule starts its tasks on threads with no thread-local state, as new threads do. */
  @GoldenTest
  void threadLocalStateNeverLeaksFromOneScheduleIntoTheNext() {
    JvmExplorer.Result r =
        Golden.of(() -> new int[2])
            .actor(d -> d[0] = RequestContext.enter())
            .actor(d -> d[1] = RequestContext.enter())
            .arbiter(d -> "depths=" + d[0] + "," + d[1])
            .explore();
    assertEquals("depths=1,1", outcomes(r));
    assertTrue(r.exploration().schedules() > 1, r.exploration().coverage());
    assertCompleteAndTrusted(r);
  }

  /** A task that interrupts itself keeps its interrupt status across a switch to another task. */
  @GoldenTest
  void anInterruptTheCodeSetsOnItselfSurvivesASwitch() {
    JvmExplorer.Result r =
        Golden.of(() -> new int[2])
            .actor(
                d -> {
                  Thread.currentThread().interrupt();
                  d[0] = 1; // a scheduling point: T1 may run here while T0 waits, interrupted
                  d[1] = Thread.interrupted() ? 1 : 0;
                })
            .actor(d -> d[0] = 2)
            .arbiter(d -> "interrupted=" + d[1])
            .explore();
    assertEquals("interrupted=1", outcomes(r));
    assertCompleteAndTrusted(r);
  }

  // ---- bugs: found, each with a schedule that replays it -----------------------------------

  @GoldenTest
  void varHandleReadThenWriteLosesAnUpdate() {
    Golden.Spec<VarHandleCounter> test =
        Golden.of(VarHandleCounter::new)
            .actor(c -> c.incrementRacy())
            .actor(c -> c.incrementRacy())
            .arbiter(c -> "n=" + c.get());
    JvmExplorer.Result r = test.explore();
    assertEquals("n=1 | n=2", outcomes(r));
    assertCompleteAndTrusted(r);
    assertTrue(
        outcome(r, "n=1").firstTrace().contains("VarHandleCounter.java:24 VarHandle.getVolatile()"),
        outcome(r, "n=1").firstTrace());
    assertReplays(test, outcome(r, "n=1"));
  }

  @GoldenTest
  void semaphoreWhosePermitLeaksDeadlocksTheNextCaller() {
    Golden.Spec<ConnectionPool> test =
        Golden.of(ConnectionPool::new)
            .actor(p -> p.query(""))
            .actor(p -> p.query("select 1"))
            .arbiter(p -> "inUse=" + p.inUse());
    JvmExplorer.Result r = test.explore();
    Exploration.Outcome dead = outcome(r, "FAILURE deadlock");
    assertTrue(
        dead.text()
            .startsWith(
                "FAILURE deadlock: every task is blocked: T1 waits for 1 permit of Semaphore#1"
                    + " (0 free) at ConnectionPool.java:15 Semaphore.acquireUninterruptibly()"),
        dead.text());
    assertEquals(2, r.exploration().outcomes().size(), outcomes(r)); // and the lucky order
    assertCompleteAndTrusted(r);
    assertReplays(test, dead);
  }

  @GoldenTest
  void latchCountedDownBeforePublishingLetsAWaiterReadNothing() {
    Golden.Spec<Seen<Startup>> test =
        Golden.of(() -> new Seen<>(new Startup()))
            .actor(s -> s.state.loadRacy())
            .actor(s -> s.seen = s.state.awaitConfig())
            .arbiter(s -> "seen=" + s.seen);
    JvmExplorer.Result r = test.explore();
    assertEquals("seen=loaded | seen=null", outcomes(r));
    assertCompleteAndTrusted(r);
    assertReplays(test, outcome(r, "seen=null"));
  }

  @GoldenTest
  void parkAfterTheCheckLosesTheWakeUp() {
    Golden.Spec<Signal> test =
        Golden.of(Signal::new).actor(s -> s.await()).actor(s -> s.fire()).arbiter(s -> "woke");
    JvmExplorer.Result r = test.explore();
    Exploration.Outcome lost = outcome(r, "FAILURE deadlock");
    assertTrue(
        lost.text().startsWith("FAILURE deadlock: lost wake-up: T0 is parked at Signal.java:18"),
        lost.text());
    assertEquals("woke", r.exploration().outcomes().get(1).text().strip(), outcomes(r));
    assertCompleteAndTrusted(r);
    assertReplays(test, lost);
  }

  @GoldenTest
  void runAsyncOnTheCommonPoolRacesAndStaysUnderControl() {
    Golden.Spec<PriceService> test =
        Golden.of(PriceService::new)
            .actor(p -> p.refresh())
            .actor(p -> p.refresh())
            .arbiter(p -> "lookups=" + p.lookups());
    JvmExplorer.Result r = test.explore();
    assertEquals("lookups=1 | lookups=2", outcomes(r));
    assertCompleteAndTrusted(r); // the pool's tasks ran as tasks of the schedule, not outside it
    assertTrue(outcome(r, "lookups=1").firstTrace().contains("T2 "), "a pool worker is a task");
    assertReplays(test, outcome(r, "lookups=1"));
  }

  @GoldenTest
  void anActorThatThrowsIsAFailureWithItsLineAndSchedule() {
    Golden.Spec<Account> test =
        Golden.of(Account::new)
            .actor(a -> a.withdraw(100))
            .actor(
                a -> {
                  a.withdraw(100);
                  a.audit();
                })
            .arbiter(a -> "balance=" + a.balance());
    JvmExplorer.Result r = test.explore();
    Exploration.Outcome thrown = outcome(r, "FAILURE uncaught exception");
    assertEquals(
        "FAILURE uncaught exception: T1 threw java.lang.IllegalStateException: negative balance"
            + " -100 (at Account.java:19)",
        thrown.text().strip());
    assertCompleteAndTrusted(r);
    assertReplays(test, thrown);
  }

  // ---- what golden cannot vouch for: reported, never approved, never "complete" -------------

  @GoldenTest
  void identityHashOrderIsReportedAsNonDeterminism() {
    JvmExplorer.Result r =
        Golden.of(Sessions::new)
            .actor(
                s -> {
                  s.open("a");
                  s.open("b");
                  s.open("c");
                })
            .actor(
                s -> {
                  s.open("d");
                  s.open("e");
                  s.open("f");
                })
            .arbiter(s -> "users=" + s.users())
            .explore();
    assertNotNull(r.nondeterminism(), outcomes(r));
    assertTrue(r.nondeterminism().startsWith("schedule T"), r.nondeterminism());
    assertFalse(r.trustworthy());
    assertTrue(
        r.caveats().stream().anyMatch(c -> c.startsWith("the same schedule gave different")),
        r.caveats().toString());
  }

  @GoldenTest
  void clockValuesAreReportedAsNonDeterminismAndFailVerify() {
    Golden.Spec<Sessions> test =
        Golden.of(Sessions::new)
            .actor(s -> s.open(Sessions.newId()))
            .actor(s -> s.open("fixed"))
            .arbiter(s -> "users=" + s.users().stream().sorted().collect(Collectors.toList()));
    JvmExplorer.Result r = test.explore();
    assertNotNull(r.nondeterminism(), outcomes(r));
    assertFalse(r.trustworthy());
    // verify() refuses it before any approved file is looked at
    Throwable f = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class, test::verify);
    assertTrue(f.getMessage().contains("non-deterministic: schedule T"), f.getMessage());
  }

  @GoldenTest
  void blockingInsideTheJdkIsAHangNamingTheTaskAndTheCall() {
    JvmExplorer.Result r =
        Golden.of(Ledger::new)
            .actor(l -> l.post(5)) // StampedLock is not reentrant: the audit never gets its lock
            .actor(l -> l.total())
            .arbiter(l -> "total=" + l.total())
            .timeout(Duration.ofSeconds(1))
            .explore();
    assertTrue(r.hung());
    assertFalse(r.trustworthy());
    assertFalse(r.exploration().complete(), r.exploration().coverage());
    // The reason is the hang, not a schedule cap the search never reached.
    assertEquals("incomplete: stopped after a hang", r.exploration().coverage());
    String text = r.exploration().outcomes().get(0).text();
    assertTrue(
        text.startsWith(
            "FAILURE hang: T0 reached no scheduling point for <duration1> after"
                + " Ledger.java:26 StampedLock.readLock(); its thread is in "),
        text);
    assertTrue(text.contains("called from Ledger.java:26"), text);
    assertTrue(r.caveats().contains("the search stopped after a hang"), r.caveats().toString());
  }
}
