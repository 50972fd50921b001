package dev.lockkit.lockcore.mm;

import static dev.lockkit.lockcore.types.VmFlags.PAGE_SIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.lockcore.config.Config;
import dev.lockkit.lockcore.mm.FaultResult.Outcome;
import dev.lockkit.lockcore.sync.Errno;
import dev.lockkit.lockcore.sync.ExceptionTable;
import dev.lockkit.lockcore.sync.PtRegs;
import dev.lockkit.lockcore.sync.ReportKind;
import dev.lockkit.lockcore.sync.Task;
import dev.lockkit.lockcore.trace.TraceEvent;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.PageState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class KernelTest {
  static final String FULL =
      "ARCH_SUPPORTS_PER_VMA_LOCK,DEBUG_LOCK_ALLOC,LOCK_MM_AND_FIND_VMA,MMU,PER_VMA_LOCK,"
          + "PER_VMA_LOCK_STATS,SMP,TRACING";
  static final int RW = Kernel.PROT_READ | Kernel.PROT_WRITE;
  static final int ANON = Kernel.MAP_PRIVATE | Kernel.MAP_ANONYMOUS;
  static final long BASE = 0x400000;

  private final Kernel k = Kernel.boot(Config.parse(FULL));
  private final MmStruct mm = k.newMm();

  private long mapAt(long addr, long pages) {
    return k.mmap(mm, addr, pages * PAGE_SIZE, RW, ANON | Kernel.MAP_FIXED_NOREPLACE);
  }

  private List<String> maps() {
    return k.readMaps(mm).lines();
  }

  @Test
  void badMmapArgumentsAreRejectedAndChangeNothing() {
    assertEquals(BASE, mapAt(BASE, 4));
    List<String> before = maps();
    assertEquals(-Errno.EEXIST, mapAt(BASE + PAGE_SIZE, 1), "overlapping NOREPLACE");
    assertEquals(-Errno.EINVAL, k.mmap(mm, BASE + 1, PAGE_SIZE, RW, ANON | Kernel.MAP_FIXED));
    assertEquals(-Errno.EINVAL, k.mmap(mm, 0, 0, RW, ANON), "zero length");
    assertEquals(-Errno.EINVAL, k.mmap(mm, 0, PAGE_SIZE, 8, ANON), "bad prot");
    assertEquals(-Errno.EINVAL, k.mmap(mm, 0, PAGE_SIZE, RW, Kernel.MAP_ANONYMOUS), "no type");
    assertEquals(-Errno.EINVAL, k.mmap(mm, 0, PAGE_SIZE, RW, Kernel.MAP_PRIVATE), "no file");
    assertEquals(-Errno.EPERM, k.mmap(mm, PAGE_SIZE, PAGE_SIZE, RW, ANON | Kernel.MAP_FIXED));
    assertEquals(before, maps());
    assertEquals(List.of(), k.reports().all());
  }

  @Test
  void badMunmapAndMprotectArgumentsAreRejectedAndChangeNothing() {
    mapAt(BASE, 4);
    mapAt(BASE + 8 * PAGE_SIZE, 1);
    List<String> before = maps();
    assertEquals(-Errno.EINVAL, k.munmap(mm, BASE + 10, PAGE_SIZE), "unaligned");
    assertEquals(-Errno.EINVAL, k.munmap(mm, BASE, 0), "empty");
    assertEquals(-Errno.EINVAL, k.munmap(mm, BASE, -PAGE_SIZE), "negative");
    assertEquals(-Errno.ENOMEM, k.mprotect(mm, BASE, 9 * PAGE_SIZE, Kernel.PROT_READ), "hole");
    assertEquals(-Errno.EINVAL, k.mprotect(mm, BASE + 1, PAGE_SIZE, Kernel.PROT_READ));
    assertEquals(before, maps());
    assertEquals(0, k.munmap(mm, 0x7000_0000L, PAGE_SIZE), "unmapping nothing is fine");
    assertEquals(before, maps());
  }

  @Test
  void munmapSplitsAndMprotectSplits() {
    mapAt(BASE, 4);
    assertEquals(0, k.munmap(mm, BASE + PAGE_SIZE, PAGE_SIZE));
    assertEquals(0, k.mprotect(mm, BASE + 3 * PAGE_SIZE, PAGE_SIZE, Kernel.PROT_READ));
    assertEquals(
        List.of(
            "00400000-00401000 rw-p 00000000 00:00 0",
            "00402000-00403000 rw-p 00000000 00:00 0",
            "00403000-00404000 r--p 00000000 00:00 0"),
        maps());
    assertEquals(3, mm.mapCount().get());
  }

  @Test
  void faultOnUnmappedAddressIsSigsegvAndChangesNothing() {
    mapAt(BASE, 1);
    List<String> before = maps();
    FaultResult r = k.fault(mm, BASE + PAGE_SIZE, Access.READ);
    assertEquals(Outcome.SIGSEGV_MAPERR, r.outcome());
    assertFalse(mm.mmapLock().isLocked());
    assertEquals(before, maps());
    assertEquals(0, mm.pageTables().size());
    assertEquals(Outcome.SIGSEGV_ACCERR, k.fault(mm, BASE, Access.EXEC).outcome());
    assertFalse(mm.mmapLock().isLocked());
  }

  @Test
  void fileFaultRetriesUnderTheMmapLockAfterDroppingTheVmaLockForIo() {
    List<String> trace = new ArrayList<>();
    k.setTraceSink(e -> trace.add(e.canonical()));
    long f =
        Task.create("t")
            .call(
                () ->
                    k.mmapFile(mm, 0, PAGE_SIZE, Kernel.PROT_READ, Kernel.MAP_PRIVATE, "data", 3));
    trace.clear();
    FaultResult r = Task.create("t").call(() -> k.fault(mm, f, Access.READ));
    assertEquals(Outcome.OK, r.outcome());
    assertFalse(r.vmaLocked(), "completed on the mmap_lock path");
    assertEquals(
        List.of(
            "t: count_vm_vma_lock_event: VMA_LOCK_RETRY",
            "t: mmap_lock_start_locking: mm=mm1 write=false",
            "t: mmap_lock_acquire_returned: mm=mm1 write=false success=true",
            "t: mmap_lock_released: mm=mm1 write=false"),
        trace);
    assertEquals(PageState.FILE, mm.pageTables().get(f));
    assertEquals(
        Map.of(
            "VMA_LOCK_SUCCESS",
            0L,
            "VMA_LOCK_ABORT",
            0L,
            "VMA_LOCK_RETRY",
            1L,
            "VMA_LOCK_MISS",
            0L),
        k.vmaLockStats());
  }

  @Test
  void swapInCompletesWithTheLockAlreadyDropped() {
    long a = mapAt(BASE, 1);
    assertEquals(Outcome.OK, k.fault(mm, a, Access.WRITE).outcome());
    assertEquals(0, k.pageout(mm, a));
    FaultResult r = k.fault(mm, a, Access.READ);
    assertEquals("OK fault=MAJOR|COMPLETED path=vma_lock", r.toString());
    assertFalse(mm.mmapLock().isLocked());
    assertEquals(1, mm.mmMt().findVma(a).vmRefcnt().read(), "VMA lock released exactly once");
    assertEquals(PageState.ANON, mm.pageTables().get(a));
    assertEquals(-Errno.ENOMEM, k.pageout(mm, a + PAGE_SIZE), "unmapped");
    long b = mapAt(BASE + 4 * PAGE_SIZE, 1);
    assertEquals(-Errno.EINVAL, k.pageout(mm, b), "never touched: nothing to page out");
  }

  @Test
  void fatalSignalDuringAFaultThatWouldWaitEndsTheFault() {
    long f = k.mmapFile(mm, 0, PAGE_SIZE, Kernel.PROT_READ, Kernel.MAP_PRIVATE, "slow", 0);
    Task doomed = Task.create("doomed");
    doomed.sendFatalSignal();
    FaultResult r = doomed.call(() -> k.fault(mm, f, Access.READ));
    assertEquals(Outcome.FATAL_SIGNAL, r.outcome());
    assertFalse(mm.mmapLock().isLocked());
    assertEquals(1, mm.mmMt().findVma(f).vmRefcnt().read());
  }

  @Test
  void kernelModeFaultsAreFixedUpOrOops() {
    Kernel kk = Kernel.boot(Config.parse(FULL), new ExceptionTable(Set.of(0x1000L)));
    MmStruct m = kk.newMm();
    assertEquals(
        Outcome.KERNEL_FIXUP, kk.fault(m, BASE, Access.READ, PtRegs.kernel(0x1000)).outcome());
    assertEquals(
        Outcome.KERNEL_OOPS, kk.fault(m, BASE, Access.READ, PtRegs.kernel(0x2000)).outcome());
    assertEquals(ReportKind.OOPS, kk.reports().all().get(0).kind());
  }

  @Test
  void readMapsIsKillableWhileAWriterHoldsTheLock() throws Exception {
    mapAt(BASE, 1);
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    Thread writer =
        new Thread(
            () ->
                Task.create("writer")
                    .run(
                        () -> {
                          k.mmapLock().mmapWriteLock(mm);
                          held.countDown();
                          await(done);
                          k.mmapLock().mmapWriteUnlock(mm);
                        }));
    writer.start();
    held.await();
    Task reader = Task.create("reader");
    AtomicReference<MapsResult> result = new AtomicReference<>();
    Thread rt = new Thread(() -> reader.run(() -> result.set(k.readMaps(mm))));
    rt.start();
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!mm.mmapLock().isContended() && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    reader.sendFatalSignal();
    rt.join(5_000);
    assertEquals(-Errno.EINTR, result.get().error());
    done.countDown();
    writer.join(5_000);
    assertFalse(mm.mmapLock().isLocked());
  }

  private static void await(CountDownLatch l) {
    try {
      l.await();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void forkWriteLocksEveryParentVmaAndCopiesAnonymousPages() {
    long a = mapAt(BASE, 2);
    k.fault(mm, a, Access.WRITE);
    k.mmapFile(mm, 0, PAGE_SIZE, Kernel.PROT_READ, Kernel.MAP_SHARED, "shm", 0);
    List<TraceEvent> events = new ArrayList<>();
    k.setTraceSink(events::add);
    ForkResult fr = Task.create("parent").call(() -> k.fork(mm));
    assertEquals(0, fr.error());
    MmStruct child = fr.child();
    assertNotNull(child);
    assertEquals(maps(), k.readMaps(child).lines());
    assertEquals(PageState.ANON, child.pageTables().get(a));
    // Both VMAs of the parent were write-locked in the sequence fork held (now ended).
    int forkSeq = mm.mmLockSeq().readOnce() - 1;
    k.rcu().readLock();
    mm.mmMt().all().forEach(v -> assertEquals(forkSeq, v.vmLockSeq().get()));
    k.rcu().readUnlock();
    assertTrue(
        events.stream()
            .anyMatch(
                e -> e.canonical().equals("parent: mmap_lock_start_locking: mm=mm2 write=true")));
    assertEquals(List.of(), k.reports().all(), "nested mmap_lock must not upset lockdep");
  }

  @Test
  void munmapTraceShowsTheDowngrade() {
    long a = mapAt(BASE, 1);
    List<String> trace = new ArrayList<>();
    k.setTraceSink(e -> trace.add(e.canonical()));
    Task.create("u").run(() -> assertEquals(0, k.munmap(mm, a, PAGE_SIZE)));
    assertEquals(
        List.of(
            "u: mmap_lock_start_locking: mm=mm1 write=true",
            "u: mmap_lock_acquire_returned: mm=mm1 write=true success=true",
            "u: mmap_lock_acquire_returned: mm=mm1 write=false success=true",
            "u: mmap_lock_released: mm=mm1 write=false"),
        trace);
  }
}
