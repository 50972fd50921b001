package dev.lockkit.lockcore.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Kconfig tests folded while the JVM has one configuration ({@code config.FoldedOption}): a
 * second configuration that disagrees on an option unfolds it before its kernel runs, and both
 * kernels then behave by their own configuration through code C2 compiled while the option was
 * folded. Each case runs {@link FoldedConfigMain} in a fresh JVM ({@code -Xbatch}), since this test
 * JVM has made every valid configuration.
 */
class FoldedConfigSwitchTest {

  private static final String ALL_FOLDED =
      "MMU,SMP,ARCH_SUPPORTS_PER_VMA_LOCK,PER_VMA_LOCK,LOCK_MM_AND_FIND_VMA,STACK_GROWSUP,"
          + "DEBUG_LOCK_ALLOC,TRACING,PER_VMA_LOCK_STATS";

  @Test
  void aDisagreeingConfigurationUnfoldsItsOptionsAndEachKernelFollowsItsOwn() throws Exception {
    Map<String, String> out = run("mix");
    assertEquals("false", out.get("unseen"), "no configuration made yet: nothing folded");
    assertEquals(ALL_FOLDED, out.get("foldedAfterA"));
    assertEquals("15", out.get("warmA.found"));
    assertEquals("0", out.get("warmA.warnings"));
    assertEquals("{}", out.get("warmA.stats"));
    // B differs on DEBUG_LOCK_ALLOC and PER_VMA_LOCK_STATS only.
    assertEquals(
        "MMU,SMP,ARCH_SUPPORTS_PER_VMA_LOCK,PER_VMA_LOCK,LOCK_MM_AND_FIND_VMA,STACK_GROWSUP,"
            + "TRACING",
        out.get("foldedAfterB"));
    assertEquals("15", out.get("b.found"));
    // DEBUG_LOCK_ALLOC: the unprotected walk is reported (once: a WARN_ONCE).
    assertEquals("1", out.get("b.warnings"));
    // PER_VMA_LOCK_STATS: 1,000 misses counted as aborts, 1,000 successes.
    String stats = out.get("b.stats");
    assertTrue(stats.contains("VMA_LOCK_ABORT=1000"), stats);
    // A, after the switch, still by its own configuration.
    assertEquals("15", out.get("a.found"));
    assertEquals("0", out.get("a.warnings"));
    assertEquals("{}", out.get("a.stats"));
  }

  @Test
  void anAgreeingConfigurationKeepsEveryOptionFolded() throws Exception {
    Map<String, String> out = run("same");
    assertEquals(ALL_FOLDED, out.get("foldedAfterA"));
    assertEquals(ALL_FOLDED, out.get("foldedAfterSame"));
    assertEquals("15", out.get("again.found"));
    assertEquals("0", out.get("again.warnings"));
  }

  private static Map<String, String> run(String mode) throws IOException, InterruptedException {
    return dev.lockkit.lockcore.sync.ChildJvm.run(FoldedConfigMain.class, mode, "128m", 180);
  }
}
