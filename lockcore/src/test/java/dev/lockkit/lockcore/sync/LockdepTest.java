package dev.lockkit.lockcore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LockdepTest {
  private static final LockClassKey A = new LockClassKey("lock_A");
  private static final LockClassKey B = new LockClassKey("lock_B");

  @Test
  void plantedAbBaOrderIsReportedWithTheChain() {
    SyncContext ctx = TestKernels.lockdep();
    RwSemaphore a = new RwSemaphore(ctx, "a", A);
    RwSemaphore b = new RwSemaphore(ctx, "b", B);
    Task.create("t1")
        .call(
            () -> {
              a.downWrite();
              b.downRead();
              b.upRead();
              a.upWrite();
              return null;
            });
    assertEquals(List.of(), ctx.reports().all());
    Task.create("t2")
        .call(
            () -> {
              b.downWrite();
              a.downWrite(); // no real deadlock in this run, but the order can deadlock
              a.upWrite();
              b.upWrite();
              return null;
            });
    List<Report> reports = ctx.reports().all();
    assertEquals(1, reports.size(), reports.toString());
    assertEquals(ReportKind.LOCKDEP, reports.get(0).kind());
    assertEquals(
        "possible circular locking dependency detected: t2 is trying to acquire lock_A while"
            + " holding lock_B, but the existing dependency chain is lock_A -> lock_B",
        reports.get(0).message());
  }

  @Test
  void nestedSubclassIsADifferentClassAndTrylockAddsNoOrder() {
    SyncContext ctx = TestKernels.lockdep();
    RwSemaphore a1 = new RwSemaphore(ctx, "a1", A);
    RwSemaphore a2 = new RwSemaphore(ctx, "a2", A);
    RwSemaphore b = new RwSemaphore(ctx, "b", B);
    Task.create("t")
        .call(
            () -> {
              a1.downWrite();
              a2.downWriteNested(1);
              a2.upWrite();
              a1.upWrite();
              b.downWrite();
              assertTrue(a1.downWriteTrylock());
              a1.upWrite();
              b.upWrite();
              a1.downWrite();
              b.downWrite();
              b.upWrite();
              a1.upWrite();
              return null;
            });
    assertEquals(List.of(), ctx.reports().all());
  }

  @Test
  void recursiveWriteOfTheSameClassIsReported() {
    SyncContext ctx = TestKernels.lockdep();
    RwSemaphore a1 = new RwSemaphore(ctx, "a1", A);
    RwSemaphore a2 = new RwSemaphore(ctx, "a2", A);
    Task.create("t")
        .call(
            () -> {
              a1.downWrite();
              a2.downWrite();
              a2.upWrite();
              a1.upWrite();
              return null;
            });
    assertTrue(
        ctx.reports().all().get(0).message().startsWith("possible recursive locking detected"));
  }

  @Test
  void releasingALockNotHeldIsReportedByLockdepAndAsABug() {
    SyncContext ctx = TestKernels.lockdep();
    RwSemaphore a = new RwSemaphore(ctx, "a", A);
    Task.create("t").call(() -> assertThrows(KernelBug.class, a::upRead));
    List<Report> reports = ctx.reports().all();
    assertEquals(ReportKind.LOCKDEP, reports.get(0).kind());
    assertTrue(
        reports
            .get(0)
            .message()
            .startsWith("bad unlock balance detected: t is trying to release a"));
    assertEquals(ReportKind.BUG, reports.get(1).kind());
  }

  @Test
  void lockdepAssertHeldWarnsForATaskThatDoesNotHoldIt() throws Exception {
    SyncContext ctx = TestKernels.lockdep();
    RwSemaphore a = new RwSemaphore(ctx, "a", A);
    a.downRead();
    Thread other = TestKernels.start("other", Task.create("other"), a::assertHeld);
    other.join(5_000);
    a.upRead();
    assertEquals(ReportKind.WARN, ctx.reports().all().get(0).kind());
    assertTrue(ctx.reports().all().get(0).message().contains("other does not hold a"));
  }

  @Test
  void heldLocksBeyondTheFirstEntriesAndReleasedOutOfOrderStayHeldWithTheirModes() {
    SyncContext ctx = TestKernels.lockdep();
    Lockdep lockdep = ctx.lockdep();
    LockdepMap[] maps = new LockdepMap[8];
    for (int i = 0; i < maps.length; i++) {
      maps[i] = new LockdepMap("l" + i, new LockClassKey("class_" + i));
    }
    Task.create("t")
        .call(
            () -> {
              for (int i = 0; i < 7; i++) {
                lockdep.acquire(maps[i], 0, true, false);
              }
              assertTrue(lockdep.release(maps[2])); // not the innermost: the ones above move down
              for (int i = 0; i < 7; i++) {
                assertEquals(i != 2, lockdep.isHeld(maps[i], false), "l" + i);
              }
              lockdep.acquire(maps[7], 0, false, false);
              assertTrue(lockdep.isHeld(maps[7], true));
              assertFalse(lockdep.isHeld(maps[6], true)); // a read acquisition stays a read
              for (int i = 7; i >= 0; i--) {
                if (i != 2) {
                  assertTrue(lockdep.release(maps[i]), "l" + i);
                }
              }
              for (LockdepMap m : maps) {
                assertFalse(lockdep.isHeld(m, false));
              }
              return null;
            });
    assertEquals(List.of(), ctx.reports().all());
    // class_1 -> class_6 was recorded while seven locks were held; the reverse order closes it.
    Task.create("u")
        .call(
            () -> {
              lockdep.acquire(maps[6], 0, false, false);
              lockdep.acquire(maps[1], 0, false, false);
              return null;
            });
    assertEquals(
        List.of(
            "possible circular locking dependency detected: u is trying to acquire class_1 while"
                + " holding class_6, but the existing dependency chain is class_1 -> class_6"),
        ctx.reports().all().stream().map(Report::message).toList());
  }
}
