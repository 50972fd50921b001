package dev.lockkit.analyzer.kconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.pc.Expr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration space against Kconfig's rules, stated independently here as predicates over
 * every assignment of the symbols.
 */
class FeatureModelTest {
  @TempDir Path dir;

  private FeatureModel model(String text) throws IOException, KconfigException {
    Path k = dir.resolve("Kconfig");
    Files.writeString(k, text);
    return KconfigParser.parse(k);
  }

  private static List<SortedMap<String, Boolean>> allSatisfying(
      List<String> symbols, Predicate<SortedMap<String, Boolean>> rule) {
    List<SortedMap<String, Boolean>> out = new ArrayList<>();
    for (int bits = 0; bits < 1 << symbols.size(); bits++) {
      SortedMap<String, Boolean> c = new TreeMap<>();
      for (int i = 0; i < symbols.size(); i++) {
        c.put(symbols.get(i), ((bits >> (symbols.size() - 1 - i)) & 1) == 1);
      }
      if (rule.test(c)) {
        out.add(c);
      }
    }
    return out;
  }

  @Test
  void fixtureModelHasExactlyTheKernelsConfigurations() throws Exception {
    FeatureModel m = KconfigParser.parse(Path.of("src/test/resources/gating/clean/Kconfig"));
    List<String> symbols = List.copyOf(m.symbolNames());
    // PER_VMA_LOCK is def_bool y on its dependencies; LOCK_MM_AND_FIND_VMA is a free choice
    // within its dependencies; the rest are free.
    List<SortedMap<String, Boolean>> expected =
        allSatisfying(
            symbols,
            c ->
                c.get("PER_VMA_LOCK")
                        == (c.get("MMU") && c.get("SMP") && c.get("ARCH_SUPPORTS_PER_VMA_LOCK"))
                    && (!c.get("LOCK_MM_AND_FIND_VMA")
                        || (c.get("MMU") && !c.get("STACK_GROWSUP"))));
    assertEquals(expected, m.allValidConfigurations());
    for (SortedMap<String, Boolean> c : expected) {
      assertTrue(m.isValid(c));
    }
  }

  @Test
  void promptlessSymbolsFollowTheirFirstApplicableDefault() throws Exception {
    FeatureModel m =
        model(
            "config A\n\tbool \"a\"\nconfig B\n\tbool \"b\"\n"
                + "config C\n\tbool\n\tdefault n if B\n\tdefault A\n");
    List<SortedMap<String, Boolean>> expected =
        allSatisfying(List.of("A", "B", "C"), c -> c.get("C") == (!c.get("B") && c.get("A")));
    assertEquals(expected, m.allValidConfigurations());
  }

  @Test
  void invisiblePromptedSymbolTakesItsDefaultAndVisibleOneIsFree() throws Exception {
    FeatureModel m = model("config A\n\tbool \"a\"\nconfig B\n\tbool \"b\" if A\n\tdefault y\n");
    List<SortedMap<String, Boolean>> expected =
        allSatisfying(List.of("A", "B"), c -> c.get("A") || c.get("B"));
    assertEquals(expected, m.allValidConfigurations());
  }

  @Test
  void selectForcesOnDespiteDependenciesAndIsReportedWithWitness() throws Exception {
    FeatureModel m =
        model(
            "config MMU\n\tbool \"mmu\"\n"
                + "config PER_VMA_LOCK\n\tbool \"p\"\n\tdepends on MMU\n"
                + "config ARCH\n\tbool \"arch\"\n\tselect PER_VMA_LOCK\n");
    List<SortedMap<String, Boolean>> expected =
        allSatisfying(
            List.of("ARCH", "MMU", "PER_VMA_LOCK"),
            c ->
                (!c.get("ARCH") || c.get("PER_VMA_LOCK"))
                    && (!c.get("PER_VMA_LOCK") || c.get("MMU") || c.get("ARCH")));
    assertEquals(expected, m.allValidConfigurations());
    assertTrue(m.isSatisfiable(Expr.and(Expr.sym("PER_VMA_LOCK"), Expr.not(Expr.sym("MMU")))));

    assertEquals(1, m.findings().size());
    Finding f = m.findings().get(0);
    assertEquals("kconfig/unmet-dependency", f.rule());
    assertEquals(Severity.WARNING, f.severity());
    assertEquals("ARCH -> PER_VMA_LOCK", f.key());
    assertEquals(8, f.location().line());
    assertTrue(
        f.witness().get("ARCH") && !f.witness().get("MMU") && f.witness().get("PER_VMA_LOCK"),
        f.witness().toString());
    assertTrue(m.isValid(f.witness()));
  }

  @Test
  void selectWithinTheDependenciesIsNotReported() throws Exception {
    FeatureModel m =
        model(
            "config MMU\n\tbool \"mmu\"\n"
                + "config PER_VMA_LOCK\n\tbool \"p\"\n\tdepends on MMU\n"
                + "config ARCH\n\tbool \"arch\"\n\tdepends on MMU\n\tselect PER_VMA_LOCK\n");
    assertEquals(List.of(), m.findings());
  }

  @Test
  void implyRaisesAPromptlessDefaultButLeavesAPromptedChoiceFree() throws Exception {
    FeatureModel m =
        model(
            "config A\n\tbool \"a\"\n\timply B\n\timply C\n"
                + "config B\n\tbool\nconfig C\n\tbool \"c\"\n");
    List<SortedMap<String, Boolean>> expected =
        allSatisfying(List.of("A", "B", "C"), c -> c.get("B") == c.get("A"));
    assertEquals(expected, m.allValidConfigurations());
  }

  @Test
  void witnessIsTheLeastValidConfigurationSatisfyingTheCondition() throws Exception {
    FeatureModel m = KconfigParser.parse(Path.of("src/test/resources/gating/clean/Kconfig"));
    Expr cond = Expr.and(Expr.sym("MMU"), Expr.not(Expr.sym("LOCK_MM_AND_FIND_VMA")));
    SortedMap<String, Boolean> w = m.witness(cond).orElseThrow();
    SortedMap<String, Boolean> least =
        m.allValidConfigurations().stream()
            .filter(c -> cond.eval(c::get))
            .findFirst()
            .orElseThrow();
    assertEquals(least, w);
    assertFalse(
        m.witness(Expr.and(Expr.sym("PER_VMA_LOCK"), Expr.not(Expr.sym("MMU")))).isPresent());
  }

  @Test
  void pairwiseSampleIsSmallerThanTheFullEnumerationAndValid() throws Exception {
    FeatureModel m = KconfigParser.parse(Path.of("src/test/resources/gating/clean/Kconfig"));
    List<SortedMap<String, Boolean>> sample = m.pairwiseSample();
    assertTrue(sample.size() < m.allValidConfigurations().size());
    assertTrue(m.allValidConfigurations().containsAll(sample));
    assertEquals(sample, m.pairwiseSample(), "deterministic");
  }
}
