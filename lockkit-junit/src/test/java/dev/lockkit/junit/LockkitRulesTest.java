package dev.lockkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.finding.Severity;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The rules API on two copies of a small shop: one clean, one with a planted package cycle (store
 * and billing use each other) and a planted gating bug (ShopApi uses DiskStore, which exists only
 * with DISK_STORE, unguarded).
 */
class LockkitRulesTest {

  static final String BROKEN = "src/test/resources/shop-broken/";
  static final String CLEAN = "src/test/resources/shop-clean/";

  static LockkitProject broken() {
    return LockkitProject.sources(BROKEN + "src/main/java")
        .rules(BROKEN + "lockkit-rules.txt")
        .kconfig(BROKEN + "Kconfig");
  }

  static LockkitProject clean() {
    return LockkitProject.sources(CLEAN + "src/main/java")
        .rules(CLEAN + "lockkit-rules.txt")
        .kconfig(CLEAN + "Kconfig");
  }

  @Test
  void aCleanProjectPassesEveryRule() {
    for (LockkitRule rule :
        List.of(
            LockkitRules.noPackageCycles(),
            LockkitRules.noTypeCycles(),
            LockkitRules.layersRespected(),
            LockkitRules.noBannedApis(),
            LockkitRules.configGating(),
            LockkitRules.all())) {
      rule.check(clean());
    }
  }

  @Test
  void aPackageCycleFailsWithOneLinePerFindingNamingFileAndLine() {
    AssertionFailedError e =
        assertThrows(
            AssertionFailedError.class, () -> LockkitRules.noPackageCycles().check(broken()));
    List<String> lines = e.getMessage().lines().toList();
    assertEquals("no package cycles: 1 finding", lines.get(0));
    assertEquals(2, lines.size(), e.getMessage());
    assertTrue(
        lines
            .get(1)
            .matches(
                "  src/test/resources/shop-broken/src/main/java/com/example/shop/\\S+\\.java:\\d+(:\\d+)?: \\[cycle/package\\] .*"),
        lines.get(1));
    assertTrue(lines.get(1).contains("com.example.shop.billing"), lines.get(1));
    assertTrue(lines.get(1).contains("com.example.shop.store"), lines.get(1));
  }

  @Test
  void theGatingBugIsOneDynamicTestAtItsLineWithAWitnessConfiguration() throws Throwable {
    List<DynamicTest> tests = LockkitRules.configGating().dynamicTests(broken()).toList();
    List<DynamicTest> unguarded =
        tests.stream()
            .filter(t -> t.getDisplayName().contains("[gate/unguarded-reference]"))
            .toList();
    assertEquals(1, unguarded.size(), names(tests).toString());
    DynamicTest t = unguarded.get(0);
    assertTrue(
        t.getDisplayName()
            .startsWith(
                "src/test/resources/shop-broken/src/main/java/com/example/shop/api/ShopApi.java:17"),
        t.getDisplayName());
    AssertionFailedError e =
        assertThrows(AssertionFailedError.class, () -> t.getExecutable().execute());
    assertTrue(e.getMessage().contains("DISK_STORE=n"), e.getMessage());
  }

  @Test
  void aRuleWithoutFindingsIsOnePassingDynamicTest() throws Throwable {
    List<DynamicTest> tests = LockkitRules.noPackageCycles().dynamicTests(clean()).toList();
    assertEquals(List.of("no package cycles: no findings"), names(tests));
    tests.get(0).getExecutable().execute();
  }

  @Test
  void theLayerBreakOfTheCycleIsALayerFinding() {
    // store (a lower layer) using billing (a higher one) breaks the declared order.
    AssertionFailedError e =
        assertThrows(
            AssertionFailedError.class, () -> LockkitRules.layersRespected().check(broken()));
    assertTrue(e.getMessage().contains("MemoryStore.java:"), e.getMessage());
    assertTrue(e.getMessage().contains("[layer/forbidden]"), e.getMessage());
  }

  @Test
  void aSeverityThresholdLeavesOutLesserFindings() {
    int all = LockkitRules.all().findings(broken()).size();
    int errors = LockkitRules.all().atLeast(Severity.ERROR).findings(broken()).size();
    assertTrue(errors <= all);
    assertTrue(
        LockkitRules.all().atLeast(Severity.ERROR).findings(broken()).stream()
            .allMatch(f -> f.severity() == Severity.ERROR));
  }

  @Test
  void aMissingKconfigIsAClearErrorNamingTheFile() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                LockkitRules.configGating()
                    .check(LockkitProject.sources(CLEAN + "src/main/java").kconfig("no/Kconfig")));
    assertEquals("lockkit: Kconfig no/Kconfig not found", e.getMessage());
  }

  @Test
  void rulesCanBeWrittenInTheTestClass() {
    LockkitProject p =
        LockkitProject.sources(CLEAN + "src/main/java")
            .rulesText("version 1", "forbid com.example.shop.api.** -> com.example.shop.store.**");
    AssertionFailedError e =
        assertThrows(AssertionFailedError.class, () -> LockkitRules.layersRespected().check(p));
    assertTrue(e.getMessage().contains("ShopApi.java:"), e.getMessage());
  }

  private static List<String> names(List<DynamicTest> tests) {
    return tests.stream().map(DynamicTest::getDisplayName).toList();
  }
}
