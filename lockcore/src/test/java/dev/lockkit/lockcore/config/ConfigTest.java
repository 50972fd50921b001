package dev.lockkit.lockcore.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

  @Test
  void perVmaLockWithoutMmuIsRejectedNamingTheUnmetDependency() {
    InvalidConfigException e =
        assertThrows(
            InvalidConfigException.class,
            () ->
                Config.builder()
                    .enable(Option.PER_VMA_LOCK, Option.SMP, Option.ARCH_SUPPORTS_PER_VMA_LOCK)
                    .build());
    assertEquals("PER_VMA_LOCK=y requires MMU, which is n", e.getMessage());
    assertEquals(Option.PER_VMA_LOCK, e.option());
  }

  @Test
  void lockMmAndFindVmaWithStackGrowsUpNamesTheNegatedDependency() {
    InvalidConfigException e =
        assertThrows(
            InvalidConfigException.class,
            () ->
                Config.of(
                    Map.of(
                        Option.MMU, true,
                        Option.STACK_GROWSUP, true,
                        Option.LOCK_MM_AND_FIND_VMA, true)));
    assertEquals(
        "LOCK_MM_AND_FIND_VMA=y requires !STACK_GROWSUP, but STACK_GROWSUP is y", e.getMessage());
  }

  @Test
  void statsWithoutPerVmaLockIsRejected() {
    InvalidConfigException e =
        assertThrows(
            InvalidConfigException.class,
            () -> Config.builder().enable(Option.MMU, Option.PER_VMA_LOCK_STATS).build());
    assertEquals("PER_VMA_LOCK_STATS=y requires PER_VMA_LOCK, which is n", e.getMessage());
  }

  @Test
  void allValidHoldsEachValidAssignmentOnceAndNothingElse() {
    List<Config> all = Config.allValid();
    // MMU=n: SMP, ARCH, DEBUG_LOCK_ALLOC, TRACING free (16). MMU=y: 3 stack/LMAFV combinations x
    // (3 SMP/ARCH pairs + 3 PER_VMA_LOCK/STATS choices) x 4 debug/tracing = 72.
    assertEquals(88, all.size());
    assertEquals(all.size(), new HashSet<>(all).size());
    for (Config c : all) {
      for (Option o : c.enabledOptions()) {
        assertTrue(o.dependency().eval(c), c + " violates " + o);
      }
    }
    assertEquals(all, Config.allValid(), "order must be stable");
  }

  @Test
  void nameIsSortedAndParsesBack() {
    Config c =
        Config.builder()
            .enable(Option.SMP, Option.MMU, Option.ARCH_SUPPORTS_PER_VMA_LOCK, Option.PER_VMA_LOCK)
            .build();
    assertEquals("ARCH_SUPPORTS_PER_VMA_LOCK,MMU,PER_VMA_LOCK,SMP", c.name());
    assertEquals(c, Config.parse(c.name()));
    assertEquals("none", Config.builder().build().name());
    assertEquals(Config.builder().build(), Config.parse("none"));
    for (Config v : Config.allValid()) {
      assertEquals(v, Config.parse(v.name()));
    }
  }

  @Test
  void unknownOptionInNameIsRejectedByName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Config.parse("MMU,NOMMU"));
    assertTrue(e.getMessage().contains("unknown option 'NOMMU'"), e.getMessage());
  }

  @Test
  void expressionsFollowKconfigPrecedence() {
    Config mmuOnly = Config.builder().enable(Option.MMU).build();
    assertTrue(ConfigExpr.parse("MMU && !STACK_GROWSUP").eval(mmuOnly));
    assertTrue(ConfigExpr.parse("SMP || MMU && !TRACING").eval(mmuOnly));
    assertFalse(ConfigExpr.parse("(SMP || MMU) && TRACING").eval(mmuOnly));
    assertFalse(ConfigExpr.parse("!MMU").eval(mmuOnly));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ConfigExpr.parse("MMU && FOO"));
    assertTrue(
        e.getMessage().contains("unknown option 'FOO'") && e.getMessage().contains("column 8"));
    assertThrows(IllegalArgumentException.class, () -> ConfigExpr.parse("(MMU"));
  }
}
