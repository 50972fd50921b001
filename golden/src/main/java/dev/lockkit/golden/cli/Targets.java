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

  /** Makes {@code target} known as {@code name} (tests register their doubles here). */
  static synchronized void register(String name, Supplier<ScenarioTarget> target) {
    TARGETS.put(name, target);
  }

  /** The target called {@code name}. */
  static synchronized ScenarioTarget get(String name) {
    Supplier<ScenarioTarget> s = TARGETS.get(name);
    if (s == null) {
      throw new IllegalArgumentException(
          "unknown target '" + name + "' (known: " + String.join(", ", TARGETS.keySet()) + ")");
    }
    return s.get();
  }
}
