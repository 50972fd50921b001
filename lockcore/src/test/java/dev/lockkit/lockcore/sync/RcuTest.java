package dev.lockkit.lockcore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RcuTest {

  private static final class Obj extends Poisonable {
    Obj(Reports r) {
      super(r);
    }

    int read() {
      checkAlive("read");
      return 42;
    }

    @Override
    protected String describe() {
      return "obj";
    }
  }

  @Test
  void gracePeriodWaitsForEveryReaderThatWasInsideWhenItStarted() throws Exception {
    SyncContext ctx = TestKernels.plain();
    Rcu rcu = ctx.rcu();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch leave = new CountDownLatch(1);
    Thread reader =
        TestKernels.start(
            "reader",
            Task.create("reader"),
            () -> {
              rcu.readLock();
              rcu.readLock(); // nested: only the outermost unlock ends the section
              inside.countDown();
              await(leave);
              rcu.readUnlock();
              await(leave);
              rcu.readUnlock();
            });
    inside.await();
    AtomicBoolean done = new AtomicBoolean();
    Thread updater =
        TestKernels.start(
            "updater",
            Task.create("updater"),
            () -> {
              rcu.synchronize();
              done.set(true);
            });
    Thread.sleep(100);
    assertFalse(done.get(), "grace period ended while a pre-existing reader was inside");
    // A reader that starts after the grace period began must not hold it up.
    Task.create("late")
        .call(
            () -> {
              rcu.readLock();
              return null;
            });
    leave.countDown();
    updater.join(5_000);
    assertTrue(done.get());
    reader.join(5_000);
  }

  private static void await(CountDownLatch l) {
    try {
      l.await();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void callRcuPoisonsOnlyAfterTheGracePeriodAndPoisonedAccessIsADetectedFault() throws Exception {
    // The real JVM checks for use-after-free only with the model's KASAN on (KasanSwitchTest pins
    // the default, off, in a JVM of its own).
    Kasan.enable();
    SyncContext ctx = TestKernels.plain();
    Rcu rcu = ctx.rcu();
    Obj obj = new Obj(ctx.reports());
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch leave = new CountDownLatch(1);
    Thread reader =
        TestKernels.start(
            "reader",
            Task.create("reader"),
            () -> {
              rcu.readLock();
              inside.countDown();
              await(leave);
              assertEquals(42, obj.read(), "still inside: the object must be alive");
              rcu.readUnlock();
            });
    inside.await();
    rcu.callRcu(obj::poison);
    assertFalse(obj.isPoisoned());
    assertEquals(1, rcu.pendingCallbacks());
    leave.countDown();
    reader.join(5_000);
    rcu.pollCallbacks();
    assertTrue(obj.isPoisoned());
    PoisonFault f = assertThrows(PoisonFault.class, obj::read);
    assertTrue(f.getMessage().contains("use-after-free: read on freed obj"), f.getMessage());
    assertEquals(ReportKind.POISON, ctx.reports().all().get(0).kind());
  }

  @Test
  void aTaskRunOnAnotherThreadKeepsItsSectionsUnderEachRcuAndGracePeriodsWaitForThem()
      throws Exception {
    // On the real JVM the first RCU a task reads under uses the task's own words as its record and
    // a second one a record of its own: both must follow the task to another thread.
    Rcu first = TestKernels.plain().rcu();
    Rcu second = TestKernels.plain().rcu();
    AtomicBoolean freed = new AtomicBoolean();
    Task t = Task.create("migrant");
    t.run(
        () -> {
          first.readLock();
          second.readLock();
          second.readLock(); // nested
        });
    first.callRcu(() -> freed.set(true)); // another task: must wait for the migrant's section
    first.pollCallbacks();
    assertFalse(freed.get(), "the grace period ended while the migrant was inside its section");
    AtomicInteger checks = new AtomicInteger();
    Thread other =
        new Thread(
            () ->
                t.run(
                    () -> {
                      if (first.readLockHeld() && second.readLockHeld()) {
                        checks.incrementAndGet();
                      }
                      first.readUnlock();
                      second.readUnlock();
                      if (!first.readLockHeld() && second.readLockHeld()) {
                        checks.incrementAndGet();
                      }
                      second.readUnlock();
                      if (!second.readLockHeld()) {
                        checks.incrementAndGet();
                      }
                    }));
    other.start();
    other.join(5_000);
    assertEquals(3, checks.get(), "the sections did not follow the task to the other thread");
    first.pollCallbacks();
    assertTrue(freed.get(), "the grace period did not end once the migrant left");
  }

  @Test
  void callRcuWithNoReadersRunsOnTheNextPoll() {
    SyncContext ctx = TestKernels.plain();
    AtomicBoolean ran = new AtomicBoolean();
    ctx.rcu().callRcu(() -> ran.set(true));
    assertTrue(ran.get());
    assertEquals(0, ctx.rcu().pendingCallbacks());
  }

  @Test
  void misuseIsReported() {
    SyncContext ctx = TestKernels.plain();
    Rcu rcu = ctx.rcu();
    Task.create("t")
        .call(
            () -> {
              assertThrows(KernelBug.class, rcu::readUnlock);
              rcu.readLock();
              assertTrue(rcu.readLockHeld());
              assertThrows(KernelBug.class, rcu::synchronize);
              rcu.readUnlock();
              assertFalse(rcu.readLockHeld());
              rcu.synchronize();
              return null;
            });
    assertEquals(2, ctx.reports().all().size());
  }

  /** Records every shared access (location and operation) made under it. */
  private static final class Recording implements Platform {
    final java.util.List<Object> locations = new java.util.ArrayList<>();
    final java.util.List<String> ops = new java.util.ArrayList<>();

    @Override
    public void beforeSharedAccess(Object location, String op) {
      locations.add(location);
      ops.add(op);
    }

    @Override
    public void park(Object blocker) {}

    @Override
    public void unpark(Thread thread) {}

    @Override
    public void spinWait(Object location) {}

    void clear() {
      locations.clear();
      ops.clear();
    }
  }

  @Test
  void theReadSideTouchesOnlyItsOwnCounterAndAnIdlePollWritesNothing() {
    Recording rec = new Recording();
    Platform previous = Platforms.install(rec);
    SyncContext ctx;
    try {
      ctx = TestKernels.plain(); // cells capture the recording platform
    } finally {
      Platforms.install(previous);
    }
    Rcu rcu = ctx.rcu();
    Task.create("reader")
        .call(
            () -> {
              rcu.readLock(); // registers the reader once
              rcu.readUnlock();
              rec.clear();
              for (int i = 0; i < 3; i++) {
                rcu.readLock();
                rcu.readLock(); // nested: task-private, no access
                rcu.readUnlock();
                rcu.readUnlock();
              }
              // One store in, one out per outermost section, all on the same cell.
              assertEquals(
                  java.util.Collections.nCopies(
                          3, java.util.List.of("long.setOpaque", "long.setRelease"))
                      .stream()
                      .flatMap(java.util.List::stream)
                      .toList(),
                  rec.ops);
              assertEquals(1, new java.util.HashSet<>(rec.locations).size());
              rec.clear();
              rcu.pollCallbacks();
              assertEquals(java.util.List.of("ref.get"), rec.ops);
              return null;
            });
  }

  @Test
  void aCallbackWaitsOnlyForReadersInsideWhenItWasQueued() throws Exception {
    SyncContext ctx = TestKernels.plain();
    Rcu rcu = ctx.rcu();
    AtomicBoolean ran = new AtomicBoolean();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch queued = new CountDownLatch(1);
    CountDownLatch reentered = new CountDownLatch(1);
    CountDownLatch checked = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () ->
                Task.create("reader")
                    .run(
                        () -> {
                          rcu.readLock();
                          inside.countDown();
                          await(queued);
                          rcu.readUnlock();
                          // A new section after the callback was queued is not waited for.
                          rcu.readLock();
                          reentered.countDown();
                          await(checked);
                          rcu.readUnlock();
                        }));
    reader.start();
    inside.await();
    Task.create("updater")
        .run(
            () -> {
              rcu.callRcu(() -> ran.set(true));
              assertFalse(ran.get(), "ran while a pre-existing reader was inside");
              assertEquals(1, rcu.pendingCallbacks());
            });
    queued.countDown();
    reentered.await();
    Task.create("poller").run(rcu::pollCallbacks);
    assertTrue(ran.get(), "the reader left the section the callback waited for");
    checked.countDown();
    reader.join();
  }

  @Test
  void aPollThatFindsTheCallbackLockTakenLeavesTheReadyCallbackToALaterPoll() throws Exception {
    SyncContext ctx = TestKernels.plain();
    Rcu rcu = ctx.rcu();
    AtomicInteger ran = new AtomicInteger();
    rcu.readLock();
    rcu.callRcu(ran::incrementAndGet); // this task is inside: the callback waits for it
    rcu.readUnlock(); // now its grace period is over
    Field f = Rcu.class.getDeclaredField("cbLock");
    f.setAccessible(true);
    SpinLock cbLock = (SpinLock) f.get(rcu);
    cbLock.lock(); // as an updater queueing a callback holds it
    try {
      // A kernel entry's poll must not wait for the lock (it used to spin until it was free).
      assertTimeoutPreemptively(Duration.ofSeconds(10), rcu::pollCallbacks);
      assertEquals(0, ran.get(), "ran while the queue's lock was held by someone else");
    } finally {
      cbLock.unlock();
    }
    rcu.pollCallbacks();
    assertEquals(1, ran.get(), "the next poll runs the callback left behind");
    assertEquals(0, rcu.pendingCallbacks());
  }
}
