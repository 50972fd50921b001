package dev.lockkit.refactor.migrate;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What to migrate.
 *
 * @param base the directory report and diff paths are relative to
 * @param templates the template file
 * @param paths the files and directories to migrate
 * @param classpath jars, class directories or source directories the analysed code depends on
 * @param kconfig the feature model for the gating check; without it any assignment counts
 * @param mode {@code write}, {@code dry-run} or {@code check} (only worded into the report; the
 *     caller decides whether to write)
 */
public record MigrationRequest(
    Path base,
    Path templates,
    List<Path> paths,
    List<Path> classpath,
    Optional<Path> kconfig,
    String mode) {
  public MigrationRequest {
    paths = List.copyOf(paths);
    classpath = List.copyOf(classpath);
  }
}
