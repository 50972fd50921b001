package dev.lockkit.analyzer.cli;

import static dev.lockkit.analyzer.testing.Projects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockkit.analyzer.api.AnalysisResult;
import dev.lockkit.analyzer.api.Analyzer;
import dev.lockkit.analyzer.finding.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gating findings from {@code analyze --kconfig} show paths as every other finding does: relative
 * to the display base (the directory the user ran in), not to the source root, so compiler-style
 * output is clickable.
 */
class GatingPathsTest {
  @TempDir Path dir;

  @Test
  void gatingFindingsArePathedLikeDependencyFindingsRelativeToTheDisplayBase() throws Exception {
    Path kconfig = Files.writeString(dir.resolve("Kconfig"), "config MMU\n\tbool \"MMU\"\n");
    write(
        dir,
        "mod/src/main/java/p/IfConfig.java",
        "package p; public @interface IfConfig { String value(); }",
        "mod/src/main/java/p/A.java",
        "package p; public class A { @IfConfig(\"NOPE\") void f() {} }");
    AnalysisResult r =
        Analyzer.on(dir.resolve("mod/src/main/java"))
            .rules(
                dev.lockkit.analyzer.layers.RulesFile.parse(
                    "condition-annotation p.IfConfig\n", "rules.txt"))
            .displayBase(dir)
            .with(AnalyzeCommand.gating(), kconfig)
            .run();
    List<Finding> unknown =
        r.findings().stream().filter(f -> f.rule().equals("gate/unknown-symbol")).toList();
    assertEquals(2, unknown.size(), unknown.toString());
    // Sorted by path: the Kconfig's unused MMU (info), then the code's unknown NOPE (error).
    assertEquals("Kconfig:1", unknown.get(0).location().toString());
    assertEquals("mod/src/main/java/p/A.java:1:40", unknown.get(1).location().toString());
  }
}
