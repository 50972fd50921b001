package dev.lockkit.analyzer.gating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.gating.members.CodeModel;
import dev.lockkit.analyzer.gating.members.MemberExtractor;
import dev.lockkit.analyzer.kconfig.FeatureModel;
import dev.lockkit.analyzer.kconfig.KconfigParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small instance of the benchmark model: the analysis finds exactly the planted unguarded
 * references among hundreds of correctly guarded ones. (The 1,000-option benchmark is run by hand,
 * see the report.)
 */
class SyntheticProjectTest {
  @TempDir Path dir;

  @Test
  void findsExactlyThePlantedUnguardedReferences() throws Exception {
    SyntheticProject.Layout layout = SyntheticProject.write(dir, 120, 500, 4, 1);
    FeatureModel model = KconfigParser.parse(layout.kconfig());
    CodeModel code =
        MemberExtractor.extract(List.of(layout.sourceRoot()), null, SyntheticProject.GUARDS);
    assertEquals(
        500,
        code.declarations().stream()
            .filter(d -> d.target().matches("gen\\.C\\d+#m\\d+/1"))
            .count());
    List<Finding> unguarded =
        GatingAnalyzer.run(model, code, true).plainFindings().stream()
            .filter(f -> f.rule().equals("gate/unguarded-reference"))
            .toList();
    assertEquals(
        List.of(
            "gen.C4#m96/1 -> gen.C4#target/1",
            "gen.C4#m97/1 -> gen.C4#target/1",
            "gen.C4#m98/1 -> gen.C4#target/1",
            "gen.C4#m99/1 -> gen.C4#target/1"),
        unguarded.stream().map(Finding::key).toList());
    assertTrue(unguarded.stream().allMatch(f -> model.isValid(f.witness())));
  }
}
