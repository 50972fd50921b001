package dev.lockkit.analyzer.variants;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.gating.Fixtures;
import dev.lockkit.analyzer.gating.GatingAnalyzer;
import dev.lockkit.analyzer.gating.GatingFinding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The family-based analysis and the product-based builds must agree on every fixture case: every
 * {@code gate/unguarded-reference} witness is a variant that fails to compile, and every variant
 * that fails to compile exhibits a build-breaking finding.
 */
class VariantCrossCheckTest {

  @Test
  void analysisAndVariantBuildsAgreeOnEveryFixture() throws Exception {
    int failing = 0;
    int witnesses = 0;
    for (String name : Fixtures.CASES) {
      GatingAnalyzer.Result analysis =
          GatingAnalyzer.run(Fixtures.roots(name), Fixtures.kconfig(name), true, Fixtures.GUARDS);
      VariantBuilder builder = new VariantBuilder(Fixtures.roots(name)).guards(Fixtures.GUARDS);

      LinkedHashSet<SortedMap<String, Boolean>> configs =
          new LinkedHashSet<>(analysis.model().allValidConfigurations());
      List<SortedMap<String, Boolean>> unguardedWitnesses = new ArrayList<>();
      for (GatingFinding g : analysis.findings()) {
        if (g.finding().rule().equals("gate/unguarded-reference")) {
          unguardedWitnesses.add(new TreeMap<>(g.finding().witness()));
        }
      }
      configs.addAll(unguardedWitnesses);
      for (VariantBuilder.Result r : builder.buildAll(new ArrayList<>(configs))) {
        boolean explained =
            analysis.findings().stream()
                .anyMatch(
                    g ->
                        g.breaksBuild()
                            && g.condition().eval(s -> r.config().getOrDefault(s, false)));
        if (!r.compiles()) {
          failing++;
          assertTrue(
              explained,
              name + ": variant " + r.config() + " fails to compile unexplained: " + r.errors());
        }
        if (unguardedWitnesses.contains(r.config())) {
          witnesses++;
          assertFalse(r.compiles(), name + ": witness " + r.config() + " compiles");
        }
      }
    }
    assertTrue(failing > 0 && witnesses > 0, "the fixtures exercise both directions");
  }
}
