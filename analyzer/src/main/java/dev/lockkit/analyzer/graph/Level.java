package dev.lockkit.analyzer.graph;

import java.util.Locale;

/** The three granularities of the code graph. */
public enum Level {
  /** Top-level types; nested, local and anonymous classes are folded into their top-level type. */
  TYPE,
  /** Java packages (a package split across modules is one node). */
  PACKAGE,
  /** Modules: Maven modules or source roots given on the command line. */
  MODULE;

  /** {@code type}, {@code package} or {@code module}, as used in rule ids. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
