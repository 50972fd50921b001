package dev.lockkit.analyzer.kconfig;

import dev.lockkit.analyzer.finding.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries of a Kconfig as read, before types are known: expressions are still {@link KExpr}s.
 * Mutable while the parser fills them in; read once by {@link ModelBuilder}.
 */
final class Entries {
  private Entries() {}

  /** An expression and where it was written. */
  record Site(KExpr expr, Location location) {}

  /** {@code default value if cond}. */
  record Default(KExpr value, KExpr condition, Location location) {}

  /** {@code select target if cond} or {@code imply}. */
  record Select(String target, KExpr condition, Location location) {}

  /** A {@code config} or {@code menuconfig}. */
  static final class Config {
    final String name;
    final Location location;

    /** Enclosing {@code if}, {@code menu ... depends on} and choice dependencies. */
    final KExpr context;

    /** Enclosing {@code visible if} conditions: they hide the prompt, not the symbol. */
    final KExpr visibleContext;

    final Choice choice;
    KconfigSymbol.Type type;
    String prompt;
    Site promptCondition;
    final List<Site> dependencies = new ArrayList<>();
    final List<Default> defaults = new ArrayList<>();
    final List<Select> selects = new ArrayList<>();
    final List<Select> implies = new ArrayList<>();
    boolean modules;
    boolean transitional;
    String help = "";

    Config(String name, Location location, KExpr context, KExpr visibleContext, Choice choice) {
      this.name = name;
      this.location = location;
      this.context = context;
      this.visibleContext = visibleContext;
      this.choice = choice;
    }
  }

  /** A {@code choice} ... {@code endchoice} group. */
  static final class Choice {
    final Location location;
    final KExpr context;
    final KExpr visibleContext;
    final List<Site> dependencies = new ArrayList<>();
    Site promptCondition;
    boolean optional;
    final List<Config> members = new ArrayList<>();

    Choice(Location location, KExpr context, KExpr visibleContext) {
      this.location = location;
      this.context = context;
      this.visibleContext = visibleContext;
    }
  }
}
