package dev.lockkit.lockcore.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.lockcore.config.Config;
import dev.lockkit.lockcore.config.HistoricalBug;
import dev.lockkit.lockcore.sync.ExceptionTable;
import dev.lockkit.lockcore.sync.Task;
import dev.lockkit.lockcore.types.MmStruct;
import org.junit.jupiter.api.Test;

/**
 * The historical-bug switches exist only behind {@link Kernel#bootWithHistoricalBug}: it refuses
 * configurations without the code the bug lived in, and the NOMMU switch really leaves the read
 * lock held where a normal boot releases it. (The concurrent bugs are shown by the golden suite in
 * {@code fixtures}, under the controlled scheduler.)
 */
class HistoricalBugBootTest {

  private static final Config NOMMU = Config.parse("");
  private static final Config MMU = Config.parse("LOCK_MM_AND_FIND_VMA,MMU");

  @Test
  void aBugIsRefusedWhereItsCodeDoesNotExist() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Kernel.bootWithHistoricalBug(NOMMU, ExceptionTable.empty(), HistoricalBug.STACKROT));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Kernel.bootWithHistoricalBug(
                MMU, ExceptionTable.empty(), HistoricalBug.NOMMU_LOCK_LEAK));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Kernel.bootWithHistoricalBug(
                MMU, ExceptionTable.empty(), HistoricalBug.FORK_WITHOUT_VMA_LOCK));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Kernel.bootWithHistoricalBug(
                MMU, ExceptionTable.empty(), HistoricalBug.VMA_REUSE_WITHOUT_MM_CHECK));
    assertNotNull(
        Kernel.bootWithHistoricalBug(MMU, ExceptionTable.empty(), HistoricalBug.STACKROT));
    assertNotNull(
        Kernel.bootWithHistoricalBug(
            Config.parse("ARCH_SUPPORTS_PER_VMA_LOCK,MMU,PER_VMA_LOCK,SMP"),
            ExceptionTable.empty(),
            HistoricalBug.VMA_REUSE_WITHOUT_MM_CHECK));
    assertNotNull(
        Kernel.bootWithHistoricalBug(
            Config.parse("ARCH_SUPPORTS_PER_VMA_LOCK,MMU,PER_VMA_LOCK,SMP"),
            ExceptionTable.empty(),
            HistoricalBug.FORK_WITHOUT_VMA_LOCK));
  }

  /** Whether the mmap_lock is still held after a fault on an unmapped address failed. */
  private static boolean lockedAfterFailedFault(Kernel k) {
    return Task.create("t")
        .call(
            () -> {
              MmStruct mm = k.newMm();
              FaultResult r = k.fault(mm, 0x80000, Access.READ);
              assertEquals(FaultResult.Outcome.SIGSEGV_MAPERR, r.outcome());
              return mm.mmapLock().isLocked();
            });
  }

  @Test
  void theNommuLockLeakKeepsTheReadLockOnlyWhenSwitchedOn() {
    assertFalse(lockedAfterFailedFault(Kernel.boot(NOMMU)));
    assertTrue(
        lockedAfterFailedFault(
            Kernel.bootWithHistoricalBug(
                NOMMU, ExceptionTable.empty(), HistoricalBug.NOMMU_LOCK_LEAK)));
  }
}
