package dev.lockkit.analyzer.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One source root and the module it stands for: a Maven module's {@code src/main/java}, or a
 * directory named on the command line.
 *
 * @param module the module's display name (unique within one analysis)
 * @param root the directory whose {@code .java} files belong to the module
 */
public record SourceRoot(String module, Path root) {
  public SourceRoot {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(root, "root");
  }
}
