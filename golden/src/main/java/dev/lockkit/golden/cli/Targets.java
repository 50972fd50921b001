package dev.lockkit.golden.cli;

import dev.lockkit.golden.target.ScenarioTarget;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The scenario targets the command line knows, by name or by class. golden has none of its own:
 *
 * <ul>
 *   <li>a name ({@code lockcore}) is a {@link ScenarioTarget} on the class path declared in {@code
 *       META-INF/services/dev.lockkit.golden.target.ScenarioTarget} (found by {@link
 *       ServiceLoader}, known by its {@link ScenarioTarget#name()}): how the {@code
 *       golden-lockcore} module offers lockcore, and {@code fixtures} its pre-split lockcore,
 *       without golden depending on either; or a test double that a test registered;
 *   <li>a fully qualified class name ({@code com.acme.MyTarget}) is that class, loaded from the
 *       class path and made with its public no-argument constructor: a user's own target needs no
 *       service file.
 * </ul>
 */
public final class Targets {

  private static final Map<String, Supplier<ScenarioTarget>> TARGETS = new TreeMap<>();

  private Targets() {}

  /** Makes {@code target} known as {@code name} (tests register their doubles here). */
  static synchronized void register(String name, Supplier<ScenarioTarget> target) {
    TARGETS.put(name, target);
  }

  /**
   * The target called {@code name}: a registered one, else the first service of that name, else,
   * when {@code name} looks like a class name, an instance of that class.
   *
   * @throws IllegalArgumentException naming what is wrong (an unknown name lists the known ones)
   */
  public static synchronized ScenarioTarget get(String name) {
    Supplier<ScenarioTarget> s = TARGETS.get(name);
    if (s != null) {
      return s.get();
    }
    Map<String, ScenarioTarget> services = services();
    ScenarioTarget t = services.get(name);
    if (t != null) {
      return t;
    }
    if (name.contains(".")) {
      return byClass(name);
    }
    Map<String, Object> known = new TreeMap<>(TARGETS);
    known.putAll(services);
    throw new IllegalArgumentException(
        "unknown target '"
            + name
            + "' (known: "
            + (known.isEmpty() ? "none on the class path" : String.join(", ", known.keySet()))
            + "; or give a ScenarioTarget's fully qualified class name)");
  }

  /** An instance of the {@link ScenarioTarget} class {@code className}, from the class path. */
  private static ScenarioTarget byClass(String className) {
    Class<?> c;
    try {
      c = Class.forName(className, true, loader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException(
          "target class " + className + " is not on the class path (" + e + ")");
    }
    if (!ScenarioTarget.class.isAssignableFrom(c)) {
      throw new IllegalArgumentException(
          "target class " + className + " does not implement " + ScenarioTarget.class.getName());
    }
    try {
      return (ScenarioTarget) c.getConstructor().newInstance();
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new IllegalArgumentException(
          "target class " + className + " needs a public no-argument constructor");
    } catch (InstantiationException e) {
      throw new IllegalArgumentException("target class " + className + " cannot be instantiated");
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(
          "target class " + className + ": its constructor threw " + e.getCause());
    }
  }

  /** The loader of user classes: the thread's (a build plugin sets it to the project's). */
  private static ClassLoader loader() {
    ClassLoader l = Thread.currentThread().getContextClassLoader();
    return l != null ? l : Targets.class.getClassLoader();
  }

  /** The targets offered as services on the class path, by name (first one wins). */
  private static Map<String, ScenarioTarget> services() {
    Map<String, ScenarioTarget> out = new TreeMap<>();
    for (ScenarioTarget t : ServiceLoader.load(ScenarioTarget.class, loader())) {
      out.putIfAbsent(t.name(), t);
    }
    return out;
  }
}
