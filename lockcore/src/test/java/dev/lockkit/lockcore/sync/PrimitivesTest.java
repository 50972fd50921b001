package dev.lockkit.lockcore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrimitivesTest {

  @Test
  void refcountIncNotZeroLimitedRespectsZeroAndLimit() {
    Reports r = new Reports();
    Refcount c = new Refcount(r, 0);
    assertEquals(new Refcount.Attempt(false, 0), c.incNotZeroLimitedAcquire(10));
    c.set(1);
    assertEquals(new Refcount.Attempt(true, 1), c.incNotZeroLimitedAcquire(10));
    c.set(10);
    assertEquals(new Refcount.Attempt(false, 10), c.incNotZeroLimitedAcquire(10));
    assertEquals(10, c.read());
    assertTrue(r.all().isEmpty());
  }

  @Test
  void refcountDecrementsAndSaturatesOnUnderflow() {
    Reports r = new Reports();
    Refcount c = new Refcount(r, 2);
    assertEquals(new Refcount.Dec(false, 2), c.decAndTest());
    assertEquals(new Refcount.Dec(true, 1), c.decAndTest());
    c.decAndTest(); // underflow
    assertEquals(Refcount.REFCOUNT_SATURATED, c.read());
    assertEquals(ReportKind.WARN, r.all().get(0).kind());
    assertTrue(r.all().get(0).message().contains("underflow"));
    assertFalse(c.addNotZero(0) && c.read() > 0, "a saturated counter stays negative");
  }

  @Test
  void refcountAddNotZeroAndSubAndTest() {
    Reports r = new Reports();
    Refcount c = new Refcount(r, 0);
    assertFalse(c.addNotZero(5));
    assertEquals(0, c.read());
    c.setRelease(1);
    assertTrue(c.addNotZero(0x40000000));
    assertEquals(0x40000001, c.read());
    assertFalse(c.subAndTest(0x40000000));
    assertEquals(1, c.read());
    assertTrue(c.subAndTest(1));
    assertTrue(r.all().isEmpty());
    c.set(Integer.MAX_VALUE);
    c.addNotZero(1);
    assertEquals(Refcount.REFCOUNT_SATURATED, c.read());
    assertTrue(r.all().get(0).message().contains("saturated"));
  }

  @Test
  void seqcountTryBeginFailsWhileAWriterIsInside() {
    SeqCount s = new SeqCount();
    int start = s.tryBegin().getAsInt();
    assertFalse(s.readRetry(start));
    s.writeBegin();
    assertTrue(s.tryBegin().isEmpty());
    assertEquals(1, s.rawRead() & 1);
    s.writeEnd();
    assertTrue(s.readRetry(start), "a completed write must be detected");
    assertEquals(start + 2, s.tryBegin().getAsInt());
  }

  @Test
  void rcuwaitLosesNoWakeUps() throws Exception {
    SyncContext ctx = TestKernels.plain();
    RcuWait w = new RcuWait(ctx.reports());
    SharedInt value = new SharedInt(0);
    int rounds = 20_000;
    AtomicInteger seen = new AtomicInteger();
    Thread waiter =
        TestKernels.start(
            "waiter",
            Task.create("waiter"),
            () -> {
              for (int i = 1; i <= rounds; i++) {
                int target = i;
                w.waitEvent(() -> value.get() >= target);
                seen.set(i);
              }
            });
    for (int i = 1; i <= rounds; i++) {
      value.set(i);
      w.wakeUp();
      while (seen.get() < i) {
        Thread.onSpinWait();
        if (!waiter.isAlive()) {
          break;
        }
      }
    }
    waiter.join(10_000);
    assertEquals(rounds, seen.get());
    assertFalse(w.active());
  }

  @Test
  void typesafePoolReusesAtOnceAndCatchesDoubleFree() {
    Reports r = new Reports();
    AtomicInteger made = new AtomicInteger();
    TypesafePool<Object> pool = new TypesafePool<>("objs", () -> "obj" + made.incrementAndGet(), r);
    Object a = pool.alloc();
    pool.free(a);
    assertSame(a, pool.alloc(), "freed object must be reused immediately");
    pool.free(a);
    assertThrows(KernelBug.class, () -> pool.free(a));
    assertSame(a, pool.alloc());
    assertEquals(1, made.get());
  }

  @Test
  void taskCallBindsAndRestoresCurrent() {
    Task outer = Task.current();
    Task t = Task.create("inner");
    assertEquals("inner", t.call(() -> Task.current().name()));
    assertSame(outer, Task.current());
    assertFalse(t.fatalSignalPending());
    t.sendFatalSignal();
    assertTrue(t.fatalSignalPending());
  }

  @Test
  void spinlockRejectsUnlockOfUnlocked() {
    SpinLock l = new SpinLock();
    assertThrows(IllegalStateException.class, l::unlock);
    l.lock();
    assertFalse(l.tryLock());
    l.unlock();
    assertTrue(l.tryLock());
  }

  @Test
  void everyCellOperationIsASchedulingPoint() {
    AtomicInteger hooks = new AtomicInteger();
    Platform counting =
        new Platform() {
          @Override
          public void beforeSharedAccess(Object location, String op) {
            hooks.incrementAndGet();
          }

          @Override
          public void park(Object blocker) {}

          @Override
          public void unpark(Thread thread) {}

          @Override
          public void spinWait(Object location) {}
        };
    Platform prev = Platforms.install(counting);
    try {
      SharedLong l = new SharedLong(0);
      l.get();
      l.set(1);
      l.compareAndSet(1, 2);
      l.getAndAdd(1);
      SharedRef<String> s = new SharedRef<>("a");
      s.getAcquire();
      s.setRelease("b");
    } finally {
      Platforms.install(prev);
    }
    assertEquals(6, hooks.get());
  }
}
