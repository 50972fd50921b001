package dev.lockkit.example.jdk;

import static dev.lockkit.example.jdk.JvmOutcomes.assertCompleteAndTrusted;
import static dev.lockkit.example.jdk.JvmOutcomes.assertReplays;
import static dev.lockkit.example.jdk.JvmOutcomes.outcome;
import static dev.lockkit.example.jdk.JvmOutcomes.sortedOutcomes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.explore.Exploration;
import dev.lockkit.golden.junit.Expect;
import dev.lockkit.golden.junit.Golden;
import dev.lockkit.golden.junit.GoldenTest;
import dev.lockkit.golden.junit.Outcome;
import dev.lockkit.golden.jvm.JvmExplorer;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.Exchanger;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The JDK's blocking queues, {@code Exchanger}, {@code CyclicBarrier} and {@code Phaser} under
 * golden (issue 16 §2, §4): their waits are modelled, so correct code passes with a complete search
 * and no caveat, a wait nobody ends is a deadlock naming the object and the task, a timed wait may
 * time out where golden decides, and every bug comes with a schedule that replays it.
 */
class BlockingJdkGoldenTest {

  /** Holds what the actors saw beside the state they share. */
  static final class Seen<S> {
    final S state;
    volatile Object a;
    volatile Object b;

    Seen(S state) {
      this.state = state;
    }
  }

  // ---- correct producer/consumer on every blocking queue: one outcome, complete --------------

  private static void assertProducerConsumerIsCorrect(Supplier<BlockingQueue<Integer>> queue) {
    JvmExplorer.Result r =
        Golden.of(() -> new Pipeline(queue.get()))
            .actor(p -> p.produce(3))
            .actor(p -> p.consume(3))
            .arbiter(Pipeline::state)
            .explore();
    assertEquals("got=[1, 2, 3] left=0", sortedOutcomes(r));
    assertCompleteAndTrusted(r);
    assertTrue(r.exploration().schedules() > 1, r.exploration().coverage());
  }

  /** The same, approved: the file beside this test shows each wait for room or for an element. */
  @GoldenTest
  @Outcome(id = "got=\\[1, 2\\] left=0", expect = Expect.ACCEPTABLE)
  void producerConsumerIsApproved() {
    Golden.of(() -> new Pipeline(new ArrayBlockingQueue<>(1)))
        .actor(p -> p.produce(2))
        .actor(p -> p.consume(2))
        .arbiter(Pipeline::state)
        .verify();
  }

  @GoldenTest
  void producerConsumerOverAFullArrayBlockingQueuePasses() {
    assertProducerConsumerIsCorrect(() -> new ArrayBlockingQueue<>(1)); // put waits for room
  }

  @GoldenTest
  void producerConsumerOverALinkedBlockingQueuePasses() {
    assertProducerConsumerIsCorrect(() -> new LinkedBlockingQueue<>(2));
    assertProducerConsumerIsCorrect(LinkedBlockingQueue::new); // a constructor reference too
  }

  @GoldenTest
  void producerConsumerOverALinkedBlockingDequePasses() {
    assertProducerConsumerIsCorrect(() -> new LinkedBlockingDeque<>(1));
  }

  @GoldenTest
  void producerConsumerOverASynchronousQueuePasses() {
    assertProducerConsumerIsCorrect(SynchronousQueue::new); // every put waits for its taker
    assertProducerConsumerIsCorrect(() -> new SynchronousQueue<>(true));
  }

  @GoldenTest
  void producerConsumerOverALinkedTransferQueuePasses() {
    assertProducerConsumerIsCorrect(LinkedTransferQueue::new);
  }

  @GoldenTest
  void aPriorityBlockingQueueHandsOutWhatIsThereInPriorityOrder() {
    JvmExplorer.Result r =
        Golden.of(() -> new Pipeline(new PriorityBlockingQueue<>()))
            .actor(p -> p.produce(2))
            .actor(p -> p.consume(2))
            .arbiter(Pipeline::state)
            .explore();
    assertEquals("got=[1, 2] left=0", sortedOutcomes(r)); // produced in order, so taken in order
    assertCompleteAndTrusted(r);
  }

  @GoldenTest
  void transferWaitsUntilItsElementIsTaken() {
    JvmExplorer.Result r =
        Golden.of(() -> new Seen<>(new LinkedTransferQueue<String>()))
            .actor(
                s -> {
                  try {
                    s.state.transfer("x");
                    s.a = "transferred, left=" + s.state.size();
                  } catch (InterruptedException e) {
                    s.a = e;
                  }
                })
            .actor(
                s -> {
                  try {
                    s.b = s.state.take();
                  } catch (InterruptedException e) {
                    s.b = e;
                  }
                })
            .arbiter(s -> s.a + " took=" + s.b)
            .explore();
    assertEquals("transferred, left=0 took=x", sortedOutcomes(r));
    assertCompleteAndTrusted(r);
  }

  @GoldenTest
  void aDelayQueueTakeWaitsForAnElement() {
    JvmExplorer.Result r =
        Golden.of(() -> new Seen<>(new DelayQueue<Job>()))
            .actor(s -> s.state.put(new Job("due")))
            .actor(
                s -> {
                  try {
                    s.b = s.state.take().name;
                  } catch (InterruptedException e) {
                    s.b = e;
                  }
                })
            .arbiter(s -> "took=" + s.b)
            .explore();
    assertEquals("took=due", sortedOutcomes(r));
    assertCompleteAndTrusted(r);
  }

  /** golden's time is not the clock: waiting out the head's delay is the take's wait. */
  @GoldenTest
  void aDelayQueueTakeReturnsTheHeadWhateverItsRemainingDelay() {
    JvmExplorer.Result r =
        Golden.of(() -> new Seen<>(new DelayQueue<Job>()))
            .actor(s -> s.state.put(new Job("in an hour", 1)))
            .actor(
                s -> {
                  try {
                    s.b = s.state.take().name;
                  } catch (InterruptedException e) {
                    s.b = e;
                  }
                })
            .arbiter(s -> "took=" + s.b + " left=" + s.state.size())
            .explore();
    assertEquals("took=in an hour left=0", sortedOutcomes(r));
    assertCompleteAndTrusted(r);
  }

  @GoldenTest
  void twoThreadsExchangeTheirValues() {
    JvmExplorer.Result r =
        Golden.of(() -> new Seen<>(new Exchanger<String>()))
            .actor(s -> s.a = exchange(s.state, "a"))
            .actor(s -> s.b = exchange(s.state, "b"))
            .arbiter(s -> "T0 got " + s.a + ", T1 got " + s.b)
            .explore();
    assertEquals("T0 got b, T1 got a", sortedOutcomes(r));
    assertCompleteAndTrusted(r);
  }

  @GoldenTest
  void aBarrierLetsEveryWorkerSeeEveryPartAndRunsItsActionOnce() {
    JvmExplorer.Result r =
        Golden.of(() -> new Rendezvous(2, 2))
            .actor(w -> w.atBarrier(0))
            .actor(w -> w.atBarrier(1))
            .arbiter(Rendezvous::state)
            .explore();
    assertEquals("seen=3,3 rounds=1", sortedOutcomes(r));
    assertCompleteAndTrusted(r);
  }

  @GoldenTest
  void aPhaserLetsEveryWorkerSeeEveryPart() {
    JvmExplorer.Result r =
        Golden.of(() -> new Rendezvous(2, 2))
            .actor(w -> w.atPhaser(0))
            .actor(w -> w.atPhaser(1))
            .arbiter(Rendezvous::state)
            .explore();
    assertEquals("seen=3,3 rounds=0", sortedOutcomes(r));
    assertCompleteAndTrusted(r);
  }

  @GoldenTest
  void drainToTakesWhatIsThereAtItsStep() {
    JvmExplorer.Result r =
        Golden.of(() -> new Seen<>(new LinkedBlockingQueue<Integer>()))
            .actor(
                s -> {
                  s.state.add(1);
                  s.state.add(2);
                })
            .actor(
                s -> {
                  List<Integer> got = new java.util.ArrayList<>();
                  s.state.drainTo(got);
                  s.b = got;
                })
            .arbiter(s -> "drained=" + s.b + " left=" + s.state.size())
            .explore();
    assertEquals(
        "drained=[1, 2] left=0 | drained=[1] left=1 | drained=[] left=2", sortedOutcomes(r));
    assertCompleteAndTrusted(r);
  }

  /** A SynchronousQueue holds nothing: drainTo takes only what a waiting put offers. */
  @GoldenTest
  void drainToOfASynchronousQueueTakesAWaitingPut() {
    JvmExplorer.Result r =
        Golden.of(() -> new Seen<>(new SynchronousQueue<String>()))
            .actor(
                s -> {
                  try {
                    s.state.put("x");
                  } catch (InterruptedException e) {
                    s.a = e;
                  }
                })
            .actor(
                s -> {
                  List<String> got = new java.util.ArrayList<>();
                  s.state.drainTo(got);
                  s.b = got;
                })
            .arbiter(s -> "drained=" + s.b)
            .explore();
    assertEquals(
        "FAILURE deadlock: every task is blocked: T0 waits in SynchronousQueue#1.put() for a"
            + " taker at BlockingJdkGoldenTest.java:"
            + lineOf(r)
            + " SynchronousQueue.put() | drained=[x]",
        sortedOutcomes(r));
    assertCompleteAndTrusted(r);
  }

  private static String lineOf(JvmExplorer.Result r) {
    String t =
        r.exploration().outcomes().stream()
            .map(o -> o.text())
            .filter(x -> x.startsWith("FAILURE"))
            .findFirst()
            .orElse("");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("BlockingJdkGoldenTest\\.java:(\\d+)").matcher(t);
    return m.find() ? m.group(1) : "?";
  }

  // ---- waits nobody ends: deadlocks naming the object and the task, replayable --------------

  @GoldenTest
  void aConsumerThatTakesOneMoreThanIsProducedDeadlocks() {
    Golden.Spec<Pipeline> test =
        Golden.of(() -> new Pipeline(new ArrayBlockingQueue<>(2)))
            .actor(p -> p.produce(2))
            .actor(p -> p.consume(3))
            .arbiter(Pipeline::state);
    JvmExplorer.Result r = test.explore();
    Exploration.Outcome dead = outcome(r, "FAILURE deadlock");
    assertEquals(
        "FAILURE deadlock: every task is blocked: T1 waits for an element of"
            + " ArrayBlockingQueue#1 (empty) at Pipeline.java:34 BlockingQueue.take()",
        dead.text().strip());
    assertEquals(1, r.exploration().outcomes().size(), sortedOutcomes(r)); // on every schedule
    assertCompleteAndTrusted(r);
    assertReplays(test, dead);
  }

  @GoldenTest
  void aSynchronousPutWithNoTakerDeadlocks() {
    Golden.Spec<Pipeline> test =
        Golden.of(() -> new Pipeline(new SynchronousQueue<>()))
            .actor(p -> p.produce(2))
            .actor(p -> p.consume(1))
            .arbiter(Pipeline::state);
    JvmExplorer.Result r = test.explore();
    Exploration.Outcome dead = outcome(r, "FAILURE deadlock");
    assertTrue(
        dead.text()
            .startsWith(
                "FAILURE deadlock: every task is blocked: T0 waits in SynchronousQueue#1.put()"
                    + " for a taker at Pipeline.java:24 BlockingQueue.put()"),
        dead.text());
    assertCompleteAndTrusted(r);
    assertReplays(test, dead);
  }

  @GoldenTest
  void aBarrierWithOnePartyTooManyDeadlocks() {
    Golden.Spec<Rendezvous> test =
        Golden.of(() -> new Rendezvous(2, 3))
            .actor(w -> w.atBarrier(0))
            .actor(w -> w.atBarrier(1))
            .arbiter(Rendezvous::state);
    JvmExplorer.Result r = test.explore();
    Exploration.Outcome dead = outcome(r, "FAILURE deadlock");
    assertTrue(
        dead.text()
            .matches(
                "(?s)FAILURE deadlock: every task is blocked: T0 waits at CyclicBarrier#1\\.await\\(\\):"
                    + " 2 of 3 parties arrived at Rendezvous\\.java:\\d+ CyclicBarrier\\.await\\(\\);"
                    + " T1 waits at CyclicBarrier#1.*"),
        dead.text());
    assertEquals(1, r.exploration().outcomes().size(), sortedOutcomes(r));
    assertCompleteAndTrusted(r);
    assertReplays(test, dead);
  }

  @GoldenTest
  void aPhaserWithOnePartyTooManyDeadlocks() {
    JvmExplorer.Result r =
        Golden.of(() -> new Rendezvous(2, 3))
            .actor(w -> w.atPhaser(0))
            .actor(w -> w.atPhaser(1))
            .arbiter(Rendezvous::state)
            .explore();
    Exploration.Outcome dead = outcome(r, "FAILURE deadlock");
    assertTrue(
        dead.text().contains("waits for Phaser#1 to end phase 0 (2 of 3 parties arrived)"),
        dead.text());
    assertCompleteAndTrusted(r);
  }

  @GoldenTest
  void anExchangeWithNoPartnerDeadlocks() {
    JvmExplorer.Result r =
        Golden.of(Handshake::new)
            .actor(h -> h.swap("a"))
            .actor(h -> h.swaps())
            .arbiter(h -> "swaps=" + h.swaps())
            .explore();
    assertEquals(
        "FAILURE deadlock: every task is blocked: T0 waits in Exchanger#1.exchange() for a"
            + " partner at Handshake.java:16 Exchanger.exchange()",
        sortedOutcomes(r));
    assertCompleteAndTrusted(r);
  }

  // ---- bugs and time-outs: found, with a schedule that replays them -------------------------

  @GoldenTest
  void aCheckThenOfferLosesAHandOff() {
    Golden.Spec<Outbox> test =
        Golden.of(Outbox::new)
            .actor(o -> o.send("a"))
            .actor(o -> o.send("b"))
            .arbiter(Outbox::state);
    JvmExplorer.Result r = test.explore();
    assertEquals("sent=1 queued=1 | sent=2 queued=1", sortedOutcomes(r));
    assertCompleteAndTrusted(r);
    assertReplays(test, outcome(r, "sent=2 queued=1")); // counted as sent, dropped
  }

  @GoldenTest
  void aTimedPollReturnsNullOnSomeSchedule() {
    Golden.Spec<Seen<Outbox>> test =
        Golden.of(() -> new Seen<>(new Outbox()))
            .actor(s -> s.state.send("x"))
            .actor(s -> s.b = s.state.receive())
            .arbiter(s -> "received=" + s.b);
    JvmExplorer.Result r = test.explore();
    assertEquals("received=null | received=x", sortedOutcomes(r));
    assertCompleteAndTrusted(r);
    assertReplays(test, outcome(r, "received=null"));
  }

  @GoldenTest
  void aTimedExchangeTimesOutOrMeetsItsPartner() {
    JvmExplorer.Result r =
        Golden.of(() -> new Seen<>(new Exchanger<String>()))
            .actor(
                s -> {
                  try {
                    s.a = s.state.exchange("a", 1, TimeUnit.SECONDS);
                  } catch (TimeoutException e) {
                    s.a = "timeout";
                  } catch (InterruptedException e) {
                    s.a = e;
                  }
                })
            .actor(
                s -> {
                  try {
                    s.b = s.state.exchange("b", 1, TimeUnit.SECONDS);
                  } catch (TimeoutException e) {
                    s.b = "timeout";
                  } catch (InterruptedException e) {
                    s.b = e;
                  }
                })
            .arbiter(s -> s.a + "," + s.b)
            .explore();
    assertEquals("b,a | timeout,timeout", sortedOutcomes(r));
    assertCompleteAndTrusted(r);
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** A job due after {@code delayHours}: golden's model of a DelayQueue lets a take return it. */
  static final class Job implements Delayed {
    final String name;
    final long delayHours;

    Job(String name) {
      this(name, 0);
    }

    Job(String name, long delayHours) {
      this.name = name;
      this.delayHours = delayHours;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(delayHours, TimeUnit.HOURS);
    }

    @Override
    public int compareTo(Delayed o) {
      return 0;
    }
  }

  private static String exchange(Exchanger<String> x, String mine) {
    try {
      return x.exchange(mine);
    } catch (InterruptedException e) {
      return "interrupted";
    }
  }
}
