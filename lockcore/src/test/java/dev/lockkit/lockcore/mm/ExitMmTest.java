package dev.lockkit.lockcore.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.lockcore.config.Config;
import dev.lockkit.lockcore.sync.PoisonFault;
import dev.lockkit.lockcore.sync.ReportKind;
import dev.lockkit.lockcore.sync.Task;
import dev.lockkit.lockcore.types.MmStruct;
import org.junit.jupiter.api.Test;

/**
 * {@link Kernel#exitMm}: {@code mmput()} tears the address space down and frees the mm_struct
 * unless it is pinned, and a wake-up through a freed mm's {@code vma_writer_wait} is reported as a
 * use-after-free (what the 6.16.1 {@code vm_mm} check in {@code vma_start_read} prevents).
 */
class ExitMmTest {

  private static final Config PER_VMA =
      Config.parse("ARCH_SUPPORTS_PER_VMA_LOCK,MMU,PER_VMA_LOCK,SMP");

  private static MmStruct forkedChild(Kernel k, MmStruct parent) {
    long a =
        k.mmap(
            parent,
            0x10000,
            0x10000,
            Kernel.PROT_READ | Kernel.PROT_WRITE,
            Kernel.MAP_PRIVATE | Kernel.MAP_ANONYMOUS | Kernel.MAP_FIXED_NOREPLACE);
    assertEquals(0x10000, a);
    assertTrue(k.fault(parent, 0x10000, Access.WRITE).toString().contains("OK"));
    ForkResult r = k.fork(parent);
    assertEquals(0, r.error());
    return r.child();
  }

  @Test
  void exitUnmapsEverythingAndFreesTheMmButLeavesTheParentAlone() {
    Task.create("t")
        .call(
            () -> {
              Kernel k = Kernel.boot(PER_VMA);
              MmStruct parent = k.newMm();
              MmStruct child = forkedChild(k, parent);
              assertEquals(1, child.mapCount().get());
              assertEquals(0, k.exitMm(child));
              assertEquals(0, child.mapCount().get());
              assertEquals(0, child.pageTables().size());
              assertTrue(child.isFreed());
              assertFalse(parent.isFreed());
              assertEquals(1, parent.mapCount().get());
              assertEquals(1, parent.pageTables().size());
              assertTrue(k.reports().all().isEmpty(), k.reports().all().toString());
              return null;
            });
  }

  @Test
  void aPinnedMmIsFreedByTheLastMmdropNotByTheExit() {
    Task.create("t")
        .call(
            () -> {
              Kernel k = Kernel.boot(PER_VMA);
              MmStruct child = forkedChild(k, k.newMm());
              child.mmgrab();
              k.exitMm(child);
              assertFalse(child.isFreed());
              assertEquals(0, child.mmdrop());
              assertTrue(child.isFreed());
              return null;
            });
  }

  @Test
  void aWakeUpThroughAFreedMmIsAReportedUseAfterFree() {
    Task.create("t")
        .call(
            () -> {
              Kernel k = Kernel.boot(PER_VMA);
              MmStruct child = forkedChild(k, k.newMm());
              assertFalse(child.vmaWriterWait().wakeUp());
              k.exitMm(child);
              assertThrows(PoisonFault.class, () -> child.vmaWriterWait().wakeUp());
              assertEquals(ReportKind.POISON, k.reports().all().get(0).kind());
              assertTrue(
                  k.reports().all().get(0).message().contains("vma_writer_wait of freed mm2"),
                  k.reports().all().get(0).message());
              return null;
            });
  }
}
