package dev.lockkit.lockcore.mm;

import static dev.lockkit.lockcore.types.VmFlags.PAGE_SIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lockkit.lockcore.config.Config;
import dev.lockkit.lockcore.mm.FaultResult.Outcome;
import dev.lockkit.lockcore.sync.ExceptionTable;
import dev.lockkit.lockcore.sync.PtRegs;
import dev.lockkit.lockcore.types.MmStruct;
import dev.lockkit.lockcore.types.PageState;
import dev.lockkit.lockcore.types.Pte;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The write bit of a page-table entry follows the kernel: a read fault maps read-only, a write
 * fault writable (and a write into a VMA without VM_WRITE installs nothing), a write on a read-only
 * entry of a writable VMA makes it writable, mprotect to read-only clears it, fork clears it on
 * both sides of a private mapping.
 */
class PageTableWriteBitTest {
  private static final long BASE = 0x400000;
  private static final int RW = Kernel.PROT_READ | Kernel.PROT_WRITE;
  private static final int ANON = Kernel.MAP_PRIVATE | Kernel.MAP_ANONYMOUS;

  private static List<Config> configs() {
    // With and without the per-VMA lock path, and without MMU (lock_mm_and_find_vma for NOMMU).
    return List.of(
        Config.parse(KernelTest.FULL),
        Config.parse("ARCH_SUPPORTS_PER_VMA_LOCK,LOCK_MM_AND_FIND_VMA,MMU,SMP"),
        Config.parse("SMP"));
  }

  private static Outcome fault(Kernel k, MmStruct mm, long addr, Access a) {
    return k.fault(mm, addr, a, PtRegs.user()).outcome();
  }

  private static Pte pte(MmStruct mm, long addr) {
    return mm.pageTables().pte(addr);
  }

  @Test
  void aReadFaultMapsReadOnlyAndTheFirstWriteMakesTheEntryWritable() {
    for (Config c : configs()) {
      Kernel k = Kernel.boot(c, ExceptionTable.empty());
      MmStruct mm = k.newMm();
      assertEquals(BASE, k.mmap(mm, BASE, 2 * PAGE_SIZE, RW, ANON | Kernel.MAP_FIXED_NOREPLACE));
      assertEquals(Outcome.OK, fault(k, mm, BASE, Access.READ));
      assertEquals(new Pte(PageState.ANON, false), pte(mm, BASE), c.toString());
      assertEquals(Outcome.OK, fault(k, mm, BASE, Access.WRITE));
      assertEquals(new Pte(PageState.ANON, true), pte(mm, BASE), c.toString());
      assertEquals(Outcome.OK, fault(k, mm, BASE + PAGE_SIZE, Access.WRITE));
      assertEquals(new Pte(PageState.ANON, true), pte(mm, BASE + PAGE_SIZE), c.toString());
    }
  }

  @Test
  void aWriteIntoAReadOnlyVmaIsASigsegvAndInstallsNoEntry() {
    for (Config c : configs()) {
      Kernel k = Kernel.boot(c, ExceptionTable.empty());
      MmStruct mm = k.newMm();
      k.mmap(mm, BASE, PAGE_SIZE, Kernel.PROT_READ, ANON | Kernel.MAP_FIXED_NOREPLACE);
      assertEquals(Outcome.SIGSEGV_ACCERR, fault(k, mm, BASE, Access.WRITE), c.toString());
      assertNull(pte(mm, BASE), c.toString());
      assertEquals(Outcome.OK, fault(k, mm, BASE, Access.READ));
      assertEquals(new Pte(PageState.ANON, false), pte(mm, BASE), c.toString());
      assertEquals(Outcome.SIGSEGV_ACCERR, fault(k, mm, BASE, Access.WRITE), c.toString());
      assertEquals(
          new Pte(PageState.ANON, false), pte(mm, BASE), "a refused write changes nothing");
    }
  }

  @Test
  void mprotectToReadOnlyWriteProtectsItsRangeOnlyAndAddingWriteLeavesEntriesReadOnly() {
    Kernel k = Kernel.boot(Config.parse(KernelTest.FULL), ExceptionTable.empty());
    MmStruct mm = k.newMm();
    k.mmap(mm, BASE, 4 * PAGE_SIZE, RW, ANON | Kernel.MAP_FIXED_NOREPLACE);
    for (int i = 0; i < 4; i++) {
      fault(k, mm, BASE + i * PAGE_SIZE, Access.WRITE);
    }
    assertEquals(0, k.mprotect(mm, BASE + 2 * PAGE_SIZE, 2 * PAGE_SIZE, Kernel.PROT_READ));
    assertEquals(new Pte(PageState.ANON, true), pte(mm, BASE + PAGE_SIZE), "below the range");
    assertEquals(new Pte(PageState.ANON, false), pte(mm, BASE + 2 * PAGE_SIZE));
    assertEquals(new Pte(PageState.ANON, false), pte(mm, BASE + 3 * PAGE_SIZE));
    assertEquals(0, k.mprotect(mm, BASE + 2 * PAGE_SIZE, 2 * PAGE_SIZE, RW));
    assertEquals(new Pte(PageState.ANON, false), pte(mm, BASE + 2 * PAGE_SIZE), "until a write");
    assertEquals(Outcome.OK, fault(k, mm, BASE + 2 * PAGE_SIZE, Access.WRITE));
    assertEquals(new Pte(PageState.ANON, true), pte(mm, BASE + 2 * PAGE_SIZE));
  }

  @Test
  void theOldWritePermissionPlantedInMprotectLeavesAWritableEntryInAReadOnlyVma() {
    Kernel k =
        Kernel.bootWithPlantedBug(
            Config.parse(KernelTest.FULL), ExceptionTable.empty(), PlantedBug.MPROTECT_KEEPS_WRITE);
    MmStruct mm = k.newMm();
    k.mmap(mm, BASE, 2 * PAGE_SIZE, RW, ANON | Kernel.MAP_FIXED_NOREPLACE);
    fault(k, mm, BASE + PAGE_SIZE, Access.WRITE);
    assertEquals(0, k.mprotect(mm, BASE + PAGE_SIZE, PAGE_SIZE, Kernel.PROT_READ));
    assertEquals(new Pte(PageState.ANON, true), pte(mm, BASE + PAGE_SIZE));
  }

  @Test
  void forkWriteProtectsPrivateAnonymousEntriesInTheParentAndTheChild() {
    Kernel k = Kernel.boot(Config.parse(KernelTest.FULL), ExceptionTable.empty());
    MmStruct mm = k.newMm();
    k.mmap(mm, BASE, PAGE_SIZE, RW, ANON | Kernel.MAP_FIXED_NOREPLACE);
    fault(k, mm, BASE, Access.WRITE);
    MmStruct child = k.fork(mm).child();
    assertEquals(new Pte(PageState.ANON, false), pte(mm, BASE));
    assertEquals(new Pte(PageState.ANON, false), pte(child, BASE));
    assertEquals(Outcome.OK, fault(k, child, BASE, Access.WRITE));
    assertEquals(new Pte(PageState.ANON, true), pte(child, BASE), "the child's write copies");
    assertEquals(new Pte(PageState.ANON, false), pte(mm, BASE), "the parent's stays protected");
  }
}
