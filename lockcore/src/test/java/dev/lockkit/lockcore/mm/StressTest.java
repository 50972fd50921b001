package dev.lockkit.lockcore.mm;

import static dev.lockkit.lockcore.types.VmAreaStruct.VMA_LOCK_OFFSET;
import static dev.lockkit.lockcore.types.VmAreaStruct.VMA_REF_LIMIT;
import static dev.lockkit.lockcore.types.VmFlags.PAGE_SIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.lockcore.config.Config;
import dev.lockkit.lockcore.mm.FaultResult.Outcome;
import dev.lockkit.lockcore.sync.Kasan;
import dev.lockkit.lockcore.sync.Task;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.VmAreaStruct;
import dev.lockkit.lockcore.types.VmFlags;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real threads hammering one address space: faulting readers, an mprotect writer, an mmap/munmap
 * cycler (VMA reuse through the type-safe cache) and a forker. Bounded in time; checks the lock
 * invariants from inside the per-VMA read lock and that nothing was reported.
 */
class StressTest {
  @BeforeAll
  static void useAfterFreeIsCheckedOnRealThreads() {
    // The poison checks are the model's KASAN, off on the real JVM unless enabled: without them
    // a use-after-free on these threads would go unreported and the test could not fail on it.
    Kasan.enable();
  }

  private static final long A = 0x400000;
  private static final long A_PAGES = 8;
  private static final long B = 0x800000;
  private static final long RUN_NANOS = 700_000_000L;

  @ParameterizedTest
  @ValueSource(
      strings = {
        KernelTest.FULL,
        "ARCH_SUPPORTS_PER_VMA_LOCK,LOCK_MM_AND_FIND_VMA,MMU,PER_VMA_LOCK,SMP",
        "LOCK_MM_AND_FIND_VMA,MMU,SMP"
      })
  void invariantsHoldUnderConcurrentFaultsAndWriters(String name) throws Exception {
    CRASHES.clear();
    Config config = Config.parse(name);
    boolean perVma = config.isEnabled(dev.lockkit.lockcore.config.Option.PER_VMA_LOCK);
    Kernel k = Kernel.boot(config);
    MmStruct mm = k.newMm();
    int rw = Kernel.PROT_READ | Kernel.PROT_WRITE;
    int anon = Kernel.MAP_PRIVATE | Kernel.MAP_ANONYMOUS | Kernel.MAP_FIXED_NOREPLACE;
    assertEquals(A, k.mmap(mm, A, A_PAGES * PAGE_SIZE, rw, anon));
    ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    AtomicLong faults = new AtomicLong();
    AtomicLong vmaReads = new AtomicLong();
    long stop = System.nanoTime() + RUN_NANOS;
    List<Thread> threads = new ArrayList<>();

    for (int i = 0; i < 3; i++) {
      int id = i;
      threads.add(
          thread(
              "reader" + i,
              () -> {
                long n = 0;
                while (System.nanoTime() < stop) {
                  n++;
                  long addr = A + ((n * 7 + id) % A_PAGES) * PAGE_SIZE + 8;
                  FaultResult r = k.fault(mm, addr, Access.READ);
                  if (r.outcome() != Outcome.OK) {
                    violations.add("read fault in A: " + r);
                  }
                  long b = B + (n % 4) * PAGE_SIZE;
                  Outcome ob = k.fault(mm, b, Access.READ).outcome();
                  if (ob != Outcome.OK && ob != Outcome.SIGSEGV_MAPERR) {
                    violations.add("fault in B: " + ob);
                  }
                  faults.addAndGet(2);
                  if (perVma) {
                    checkUnderVmaLock(k, mm, addr, violations, vmaReads);
                  }
                }
              }));
    }
    threads.add(
        thread(
            "mprotect",
            () -> {
              long n = 0;
              while (System.nanoTime() < stop) {
                n++;
                int prot = n % 2 == 0 ? rw : Kernel.PROT_READ;
                long len = (n % 3 == 0 ? A_PAGES : A_PAGES / 2) * PAGE_SIZE;
                int r = k.mprotect(mm, A, len, prot);
                if (r != 0) {
                  violations.add("mprotect " + r);
                }
              }
            }));
    threads.add(
        thread(
            "mapper",
            () -> {
              while (System.nanoTime() < stop) {
                long r = k.mmap(mm, B, 4 * PAGE_SIZE, rw, anon);
                if (r != B) {
                  violations.add("mmap B " + r);
                }
                k.fault(mm, B + PAGE_SIZE, Access.WRITE);
                if (k.munmap(mm, B, 4 * PAGE_SIZE) != 0) {
                  violations.add("munmap B");
                }
              }
            }));
    threads.add(
        thread(
            "forker",
            () -> {
              while (System.nanoTime() < stop) {
                ForkResult f = k.fork(mm);
                if (f.error() != 0 || f.child() == null) {
                  violations.add("fork " + f.error());
                }
                sleep(5);
              }
            }));

    for (Thread t : threads) {
      t.join(20_000);
      assertFalse(t.isAlive(), "deadlock or livelock: " + t.getName() + " still running");
    }
    assertEquals(List.of(), new ArrayList<>(CRASHES));
    assertEquals(List.of(), new ArrayList<>(violations));
    assertEquals(List.of(), k.reports().all());
    assertTrue(faults.get() > 10, "too little progress: " + faults.get());
    assertFalse(mm.mmapLock().isLocked());
    if (perVma) {
      assertTrue(vmaReads.get() > 0);
      k.rcu().readLock();
      for (VmAreaStruct v : mm.mmMt().all()) {
        assertEquals(1, v.vmRefcnt().read(), "attached, unlocked, no readers: " + v);
      }
      k.rcu().readUnlock();
    }
  }

  /** Inside the VMA read lock: no writer is in this VMA, and the count is in range. */
  private static void checkUnderVmaLock(
      Kernel k,
      MmStruct mm,
      long addr,
      ConcurrentLinkedQueue<String> violations,
      AtomicLong reads) {
    VmAreaStruct v = k.vmaLock().lockVmaUnderRcu(mm, addr);
    if (v == null) {
      return;
    }
    reads.incrementAndGet();
    int c = v.vmRefcnt().read();
    int readers = (c & ~VMA_LOCK_OFFSET) - 1;
    if (c < 0 || readers < 1 || readers > VMA_REF_LIMIT) {
      violations.add("refcount out of range while read-locked: " + c);
    }
    long flags = v.vmFlags();
    for (int i = 0; i < 200; i++) {
      Thread.onSpinWait(); // widen the window in which a writer that ignored our lock shows up
    }
    long prot = v.vmPageProt();
    if (VmFlags.pageProt(flags) != prot || v.vmFlags() != flags) {
      violations.add("saw a VMA being written: flags " + flags + " page_prot " + prot);
    }
    if (v.vmLockSeq().get() == mm.mmLockSeq().rawRead()) {
      violations.add("read-locked VMA is write-locked");
    }
    if (addr < v.vmStart() || addr >= v.vmEnd() || v.vmMm() != mm) {
      violations.add("wrong VMA " + v);
    }
    k.vmaLock().vmaEndRead(v);
  }

  private static final ConcurrentLinkedQueue<String> CRASHES = new ConcurrentLinkedQueue<>();

  private static Thread thread(String name, Runnable body) {
    Thread t =
        new Thread(
            () -> {
              try {
                Task.create(name).run(body);
              } catch (Throwable e) {
                CRASHES.add(name + ": " + e);
              }
            },
            name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
