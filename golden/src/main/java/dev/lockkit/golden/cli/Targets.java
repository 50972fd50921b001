package dev.lockkit.golden.cli;

import dev.lockkit.golden.lockcore.LockcoreTarget;
import dev.lockkit.golden.target.ScenarioTarget;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The scenario targets the command line knows by name. */
final class Targets {

  private static final Map<String, Supplier<ScenarioTarget>> TARGETS = new TreeMap<>();

  static {
    TARGETS.put("lockcore", LockcoreTarget::new);
  }

  private Targets() {}

  /** The target called {@code name}. */
  static ScenarioTarget get(String name) {
    Supplier<ScenarioTarget> s = TARGETS.get(name);
    if (s == null) {
      throw new IllegalArgumentException("unknown target '" + name + "' (known: " + String.join(", ", TARGETS.keySet()) + ")");
    }
    return s.get();
  }
}
