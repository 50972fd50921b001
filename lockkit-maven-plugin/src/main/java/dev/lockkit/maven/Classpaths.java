package dev.lockkit.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Class paths taken from the project, never typed by hand. */
final class Classpaths {
  private Classpaths() {}

  /**
   * The elements joined with the platform's separator, leaving out {@code own} (the module's
   * compiled classes): a variant or a migrated tree must compile from its sources alone, and the
   * full build's classes would hide a definition the variant deleted.
   */
  static String without(List<String> elements, File own) {
    Path skip = own == null ? null : own.toPath().toAbsolutePath().normalize();
    return elements == null
        ? ""
        : elements.stream()
            .filter(e -> skip == null || !Path.of(e).toAbsolutePath().normalize().equals(skip))
            .filter(e -> new File(e).exists())
            .collect(Collectors.joining(File.pathSeparator));
  }
}
