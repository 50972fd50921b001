package dev.lockkit.lockcore.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.lockcore.config.Config;
import dev.lockkit.lockcore.sync.ExceptionTable;
import dev.lockkit.lockcore.sync.Kasan;
import dev.lockkit.lockcore.sync.KernelBug;
import dev.lockkit.lockcore.sync.PoisonFault;
import dev.lockkit.lockcore.sync.ReportKind;
import dev.lockkit.lockcore.sync.SyncContext;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VmaTreeTest {
  private SyncContext ctx;
  private MmStruct mm;
  private int serial;

  @BeforeEach
  void boot() {
    ctx = new SyncContext(Config.parse("DEBUG_LOCK_ALLOC,MMU"), ExceptionTable.empty());
    mm = new MmStruct(ctx, "mm1");
  }

  private VmAreaStruct vma(long start, long end) {
    VmAreaStruct v = new VmAreaStruct(ctx, ++serial);
    v.init(mm);
    v.setVmStart(start);
    v.setVmEnd(end);
    return v;
  }

  @Test
  void lookupsFollowTheKernelDefinitions() {
    VmAreaStruct a = vma(0x1000, 0x3000);
    VmAreaStruct b = vma(0x5000, 0x6000);
    mm.mmapLock().downWrite();
    mm.mmMt().insert(b);
    mm.mmMt().insert(a);
    assertSame(a, mm.mmMt().walk(0x1000));
    assertNull(mm.mmMt().walk(0x3000), "vm_end is exclusive");
    assertSame(b, mm.mmMt().findVma(0x3000), "find_vma: first VMA ending above");
    assertNull(mm.mmMt().findVma(0x6000));
    assertSame(a, mm.mmMt().findVmaPrev(0x4000).prev());
    assertSame(b, mm.mmMt().findVmaPrev(0x7000).prev());
    assertEquals(List.of(a, b), mm.mmMt().intersecting(0x2000, 0x5001));
    assertSame(a, mm.mmMt().prev(b));
    assertSame(b, mm.mmMt().next(a));
    mm.mmapLock().upWrite();
    assertEquals(List.of(), ctx.reports().all());
  }

  @Test
  void modificationWithoutTheWriteLockIsABugAndOverlapIsRejected() {
    VmAreaStruct a = vma(0x1000, 0x3000);
    assertThrows(KernelBug.class, () -> mm.mmMt().insert(a));
    mm.mmapLock().downRead();
    assertThrows(KernelBug.class, () -> mm.mmMt().insert(a), "a read lock is not enough");
    mm.mmapLock().upRead();
    mm.mmapLock().downWrite();
    mm.mmMt().insert(a);
    assertThrows(KernelBug.class, () -> mm.mmMt().insert(vma(0x2000, 0x4000)));
    assertEquals(1, mm.mmMt().size());
    mm.mmapLock().upWrite();
  }

  @Test
  void replacedNodesArePoisonedAfterTheGracePeriodAndReadingWithoutProtectionIsFlagged() {
    Kasan.enable(); // the real JVM checks for use-after-free only with the model's KASAN on
    mm.mmapLock().downWrite();
    mm.mmMt().insert(vma(0x1000, 0x2000));
    VmaTree.Node before = readRootForTest();
    mm.mmMt().insert(vma(0x3000, 0x4000));
    mm.mmapLock().upWrite();
    ctx.rcu().pollCallbacks();
    assertTrue(before.isPoisoned(), "the node replaced by the second insert was freed");
    assertThrows(PoisonFault.class, () -> before.firstEndingAfter(0));
    mm.mmMt().findVma(0); // neither RCU nor mmap_lock
    assertEquals(ReportKind.WARN, ctx.reports().all().get(1).kind());
    assertTrue(ctx.reports().all().get(1).message().startsWith("suspicious RCU usage"));
  }

  private VmaTree.Node readRootForTest() {
    ctx.rcu().readLock();
    try {
      return mm.mmMt().rootForTest();
    } finally {
      ctx.rcu().readUnlock();
    }
  }
}
