package dev.lockkit.lockcore.vmalock;

import static dev.lockkit.lockcore.types.VmAreaStruct.VMA_LOCK_OFFSET;
import static dev.lockkit.lockcore.types.VmAreaStruct.VMA_REF_LIMIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.lockcore.config.Config;
import dev.lockkit.lockcore.mmaplock.MmapLock;
import dev.lockkit.lockcore.sync.Errno;
import dev.lockkit.lockcore.sync.ExceptionTable;
import dev.lockkit.lockcore.sync.KernelBug;
import dev.lockkit.lockcore.sync.Platform;
import dev.lockkit.lockcore.sync.Platforms;
import dev.lockkit.lockcore.sync.ReportKind;
import dev.lockkit.lockcore.sync.SyncContext;
import dev.lockkit.lockcore.sync.Task;
import dev.lockkit.lockcore.trace.Tracer;
import dev.lockkit.lockcore.trace.VmaLockEvent;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmAreaStruct;
import dev.lockkit.lockcore.types.VmFlags;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VmaLockPerVmaTest {
  private static final long START = 0x100000;
  private static final long END = 0x104000;

  private SyncContext ctx;
  private Tracer tracer;
  private MmapLock mmapLock;
  private VmaLockPerVma vl;
  private MmStruct mm;
  private int serial;

  @BeforeEach
  void boot() {
    ctx =
        new SyncContext(
            Config.parse(
                "ARCH_SUPPORTS_PER_VMA_LOCK,DEBUG_LOCK_ALLOC,LOCK_MM_AND_FIND_VMA,MMU,PER_VMA_LOCK,"
                    + "PER_VMA_LOCK_STATS,SMP"),
            ExceptionTable.empty());
    tracer = new Tracer(ctx.config());
    mmapLock = new MmapLock(ctx, tracer);
    vl = new VmaLockPerVma(ctx, mmapLock, tracer);
    mm = new MmStruct(ctx, "mm1");
  }

  private VmAreaStruct newVma(MmStruct owner) {
    VmAreaStruct v = new VmAreaStruct(ctx, ++serial);
    v.init(owner);
    vl.vmaLockInit(v, false);
    v.setVmStart(START);
    v.setVmEnd(END);
    v.setVmFlags(VmFlags.VM_READ | VmFlags.VM_WRITE);
    return v;
  }

  private VmAreaStruct attached(MmStruct owner) {
    VmAreaStruct v = newVma(owner);
    mmapLock.mmapWriteLock(owner);
    vl.vmaStartWrite(v);
    vl.vmaMarkAttached(v);
    owner.mmMt().insert(v);
    mmapLock.mmapWriteUnlock(owner);
    return v;
  }

  private static Thread start(String name, Runnable body) {
    Thread t =
        new Thread(
            () -> {
              Task.create(name).bindToCurrentThread();
              body.run();
            },
            name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Test
  void refcountEncodesDetachedAttachedAndReaders() {
    VmAreaStruct v = newVma(mm);
    assertEquals(0, v.vmRefcnt().read());
    mmapLock.mmapWriteLock(mm);
    vl.vmaStartWrite(v);
    vl.vmaMarkAttached(v);
    mm.mmMt().insert(v);
    mmapLock.mmapWriteUnlock(mm);
    assertEquals(1, v.vmRefcnt().read());
    assertSame(v, vl.lockVmaUnderRcu(mm, START + 10));
    assertEquals(2, v.vmRefcnt().read());
    vl.vmaAssertLocked(v);
    vl.vmaEndRead(v);
    assertEquals(1, v.vmRefcnt().read());
    assertNull(vl.lockVmaUnderRcu(mm, END), "end is exclusive");
    assertEquals(1, tracer.vmEvents().get(VmaLockEvent.VMA_LOCK_ABORT));
    assertEquals(List.of(), ctx.reports().all());
  }

  @Test
  void readersFailWhileTheVmaIsWriteLockedUntilTheMmapLockIsDropped() {
    VmAreaStruct v = attached(mm);
    mmapLock.mmapWriteLock(mm);
    vl.vmaStartWrite(v);
    vl.vmaAssertWriteLocked(v);
    assertEquals(mm.mmLockSeq().readOnce(), v.vmLockSeq().get());
    assertNull(vl.lockVmaUnderRcu(mm, START));
    assertEquals(1, v.vmRefcnt().read(), "a failed reader must give its reference back");
    mmapLock.mmapWriteUnlock(mm);
    assertSame(v, vl.lockVmaUnderRcu(mm, START), "vma_end_write_all released every VMA");
    vl.vmaEndRead(v);
  }

  @Test
  void vmaStartWriteDrainsReadersAndBlocksNewOnes() throws Exception {
    VmAreaStruct v = attached(mm);
    CountDownLatch readLocked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread reader =
        start(
            "reader",
            () -> {
              assertSame(v, vl.lockVmaUnderRcu(mm, START));
              readLocked.countDown();
              await(release);
              vl.vmaEndRead(v);
            });
    readLocked.await();
    AtomicBoolean writeLocked = new AtomicBoolean();
    CountDownLatch unlock = new CountDownLatch(1);
    Thread writer =
        start(
            "writer",
            () -> {
              mmapLock.mmapWriteLock(mm);
              vl.vmaStartWrite(v);
              writeLocked.set(true);
              await(unlock);
              mmapLock.mmapWriteUnlock(mm);
            });
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (v.vmRefcnt().read() != VMA_LOCK_OFFSET + 2 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    Thread.sleep(20);
    assertEquals(VMA_LOCK_OFFSET + 2, v.vmRefcnt().read(), "writer bias + attachment + reader");
    assertFalse(writeLocked.get(), "writer must wait for the reader");
    Task.create("late").run(() -> assertNull(vl.lockVmaUnderRcu(mm, START), "no new readers"));
    release.countDown();
    reader.join(5_000);
    while (!writeLocked.get() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertTrue(writeLocked.get());
    assertEquals(1, v.vmRefcnt().read());
    unlock.countDown();
    writer.join(5_000);
    assertEquals(List.of(), ctx.reports().all());
  }

  private static void await(CountDownLatch l) {
    try {
      l.await();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void detachedVmaGivesEagainAndReusedVmaFailsTheVmMmCheck() {
    VmAreaStruct detached = newVma(mm);
    ctx.rcu().readLock();
    try {
      VmaStartRead r = vl.vmaStartRead(mm, detached);
      assertFalse(r.ok());
      assertEquals(-Errno.EAGAIN, r.error());
    } finally {
      ctx.rcu().readUnlock();
    }
    MmStruct other = new MmStruct(ctx, "mm2");
    VmAreaStruct reused = attached(other);
    ctx.rcu().readLock();
    try {
      VmaStartRead r = vl.vmaStartRead(mm, reused);
      assertEquals(VmaStartRead.failed(), r);
      assertTrue(ctx.rcu().readLockHeld(), "the caller's RCU section is reinstated");
    } finally {
      ctx.rcu().readUnlock();
    }
    assertEquals(1, reused.vmRefcnt().read());
    assertEquals(1, other.mmCount(), "the other mm was pinned only across the put");
  }

  @Test
  void detachRacingWithLocklessLookupCountsMissThenAbort() throws Exception {
    AtomicReference<VmAreaStruct> found = new AtomicReference<>();
    AtomicBoolean armed = new AtomicBoolean();
    Thread readerThread = Thread.currentThread();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Platform base = Platforms.current();
    Platform hook =
        new Platform() {
          @Override
          public void beforeSharedAccess(Object location, String op) {
            // The first READ_ONCE in vma_start_read() is the early vm_lock_seq check: the VMA has
            // been found, no reference taken yet. Unmap it right there, on another task.
            if (Thread.currentThread() == readerThread
                && op.equals("int.getOpaque")
                && armed.compareAndSet(true, false)) {
              Thread t =
                  start(
                      "munmap",
                      () -> {
                        try {
                          mmapLock.mmapWriteLock(mm);
                          VmAreaStruct v = found.get();
                          vl.vmaStartWrite(v);
                          vl.vmaMarkDetached(v);
                          mm.mmMt().remove(v);
                          mmapLock.mmapWriteUnlock(mm);
                        } catch (Throwable e) {
                          failure.set(e);
                        }
                      });
              try {
                t.join(5_000);
              } catch (InterruptedException e) {
                throw new AssertionError(e);
              }
            }
            base.beforeSharedAccess(location, op);
          }

          @Override
          public void park(Object blocker) {
            base.park(blocker);
          }

          @Override
          public void unpark(Thread thread) {
            base.unpark(thread);
          }

          @Override
          public void spinWait(Object location) {
            base.spinWait(location);
          }
        };
    // Cells capture the platform they are made under: boot the kernel again inside the hook.
    Platforms.install(hook);
    try {
      boot();
      found.set(attached(mm));
      armed.set(true);
      assertNull(vl.lockVmaUnderRcu(mm, START));
    } finally {
      Platforms.install(base);
    }
    assertNull(failure.get());
    assertFalse(armed.get(), "the hook must have fired");
    assertEquals(1, tracer.vmEvents().get(VmaLockEvent.VMA_LOCK_MISS));
    assertEquals(1, tracer.vmEvents().get(VmaLockEvent.VMA_LOCK_ABORT));
    assertEquals(0, found.get().vmRefcnt().read());
  }

  @Test
  void startReadLockedNeedsTheMmapLockAndFailsOnlyAtTheLimit() {
    VmAreaStruct v = attached(mm);
    assertThrows(KernelBug.class, () -> vl.vmaStartReadLocked(v));
    mmapLock.mmapReadLock(mm);
    assertTrue(vl.vmaStartReadLocked(v));
    assertEquals(2, v.vmRefcnt().read());
    vl.vmaEndRead(v);
    v.vmRefcnt().set(VMA_REF_LIMIT);
    assertFalse(vl.vmaStartReadLockedNested(v, 1));
    assertEquals(VMA_REF_LIMIT, v.vmRefcnt().read());
    v.vmRefcnt().set(1);
    mmapLock.mmapReadUnlock(mm);
  }

  @Test
  void assertionsReportMisuse() {
    VmAreaStruct v = attached(mm);
    assertThrows(KernelBug.class, () -> vl.vmaAssertWriteLocked(v), "no mmap write lock");
    mmapLock.mmapWriteLock(mm);
    assertThrows(KernelBug.class, () -> vl.vmaAssertWriteLocked(v), "mmap locked, VMA not");
    assertThrows(KernelBug.class, () -> vl.vmaAssertLocked(v));
    vl.vmaStartWrite(v);
    vl.vmaMarkAttached(v); // already attached: WARN, then sets 1 as the kernel does
    mmapLock.mmapWriteUnlock(mm);
    assertEquals(ReportKind.WARN, ctx.reports().all().get(ctx.reports().all().size() - 1).kind());
    assertNotNull(ctx.reports().all().get(0).message());
  }
}
