package dev.lockkit.golden.lockcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.lockcore.memory.MemoryOp;
import dev.lockkit.golden.lockcore.memory.Vma;
import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Scenario;
import dev.lockkit.golden.target.RealThreads;
import dev.lockkit.lockcore.config.HistoricalBug;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real-threads driver that the Fray runs use, exercised here without Fray. */
class RealThreadsTest {

  private static final Scenario NOMMU =
      Scenario.builder("nommu-faults")
          .config("!MMU")
          .setup(new Vma(0x10000, 0x20000, "rw-"))
          .task(
              t ->
                  t.op(new MemoryOp.Fault(0x80000, false, true))
                      .op(new MemoryOp.Mmap(0x30000, 0x31000, "rw-", Vma.Growth.NONE)))
          .build();

  @Test
  void aScenarioRunsCleanOnRealThreads() throws InterruptedException {
    assertEquals(
        List.of(), RealThreads.run(NOMMU, Variant.parse("DEBUG_LOCK_ALLOC"), new LockcoreTarget()));
  }

  @Test
  void aReportedFailureEndsTheRunAndIsReturned() throws InterruptedException {
    List<String> f =
        RealThreads.run(
            NOMMU,
            Variant.parse("DEBUG_LOCK_ALLOC"),
            new LockcoreTarget(HistoricalBug.NOMMU_LOCK_LEAK));
    assertEquals(1, f.size(), f.toString());
    assertTrue(f.get(0).startsWith("LOCKDEP: "), f.toString());
  }
}
