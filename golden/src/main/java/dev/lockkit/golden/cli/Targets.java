package dev.lockkit.golden.cli;

import dev.lockkit.golden.lockcore.LockcoreTarget;
import dev.lockkit.golden.target.ScenarioTarget;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The scenario targets the command line knows by name: lockcore built in, test doubles registered
 * by tests, and any {@link ScenarioTarget} on the class path declared in {@code
 * META-INF/services/dev.lockkit.golden.target.ScenarioTarget} (found by {@link ServiceLoader}, and
 * known by its {@link ScenarioTarget#name()}). The service file is how a module such as {@code
 * fixtures} offers its pre-split lockcore to {@code golden diff} without golden depending on it.
 */
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

  /** The target called {@code name}: a registered one, else the first service of that name. */
  static synchronized ScenarioTarget get(String name) {
    Supplier<ScenarioTarget> s = TARGETS.get(name);
    if (s != null) {
      return s.get();
    }
    Map<String, ScenarioTarget> services = services();
    ScenarioTarget t = services.get(name);
    if (t == null) {
      Map<String, Object> known = new TreeMap<>(TARGETS);
      known.putAll(services);
      throw new IllegalArgumentException(
          "unknown target '" + name + "' (known: " + String.join(", ", known.keySet()) + ")");
    }
    return t;
  }

  /** The targets offered as services on the class path, by name (first one wins). */
  private static Map<String, ScenarioTarget> services() {
    Map<String, ScenarioTarget> out = new TreeMap<>();
    for (ScenarioTarget t :
        ServiceLoader.load(ScenarioTarget.class, Targets.class.getClassLoader())) {
      out.putIfAbsent(t.name(), t);
    }
    return out;
  }
}
