package dev.lockkit.analyzer.api;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.pc.Guards;
import dev.lockkit.analyzer.source.SourceRoot;
import java.nio.file.Path;
import java.util.List;

/**
 * A further rule set that runs on the same source roots with a Kconfig feature model: the seam
 * through which config gating (issue 5) joins {@code lockkit analyze --kconfig F}.
 */
@FunctionalInterface
public interface FindingSource {

  /**
   * The findings for these roots under this feature model.
   *
   * @throws Exception when the model or the sources cannot be used; the message is shown to the
   *     user on one line
   */
  List<Finding> findings(List<SourceRoot> roots, Path kconfig) throws Exception;

  /**
   * The findings with paths shown relative to {@code displayBase} (the directory the analysis shows
   * every other finding's path relative to), so all findings of one report use one convention. The
   * default ignores {@code displayBase}.
   *
   * @throws Exception as {@link #findings(List, Path)}
   */
  default List<Finding> findings(List<SourceRoot> roots, Path kconfig, Path displayBase)
      throws Exception {
    return findings(roots, kconfig);
  }

  /**
   * The findings, recognising these presence-condition annotations and guard methods (the rules
   * file's, or lockcore's by default). The default ignores {@code guards}.
   *
   * @throws Exception as {@link #findings(List, Path)}
   */
  default List<Finding> findings(
      List<SourceRoot> roots, Path kconfig, Path displayBase, Guards guards) throws Exception {
    return findings(roots, kconfig, displayBase);
  }
}
