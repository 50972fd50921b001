package dev.lockkit.example.jdk;

import static dev.lockkit.example.jdk.JvmOutcomes.assertCompleteAndTrusted;
import static dev.lockkit.example.jdk.JvmOutcomes.assertReplays;
import static dev.lockkit.example.jdk.JvmOutcomes.outcome;
import static dev.lockkit.example.jdk.JvmOutcomes.sortedOutcomes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.junit.Golden;
import dev.lockkit.golden.junit.GoldenTest;
import dev.lockkit.golden.jvm.JvmExplorer;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Exchanger;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

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
        sortedOutcomes(r));
    assertCompleteAndTrusted(r);
    assertReplays(test, outcome(r, "done=[] stopped=true"));
  }

  /** A wait that only an interrupt ends, run on a thread the actor starts, then interrupts. */
  interface Wait {
    void run() throws Exception;
  }

  static final class Box {
    volatile String result;
    volatile Thread thread;
    volatile int other;
  }

  private static String interruptedOn(Supplier<Wait> wait) {
    JvmExplorer.Result r =
        Golden.of(Box::new)
            .actor(
                b -> {
                  Wait w = wait.get();
                  b.thread =
                      new Thread(
                          () -> {
                            try {
                              w.run();
                              b.result = "returned";
                            } catch (InterruptedException e) {
                              b.result = "InterruptedException";
                            } catch (Exception e) {
                              b.result = e.getClass().getSimpleName();
                            }
                          });
                  b.thread.start();
                  b.thread.interrupt();
                  try {
                    b.thread.join();
                  } catch (InterruptedException e) {
                    b.result = "join interrupted";
                  }
                })
            .actor(b -> b.other = 1)
            .arbiter(b -> b.result)
            .explore();
    assertCompleteAndTrusted(r);
    return sortedOutcomes(r);
  }

  @GoldenTest
  void anInterruptEndsEachModelledWait() {
    assertEquals(
        "InterruptedException", interruptedOn(() -> () -> new SynchronousQueue<String>().put("x")));
    assertEquals(
        "InterruptedException", interruptedOn(() -> () -> new LinkedBlockingDeque<>().takeLast()));
    assertEquals(
        "InterruptedException", interruptedOn(() -> () -> new Exchanger<String>().exchange("x")));
    assertEquals(
        "InterruptedException",
        interruptedOn(() -> () -> new LinkedTransferQueue<String>().transfer("x")));
    assertEquals("InterruptedException", interruptedOn(() -> () -> new CyclicBarrier(2).await()));
    assertEquals(
        "InterruptedException",
        interruptedOn(() -> () -> new Phaser(2).awaitAdvanceInterruptibly(0)));
  }

  @GoldenTest
  void anInterruptEndsTheOtherModelledWaitsToo() {
    assertEquals(
        "InterruptedException",
        interruptedOn(
            () ->
                () -> {
                  Object o = new Object();
                  synchronized (o) {
                    o.wait();
                  }
                }));
    assertEquals(
        "InterruptedException",
        interruptedOn(
            () ->
                () -> {
                  ReentrantLock l = new ReentrantLock();
                  Condition c = l.newCondition();
                  l.lock();
                  try {
                    c.await();
                  } finally {
                    l.unlock();
                  }
                }));
    assertEquals(
        "InterruptedException",
        interruptedOn(
            () ->
                () -> {
                  LockSupport.park(); // returns on an interrupt, with the status set
                  if (Thread.interrupted()) {
                    throw new InterruptedException();
                  }
                }));
    assertEquals("InterruptedException", interruptedOn(() -> () -> new CountDownLatch(1).await()));
    assertEquals("InterruptedException", interruptedOn(() -> () -> new Semaphore(0).acquire()));
    assertEquals(
        "InterruptedException", interruptedOn(() -> () -> new CompletableFuture<String>().get()));
    assertEquals(
        "InterruptedException",
        interruptedOn(
            () ->
                () -> {
                  CountDownLatch release = new CountDownLatch(1);
                  Thread inner =
                      new Thread(
                          () -> {
                            try {
                              release.await();
                            } catch (InterruptedException e) {
                              Thread.currentThread().interrupt();
                            }
                          });
                  inner.start();
                  try {
                    inner.join();
                  } finally {
                    release.countDown();
                  }
                }));
  }

  @GoldenTest
  void anInterruptEndsASleepAndALockInterruptibly() {
    // golden's time is not the clock: the sleep may end before the interrupt comes, or not
    assertEquals(
        "InterruptedException | returned", interruptedOn(() -> () -> Thread.sleep(60_000)));
    assertEquals(
        "InterruptedException",
        interruptedOn(
            () ->
                () -> {
                  ReentrantLock l = new ReentrantLock();
                  Thread holder = new Thread(() -> l.lock()); // ends holding the lock
                  holder.start();
                  holder.join();
                  l.lockInterruptibly();
                }));
  }

  @GoldenTest
  void shutdownNowInterruptsAPoolTaskBlockedInTake() {
    JvmExplorer.Result r =
        Golden.of(Box::new)
            .actor(
                b -> {
                  LinkedBlockingQueue<String> q = new LinkedBlockingQueue<>();
                  ExecutorService pool = Executors.newSingleThreadExecutor();
                  Future<String> f = pool.submit(() -> q.take());
                  pool.shutdownNow();
                  try {
                    b.result =
                        "terminated="
                            + pool.awaitTermination(1, TimeUnit.SECONDS)
                            + " "
                            + futureState(f);
                  } catch (InterruptedException e) {
                    b.result = "interrupted";
                  }
                })
            .actor(b -> b.other = 1)
            .arbiter(b -> b.result)
            .explore();
    // The task was interrupted in take, or never started (shutdownNow drained it).
    assertEquals(
        "terminated=true cancelled or never run | terminated=true failed: InterruptedException",
        sortedOutcomes(r));
    assertCompleteAndTrusted(r);
  }

  private static String futureState(Future<String> f) {
    if (!f.isDone()) {
      return "cancelled or never run";
    }
    try {
      return "got " + f.get();
    } catch (ExecutionException e) {
      return "failed: " + e.getCause().getClass().getSimpleName();
    } catch (InterruptedException | CancellationException e) {
      return "cancelled or never run";
    }
  }

  @GoldenTest
  void resetBreaksTheBarrierForAWaitingParty() {
    JvmExplorer.Result r =
        Golden.of(Parties::new)
            .actor(
                p -> {
                  try {
                    p.first = "index " + p.barrier.await();
                  } catch (BrokenBarrierException | InterruptedException e) {
                    p.first = e.getClass().getSimpleName();
                  }
                })
            .actor(p -> p.barrier.reset())
            .arbiter(p -> p.first)
            .explore();
    // Reset after the party arrived breaks its wait; reset before leaves it alone at the barrier.
    assertTrue(
        sortedOutcomes(r)
            .matches(
                "BrokenBarrierException \\| FAILURE deadlock: every task is blocked: T0 waits at"
                    + " CyclicBarrier#1\\.await\\(\\): 1 of 2 parties arrived at"
                    + " InterruptsAndTimeoutsGoldenTest\\.java:\\d+ CyclicBarrier\\.await\\(\\)"),
        sortedOutcomes(r));
    assertCompleteAndTrusted(r);
  }

  @GoldenTest
  void aQueueOfYourOwnSubclassStaysTheJdksAndBlockingInItIsAHang() {
    JvmExplorer.Result r =
        Golden.of(() -> new LinkedBlockingQueue<String>() {})
            .actor(
                q -> {
                  try {
                    q.take();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                })
            .actor(q -> q.size())
            .arbiter(q -> "left=" + q.size())
            .timeout(Duration.ofSeconds(1))
            .explore();
    assertTrue(r.hung());
    assertTrue(
        r.exploration().outcomes().get(0).text().startsWith("FAILURE hang: T0"),
        r.exploration().outcomes().get(0).text());
  }

  @GoldenTest
  void aModelledQueueIsTheJdkClassWithGoldensWaits() {
    JvmExplorer.Result r =
        Golden.of(() -> new Box())
            .actor(b -> b.result = String.valueOf(new ArrayBlockingQueue<String>(1)))
            .actor(b -> b.other = 1)
            .arbiter(
                b ->
                    b.result
                        + " "
                        + (new ArrayBlockingQueue<String>(1) instanceof ArrayBlockingQueue)
                        + " "
                        + (new ArrayBlockingQueue<String>(1).getClass()
                            == ArrayBlockingQueue.class))
            .explore();
    assertEquals("[] true false", sortedOutcomes(r)); // getClass() is golden's subclass
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
        sortedOutcomes(r));
    assertCompleteAndTrusted(r);
  }
}
