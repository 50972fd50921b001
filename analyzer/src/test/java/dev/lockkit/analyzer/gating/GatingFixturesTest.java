package dev.lockkit.analyzer.gating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.kconfig.KconfigException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** One fixture per rule, including the kernel review's situations. */
class GatingFixturesTest {
  private static final Map<String, GatingAnalyzer.Result> RESULTS = new HashMap<>();

  private static synchronized GatingAnalyzer.Result result(String name) {
    return RESULTS.computeIfAbsent(
        name,
        n -> {
          try {
            return GatingAnalyzer.run(
                Fixtures.roots(n), Fixtures.kconfig(n), true, Fixtures.GUARDS);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
  }

  /** The findings of {@code rule} in a case, in report order. */
  private static List<Finding> of(String name, String rule) {
    return result(name).plainFindings().stream().filter(f -> f.rule().equals(rule)).toList();
  }

  private static List<Finding> aboveInfo(String name) {
    return result(name).plainFindings().stream()
        .filter(f -> f.severity() != Severity.INFO)
        .toList();
  }

  private static void assertWitness(Finding f, String... settings) {
    SortedMap<String, Boolean> w = f.witness();
    for (String s : settings) {
      String[] kv = s.split("=");
      assertEquals(kv[1].equals("y"), w.get(kv[0]), s + " in " + w);
    }
  }

  @Test
  void callOfAMemberThatIsMissingOnSomeMmuKernelsIsReportedWithItsWitness() {
    List<Finding> f = of("unguarded-reference", "gate/unguarded-reference");
    assertEquals(1, f.size(), f.toString());
    Finding only = f.get(0);
    assertEquals("fx.mm.Memory#fault/2 -> fx.mm.Memory#lockMmAndFindVma/1", only.key());
    assertEquals("fx/mm/Memory.java:16:14", only.location().toString());
    assertTrue(
        only.message()
            .startsWith(
                "with MMU=y, LOCK_MM_AND_FIND_VMA=n, fx.mm.Memory#fault/2 calls"
                    + " fx.mm.Memory#lockMmAndFindVma/1, which does not exist"),
        only.message());
    assertWitness(only, "MMU=y", "LOCK_MM_AND_FIND_VMA=n");
    assertTrue(result("unguarded-reference").model().isValid(only.witness()));
  }

  @Test
  void useOfAVariationPointWithoutImplementationIsAMissingDefinition() {
    List<Finding> f = of("missing-definition", "gate/missing-definition");
    assertEquals(1, f.size(), f.toString());
    assertEquals("fx.mm.Fault#handle/2 -> fx.mm.LockMmAndFindVma", f.get(0).key());
    assertWitness(f.get(0), "MMU=y", "LOCK_MM_AND_FIND_VMA=n");
    assertEquals(List.of(), of("missing-definition", "gate/declared-not-defined"));
  }

  @Test
  void reviewersLockMmAndFindVmaQuestionIsAnsweredDeclaredNotDefinedAndNotCalled() {
    assertEquals(List.of(), aboveInfo("declared-not-defined"));
    List<Finding> f = of("declared-not-defined", "gate/declared-not-defined");
    assertEquals(1, f.size());
    assertEquals("fx.mm.LockMmAndFindVma", f.get(0).key());
    assertWitness(f.get(0), "MMU=y", "LOCK_MM_AND_FIND_VMA=n");
    assertTrue(f.get(0).message().contains("is declared but not defined"), f.get(0).message());
    assertTrue(f.get(0).message().contains("nothing uses it there"), f.get(0).message());
  }

  @Test
  void overlappingImplementationsAndTwiceDefinedMethodsAreDuplicates() {
    List<Finding> f = of("duplicate-definition", "gate/duplicate-definition");
    assertEquals(2, f.size(), f.toString());
    Finding method = f.get(0);
    assertEquals(
        "fx.mm.Mmap#releaseFaultLock(int): fx.mm.Mmap#releaseFaultLock/1 + fx.mm.Mmap#releaseFaultLock/1",
        method.key());
    assertWitness(method, "MMU=y", "PER_VMA_LOCK=y");
    Finding impls = f.get(1);
    assertEquals(
        "fx.mm.LockMmAndFindVma: fx.mm.ArchLockMmAndFindVma + fx.mm.MmuLockMmAndFindVma",
        impls.key());
    assertWitness(impls, "MMU=y", "LOCK_MM_AND_FIND_VMA=n");
    assertEquals(2, impls.related().size());
  }

  @Test
  void conditionsNoValidConfigurationSatisfiesAreDead() {
    List<Finding> f = of("dead", "gate/dead");
    assertEquals(2, f.size(), f.toString());
    assertEquals(9, f.get(0).location().line());
    assertTrue(f.get(0).message().contains("PER_VMA_LOCK depends on MMU"), f.get(0).message());
    assertEquals(14, f.get(1).location().line());
    assertTrue(f.get(1).key().startsWith("guarded branch in fx.mm.VmaLock#startRead/1"));
    assertTrue(f.stream().allMatch(x -> x.severity() == Severity.WARNING));
  }

  @Test
  void nestedConditionsImpliedByTheEnclosingOneAreRedundant() {
    List<Finding> f = of("redundant", "gate/redundant");
    assertEquals(2, f.size(), f.toString());
    assertEquals("@IfConfig in fx.mm.VmaLock#assertLocked/0: MMU", f.get(0).key());
    assertEquals(Severity.INFO, f.get(0).severity());
    assertTrue(f.get(0).message().contains("where PER_VMA_LOCK holds"), f.get(0).message());
    assertEquals("guarded branch in fx.mm.VmaLock#count/1: SMP", f.get(1).key());
    // the other side of the redundant early exit is dead code
    List<Finding> dead = of("redundant", "gate/dead");
    assertEquals(1, dead.size());
    assertEquals(17, dead.get(0).location().line());
  }

  @Test
  void unknownSymbolsPointAtTheNameWithNearestKnownNames() {
    List<Finding> f =
        of("unknown-symbol", "gate/unknown-symbol").stream()
            .filter(x -> x.severity() == Severity.ERROR)
            .toList();
    assertEquals(4, f.size(), f.toString());
    assertEquals("fx/mm/Nommu.java:9:14", f.get(0).location().toString());
    assertTrue(
        f.get(0).message().contains("NOMMU") && f.get(0).message().contains("did you mean MMU?"));
    assertTrue(f.get(1).message().contains("did you mean PER_VMA_LOCK"), f.get(1).message());
    assertTrue(f.get(2).message().contains("without CONFIG_: use MMU"), f.get(2).message());
    assertEquals("fx/mm/Nommu.java:19:21", f.get(3).location().toString());
    assertEquals("NOMMU in fx.mm.Nommu#guarded/1", f.get(3).key());
    assertEquals(List.of(), of("unknown-symbol", "gate/dead"), "unknown symbols do not cascade");
  }

  @Test
  void kconfigSymbolsNoCodeUsesAreInfo() {
    Finding growsUp =
        of("clean", "gate/unknown-symbol").stream()
            .filter(x -> x.key().equals("unused STACK_GROWSUP"))
            .findFirst()
            .orElseThrow();
    assertEquals(Severity.INFO, growsUp.severity());
    assertTrue(growsUp.message().endsWith("(only inside the Kconfig, by LOCK_MM_AND_FIND_VMA)"));
    assertTrue(growsUp.location().path().endsWith("common/Kconfig"));
  }

  @Test
  void malformedConditionsAreReportedAtTheColumnOfTheMistake() {
    List<Finding> f = of("malformed", "input/parse");
    assertEquals(
        List.of("fx/mm/Broken.java:7:20", "fx/mm/Broken.java:10:25", "fx/mm/Broken.java:13:18"),
        f.stream().map(x -> x.location().toString()).toList());
    assertTrue(f.get(2).message().contains("unexpected '&'"), f.get(2).message());
  }

  @Test
  void correctlyGuardedTreeHasNoFindingAboveInfo() {
    assertEquals(List.of(), aboveInfo("clean"));
    assertEquals(1, of("clean", "gate/declared-not-defined").size());
  }

  @Test
  void everyWitnessIsAValidConfigurationThatExhibitsItsFinding() {
    for (String name : Fixtures.CASES) {
      GatingAnalyzer.Result r = result(name);
      for (GatingFinding g : r.findings()) {
        if (g.finding().witness().isEmpty()) {
          continue;
        }
        assertTrue(r.model().isValid(g.finding().witness()), g.finding().toString());
        if (!g.condition().equals(dev.lockkit.analyzer.pc.Expr.FALSE)) {
          assertTrue(g.condition().eval(s -> g.finding().witness().get(s)), g.finding().toString());
        }
      }
    }
  }

  @Test
  void sameInputGivesIdenticalFindings() throws Exception {
    assertEquals(
        result("duplicate-definition").plainFindings(),
        GatingAnalyzer.run(
                Fixtures.roots("duplicate-definition"),
                Fixtures.kconfig("duplicate-definition"),
                false,
                Fixtures.GUARDS)
            .plainFindings());
  }

  @Test
  void missingKconfigIsACheckedErrorNamingTheFile() {
    KconfigException e =
        assertThrows(
            KconfigException.class,
            () -> GatingAnalyzer.analyze(Fixtures.roots("clean"), Path.of("no/such/Kconfig")));
    assertTrue(e.getMessage().startsWith("no/such/Kconfig: "), e.getMessage());
  }
}
