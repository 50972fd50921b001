package dev.lockkit.analyzer.gating;

import dev.lockkit.analyzer.layers.RulesException;
import dev.lockkit.analyzer.layers.RulesFile;
import dev.lockkit.analyzer.pc.Guards;
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

  /**
   * The fixtures' own condition annotation and guard method ({@code fx.config}), declared the way a
   * user declares them: in a rules file.
   */
  public static final Guards GUARDS = guards();

  private static Guards guards() {
    try {
      return RulesFile.read(BASE.resolve("fx.rules")).guards();
    } catch (RulesException e) {
      throw new IllegalStateException(e);
    }
  }

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
