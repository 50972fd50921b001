package dev.lockkit.analyzer.api;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.gating.GatingAnalyzer;
import dev.lockkit.analyzer.kconfig.KconfigOptions;
import dev.lockkit.analyzer.pc.Guards;
import dev.lockkit.analyzer.source.SourceRoot;
import java.nio.file.Path;
import java.util.List;

/**
 * The config-gating rule set (every {@code gate/*} and {@code kconfig/*} rule) as a {@link
 * FindingSource} for {@link Analyzer#with}: the one way the CLI, the Maven plugin and the JUnit API
 * add gating, so that each recognises the condition annotations and guard methods the rules file
 * declares (lockcore's when it declares none), and none of them copies the wiring.
 */
public final class Gating {
  private Gating() {}

  /** Gating with the Kconfig read as is. */
  public static FindingSource rules() {
    return rules(KconfigOptions.DEFAULT);
  }

  /** Gating with the Kconfig read with {@code options} ({@code --kconfig-var} and the like). */
  public static FindingSource rules(KconfigOptions options) {
    return new FindingSource() {
      @Override
      public List<Finding> findings(List<SourceRoot> roots, Path kconfig) throws Exception {
        return findings(roots, kconfig, Path.of("").toAbsolutePath());
      }

      @Override
      public List<Finding> findings(List<SourceRoot> roots, Path kconfig, Path displayBase)
          throws Exception {
        return findings(roots, kconfig, displayBase, Guards.defaults());
      }

      @Override
      public List<Finding> findings(
          List<SourceRoot> roots, Path kconfig, Path displayBase, Guards guards) throws Exception {
        // Paths relative to the display base, like every other finding of the report.
        return GatingAnalyzer.analyze(
            roots.stream().map(SourceRoot::root).toList(), kconfig, displayBase, options, guards);
      }
    };
  }
}
