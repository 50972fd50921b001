package dev.lockkit.lockcore.mmaplock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.lockcore.sync.ExceptionTable;
import dev.lockkit.lockcore.sync.PtRegs;
import dev.lockkit.lockcore.sync.Task;
import dev.lockkit.lockcore.types.VmAreaStruct;
import dev.lockkit.lockcore.types.VmFlags;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LockMmAndFindVmaTest {
  private static final long STACK = 0x200000;
  private static final long STACK_END = 0x204000;

  private static VmAreaStruct map(MmapLockTest.Rig r, long start, long end, long flags) {
    VmAreaStruct v = new VmAreaStruct(r.ctx, 1);
    v.init(r.mm);
    v.setVmStart(start);
    v.setVmEnd(end);
    v.setVmFlags(flags);
    r.lock.mmapWriteLock(r.mm);
    r.mm.mmMt().insert(v);
    r.lock.mmapWriteUnlock(r.mm);
    r.log.clear();
    return v;
  }

  private static final long RW = VmFlags.VM_READ | VmFlags.VM_WRITE;

  @Test
  void hitReturnsWithTheReadLockHeld() {
    MmapLockTest.Rig r = new MmapLockTest.Rig("LOCK_MM_AND_FIND_VMA,MMU,TRACING");
    VmAreaStruct v = map(r, STACK, STACK_END, RW);
    LockMmAndFindVmaMmu f = new LockMmAndFindVmaMmu(r.lock, ExceptionTable.empty(), (x, a) -> -1);
    assertSame(v, f.lockMmAndFindVma(r.mm, STACK + 1, PtRegs.user()));
    assertEquals(1, r.mm.mmapLock().readers());
    r.lock.mmapReadUnlock(r.mm);
    assertEquals(
        List.of("start_locking(r) -", "acquire_returned(r,true) R", "released(r) R"), r.log);
  }

  @Test
  void addressBelowAGrowsDownStackIsExpandedUnderTheWriteLockThenDowngraded() {
    MmapLockTest.Rig r = new MmapLockTest.Rig("LOCK_MM_AND_FIND_VMA,MMU,TRACING");
    VmAreaStruct v = map(r, STACK, STACK_END, RW | VmFlags.VM_GROWSDOWN);
    List<String> calls = new ArrayList<>();
    StackExpander grow =
        (vma, addr) -> {
          calls.add("expand owner=" + r.mm.mmapLock().isWriteOwner());
          vma.setVmStart(addr & VmFlags.PAGE_MASK);
          r.mm.mmMt().update(vma);
          return 0;
        };
    LockMmAndFindVmaMmu f = new LockMmAndFindVmaMmu(r.lock, ExceptionTable.empty(), grow);
    assertSame(v, f.lockMmAndFindVma(r.mm, STACK - 10, PtRegs.user()));
    assertEquals(List.of("expand owner=true"), calls);
    assertEquals(STACK - VmFlags.PAGE_SIZE, v.vmStart());
    assertEquals(1, r.mm.mmapLock().readers());
    assertEquals(
        List.of(
            "start_locking(r) -",
            "acquire_returned(r,true) R",
            "released(r) R",
            "start_locking(w) -",
            "acquire_returned(w,true) W",
            "acquire_returned(r,true) W"),
        r.log);
    r.lock.mmapReadUnlock(r.mm);
  }

  @Test
  void failuresReturnNullWithNothingHeld() {
    MmapLockTest.Rig r = new MmapLockTest.Rig("LOCK_MM_AND_FIND_VMA,MMU");
    map(r, STACK, STACK_END, RW | VmFlags.VM_GROWSDOWN);
    LockMmAndFindVmaMmu failing =
        new LockMmAndFindVmaMmu(r.lock, ExceptionTable.empty(), (x, a) -> -12);
    assertNull(failing.lockMmAndFindVma(r.mm, STACK - 10, PtRegs.user()), "expansion failed");
    assertFalse(r.mm.mmapLock().isLocked());
    assertNull(failing.lockMmAndFindVma(r.mm, STACK_END + 10, PtRegs.user()), "nothing above");
    assertFalse(r.mm.mmapLock().isLocked());
  }

  @Test
  void kernelFaultOutsideTheExceptionTablesGivesUpInsteadOfWaiting() throws Exception {
    MmapLockTest.Rig r = new MmapLockTest.Rig("LOCK_MM_AND_FIND_VMA,MMU");
    map(r, STACK, STACK_END, RW);
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    Thread writer =
        new Thread(
            () -> {
              Task.create("writer").bindToCurrentThread();
              r.lock.mmapWriteLock(r.mm);
              held.countDown();
              try {
                done.await();
              } catch (InterruptedException e) {
                throw new AssertionError(e);
              }
              r.lock.mmapWriteUnlock(r.mm);
            });
    writer.start();
    held.await();
    LockMmAndFindVmaMmu f =
        new LockMmAndFindVmaMmu(r.lock, new ExceptionTable(Set.of(0xc0deL)), (x, a) -> -1);
    assertNull(f.lockMmAndFindVma(r.mm, STACK, PtRegs.kernel(0xbadL)));
    Task killed = Task.create("killed");
    killed.sendFatalSignal();
    assertNull(
        killed.call(() -> f.lockMmAndFindVma(r.mm, STACK, PtRegs.kernel(0xc0deL))),
        "an expected kernel fault waits killably");
    done.countDown();
    writer.join(5_000);
    assertFalse(r.mm.mmapLock().isLocked());
  }

  @Test
  void nommuVersionUnlocksWhenNothingIsMapped() {
    MmapLockTest.Rig r = new MmapLockTest.Rig("SMP,TRACING");
    VmAreaStruct v = map(r, STACK, STACK_END, RW);
    LockMmAndFindVmaNommu f = new LockMmAndFindVmaNommu(r.lock);
    assertNull(f.lockMmAndFindVma(r.mm, STACK - 10, PtRegs.user()));
    assertFalse(r.mm.mmapLock().isLocked(), "the read lock must not leak");
    assertSame(v, f.lockMmAndFindVma(r.mm, STACK, PtRegs.user()));
    assertTrue(r.mm.mmapLock().isLocked());
    r.lock.mmapReadUnlock(r.mm);
  }
}
