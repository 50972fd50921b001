package dev.lockkit.lockcore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RwSemaphoreTest {
  private static final LockClassKey KEY = new LockClassKey("test_sem");

  @Test
  void writersExcludeEveryoneAndNothingDeadlocksUnderStress() throws Exception {
    SyncContext ctx = TestKernels.plain();
    RwSemaphore sem = new RwSemaphore(ctx, "sem", KEY);
    AtomicInteger readers = new AtomicInteger();
    AtomicInteger writers = new AtomicInteger();
    AtomicInteger violations = new AtomicInteger();
    AtomicLong ops = new AtomicLong();
    long stop = System.nanoTime() + 400_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      boolean writer = i % 3 == 0;
      int id = i;
      threads.add(
          TestKernels.start(
              "w" + i,
              Task.create("t" + i),
              () -> {
                int n = 0;
                while (System.nanoTime() < stop && n < 200_000) {
                  n++;
                  if (writer || n % 7 == id) {
                    if (n % 2 == 0) {
                      sem.downWrite();
                    } else {
                      assertEquals(0, sem.downWriteKillable());
                    }
                    if (writers.incrementAndGet() != 1 || readers.get() != 0) {
                      violations.incrementAndGet();
                    }
                    writers.decrementAndGet();
                    if (n % 5 == 0) {
                      sem.downgradeWrite();
                      readers.incrementAndGet();
                      readers.decrementAndGet();
                      sem.upRead();
                    } else {
                      sem.upWrite();
                    }
                  } else {
                    sem.downRead();
                    readers.incrementAndGet();
                    if (writers.get() != 0) {
                      violations.incrementAndGet();
                    }
                    readers.decrementAndGet();
                    sem.upRead();
                  }
                  ops.incrementAndGet();
                }
              }));
    }
    for (Thread t : threads) {
      t.join(10_000);
      assertFalse(t.isAlive(), "deadlock: " + t.getName() + " still running");
    }
    assertEquals(0, violations.get());
    assertTrue(ops.get() > 1000, "too little progress: " + ops.get());
    assertFalse(sem.isLocked());
    assertFalse(sem.isContended());
    assertEquals(List.of(), ctx.reports().all());
  }

  @Test
  void queuedWriterIsNotStarvedByAStreamOfReaders() throws Exception {
    SyncContext ctx = TestKernels.plain();
    RwSemaphore sem = new RwSemaphore(ctx, "sem", KEY);
    AtomicBoolean writerDone = new AtomicBoolean();
    AtomicInteger readsAfterWriterQueued = new AtomicInteger();
    List<Thread> readers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      // Overlapping readers: there is always at least one inside, so without queueing behind a
      // waiting writer the count would never reach zero.
      readers.add(
          TestKernels.start(
              "r" + i,
              Task.create("r" + i),
              () -> {
                while (!writerDone.get()) {
                  sem.downRead();
                  if (sem.isContended()) {
                    readsAfterWriterQueued.incrementAndGet();
                  }
                  Thread.onSpinWait();
                  sem.upRead();
                }
              }));
    }
    Thread.sleep(20);
    Thread writer =
        TestKernels.start(
            "writer",
            Task.create("writer"),
            () -> {
              sem.downWrite();
              sem.upWrite();
              writerDone.set(true);
            });
    writer.join(5_000);
    assertTrue(writerDone.get(), "writer starved");
    for (Thread r : readers) {
      r.join(5_000);
      assertFalse(r.isAlive());
    }
  }

  @Test
  void killableWaitsReturnEintrOnFatalSignalAndLeaveTheLockConsistent() throws Exception {
    SyncContext ctx = TestKernels.plain();
    RwSemaphore sem = new RwSemaphore(ctx, "sem", KEY);
    sem.downWrite();
    Task reader = Task.create("reader");
    Task writer = Task.create("writer");
    AtomicInteger readResult = new AtomicInteger(1);
    AtomicInteger writeResult = new AtomicInteger(1);
    Thread tr = TestKernels.start("reader", reader, () -> readResult.set(sem.downReadKillable()));
    Thread tw = TestKernels.start("writer", writer, () -> writeResult.set(sem.downWriteKillable()));
    TestKernels.awaitBlocked(tr);
    TestKernels.awaitBlocked(tw);
    assertTrue(sem.isContended());
    reader.sendFatalSignal();
    writer.sendFatalSignal();
    tr.join(5_000);
    tw.join(5_000);
    assertEquals(-Errno.EINTR, readResult.get());
    assertEquals(-Errno.EINTR, writeResult.get());
    assertFalse(sem.isContended(), "the killed waiters must have left the queue");
    assertTrue(sem.isWriteOwner());
    sem.upWrite();
    assertTrue(sem.downWriteTrylock(), "lock must be free again");
    sem.upWrite();
  }

  @Test
  void fatalSignalDoesNotStopAnUncontendedAcquisition() {
    RwSemaphore sem = new RwSemaphore(TestKernels.plain(), "sem", KEY);
    Task t = Task.create("doomed");
    t.sendFatalSignal();
    t.call(
        () -> {
          assertEquals(0, sem.downReadKillable());
          sem.upRead();
          assertEquals(0, sem.downWriteKillable());
          sem.upWrite();
          return null;
        });
  }

  @Test
  void unlockingALockNotHeldIsAReportedBugThatChangesNothing() {
    SyncContext ctx = TestKernels.plain();
    RwSemaphore sem = new RwSemaphore(ctx, "sem", KEY);
    KernelBug bug = assertThrows(KernelBug.class, sem::upRead);
    assertTrue(bug.getMessage().contains("up_read: sem is not read-locked"), bug.getMessage());
    assertThrows(KernelBug.class, sem::upWrite);
    assertEquals(ReportKind.BUG, ctx.reports().all().get(0).kind());
    assertEquals(2, ctx.reports().all().size());
    assertFalse(sem.isLocked());
    sem.downRead();
    assertThrows(KernelBug.class, sem::upWrite, "a reader cannot up_write");
    assertEquals(1, sem.readers());
    sem.upRead();
    assertFalse(sem.isLocked());
  }

  @Test
  void downgradeLetsQueuedReadersInButKeepsWritersOut() throws Exception {
    RwSemaphore sem = new RwSemaphore(TestKernels.plain(), "sem", KEY);
    sem.downWrite();
    AtomicBoolean readerIn = new AtomicBoolean();
    Thread r =
        TestKernels.start(
            "r",
            Task.create("r"),
            () -> {
              sem.downRead();
              readerIn.set(true);
              sem.upRead();
            });
    TestKernels.awaitBlocked(r);
    sem.downgradeWrite();
    r.join(5_000);
    assertTrue(readerIn.get());
    assertFalse(sem.downWriteTrylock(), "still read-locked by us");
    assertThrows(KernelBug.class, sem::assertHeldWrite);
    sem.assertHeld();
    sem.upRead();
    assertTrue(sem.downWriteTrylock());
    sem.upWrite();
  }

  @Test
  void trylocksFailWhileAnybodyIsQueued() throws Exception {
    RwSemaphore sem = new RwSemaphore(TestKernels.plain(), "sem", KEY);
    sem.downRead();
    Thread w =
        TestKernels.start(
            "w",
            Task.create("w"),
            () -> {
              sem.downWrite();
              sem.upWrite();
            });
    TestKernels.awaitBlocked(w);
    assertFalse(sem.downReadTrylock(), "a reader must not jump a queued writer");
    sem.upRead();
    w.join(5_000);
    assertFalse(w.isAlive());
    assertTrue(sem.downReadTrylock());
    sem.upRead();
  }
}
