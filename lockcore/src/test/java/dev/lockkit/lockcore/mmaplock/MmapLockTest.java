package dev.lockkit.lockcore.mmaplock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.lockcore.config.Config;
import dev.lockkit.lockcore.sync.Errno;
import dev.lockkit.lockcore.sync.ExceptionTable;
import dev.lockkit.lockcore.sync.SyncContext;
import dev.lockkit.lockcore.sync.Task;
import dev.lockkit.lockcore.trace.MmapLockEvent;
import dev.lockkit.lockcore.trace.TraceEvent;
import dev.lockkit.lockcore.trace.Tracer;
import dev.lockkit.lockcore.types.MmStruct;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class MmapLockTest {
  static final String PER_VMA_TRACING =
      "ARCH_SUPPORTS_PER_VMA_LOCK,LOCK_MM_AND_FIND_VMA,MMU,PER_VMA_LOCK,SMP,TRACING";

  /** A kernel fragment whose sink records, per event, the lock and sequence state it saw. */
  static final class Rig {
    final SyncContext ctx;
    final Tracer tracer;
    final MmapLock lock;
    final MmStruct mm;
    final List<String> log = new ArrayList<>();

    Rig(String config) {
      ctx = new SyncContext(Config.parse(config), ExceptionTable.empty());
      tracer = new Tracer(ctx.config());
      lock = new MmapLock(ctx, tracer);
      mm = new MmStruct(ctx, "mm1");
      tracer.setSink(this::record);
    }

    private void record(TraceEvent e) {
      MmapLockEvent m = (MmapLockEvent) e;
      String state = mm.mmapLock().isWriteLocked() ? "W" : mm.mmapLock().isLocked() ? "R" : "-";
      String seq =
          ctx.config().isEnabled(dev.lockkit.lockcore.config.Option.PER_VMA_LOCK)
              ? ((mm.mmLockSeq().readOnce() & 1) == 1 ? " odd" : " even")
              : "";
      log.add(
          m.point().eventName().substring("mmap_lock_".length())
              + "("
              + (m.write() ? "w" : "r")
              + (m.point() == MmapLockEvent.Tracepoint.ACQUIRE_RETURNED ? "," + m.success() : "")
              + ") "
              + state
              + seq);
    }
  }

  @Test
  void writeLockUnlockAndDowngradeTraceAndSequenceInKernelOrder() {
    Rig r = new Rig(PER_VMA_TRACING);
    r.lock.mmapWriteLock(r.mm);
    r.lock.mmapWriteUnlock(r.mm);
    r.lock.mmapWriteLock(r.mm);
    r.lock.mmapWriteDowngrade(r.mm);
    r.lock.mmapReadUnlock(r.mm);
    assertEquals(
        List.of(
            "start_locking(w) - even",
            "acquire_returned(w,true) W odd",
            "released(w) W odd",
            "start_locking(w) - even",
            "acquire_returned(w,true) W odd",
            "acquire_returned(r,true) W odd",
            "released(r) R even"),
        r.log);
    assertEquals(4, r.mm.mmLockSeq().readOnce());
  }

  @Test
  void readLocksTraceButNeverTouchTheSequence() {
    Rig r = new Rig(PER_VMA_TRACING);
    r.lock.mmapReadLock(r.mm);
    assertTrue(r.lock.mmapReadTrylock(r.mm));
    assertEquals(0, r.lock.mmapReadLockKillable(r.mm));
    r.lock.mmapAssertLocked(r.mm);
    r.lock.mmapReadUnlock(r.mm);
    r.lock.mmapReadUnlock(r.mm);
    r.lock.mmapReadUnlock(r.mm);
    assertEquals(0, r.mm.mmLockSeq().readOnce());
    assertEquals(9, r.log.size());
    assertEquals("acquire_returned(r,true) R even", r.log.get(3));
  }

  @Test
  void killableWriteLockInterruptedReturnsEintrAndLeavesTheSequenceEven() throws Exception {
    Rig r = new Rig(PER_VMA_TRACING);
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    Thread holder =
        new Thread(
            () -> {
              Task.create("holder").bindToCurrentThread();
              r.lock.mmapReadLock(r.mm);
              held.countDown();
              try {
                done.await();
              } catch (InterruptedException e) {
                throw new AssertionError(e);
              }
              r.lock.mmapReadUnlock(r.mm);
            });
    holder.start();
    held.await();
    Task victim = Task.create("victim");
    victim.sendFatalSignal();
    int ret = victim.call(() -> r.lock.mmapWriteLockKillable(r.mm));
    assertEquals(-Errno.EINTR, ret);
    assertEquals("acquire_returned(w,false) R even", r.log.get(r.log.size() - 1));
    assertFalse(r.lock.mmapLockIsContended(r.mm));
    done.countDown();
    holder.join(5_000);
    assertFalse(r.mm.mmapLock().isLocked());
  }

  @Test
  void speculationFailsWhileWriteLockedAndDetectsWriters() {
    Rig r = new Rig(PER_VMA_TRACING);
    OptionalInt s = r.lock.mmapLockSpeculateTryBegin(r.mm);
    assertTrue(s.isPresent());
    assertFalse(r.lock.mmapLockSpeculateRetry(r.mm, s.getAsInt()));
    r.lock.mmapWriteLock(r.mm);
    assertTrue(r.lock.mmapLockSpeculateTryBegin(r.mm).isEmpty());
    r.lock.mmapWriteUnlock(r.mm);
    assertTrue(r.lock.mmapLockSpeculateRetry(r.mm, s.getAsInt()));
  }

  @Test
  void withoutPerVmaLockSpeculationStubsAlwaysFailAndNothingIsTracedWithoutTracing() {
    Rig r = new Rig("MMU,SMP");
    assertTrue(r.lock.mmapLockSpeculateTryBegin(r.mm).isEmpty());
    assertTrue(r.lock.mmapLockSpeculateRetry(r.mm, 0));
    r.lock.mmapWriteLock(r.mm);
    r.lock.mmapWriteUnlock(r.mm);
    assertEquals(List.of(), r.log);
  }
}
