package dev.lockkit.analyzer.gating;

import java.nio.file.Path;
import java.util.List;

/** The gating fixture cases under {@code src/test/resources/gating}: one small tree per rule. */
public final class Fixtures {
  /** Every case directory, each with a {@code Kconfig} and a {@code src/} tree. */
  public static final List<String> CASES =
      List.of(
          "unguarded-reference",
          "missing-definition",
          "declared-not-defined",
          "duplicate-definition",
          "dead",
          "redundant",
          "unknown-symbol",
          "malformed",
          "clean");

  private static final Path BASE = Path.of("src/test/resources/gating");

  private Fixtures() {}

  /** The source roots of a case: the shared config package, then the case's own tree. */
  public static List<Path> roots(String name) {
    return List.of(BASE.resolve("common"), BASE.resolve(name).resolve("src"));
  }

  /** The case's Kconfig (which sources the shared one). */
  public static Path kconfig(String name) {
    return BASE.resolve(name).resolve("Kconfig");
  }
}
