package dev.lockkit.lockcore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
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
}
