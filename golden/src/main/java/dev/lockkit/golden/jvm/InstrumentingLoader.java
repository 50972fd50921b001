package dev.lockkit.golden.jvm;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;

/**
 * Loads the classes under test instrumented ({@link Instrumenter}), child first: a class whose name
 * starts with one of the given package prefixes is read from the parent's resources and defined
 * here, rewritten; everything else (the JDK, JUnit, golden itself) comes from the parent. Loading
 * the test class itself through it makes the actors' lambdas, the shared state and the user's
 * classes instrumented with no change to their code and no Java agent.
 */
public final class InstrumentingLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  // golden's own packages are never instrumented: the engine must not schedule itself.
  private static final Set<String> CORE =
      Set.of(
          "jvm",
          "junit",
          "explore",
          "sched",
          "trace",
          "approve",
          "grade",
          "matrix",
          "diff",
          "scenario",
          "target",
          "cli",
          "lockcore",
          "compare");

  private final List<String> prefixes;
  private final Map<String, java.util.Optional<String>> superNames = new ConcurrentHashMap<>();

  /** Instruments classes in the packages {@code packages} (and their sub-packages). */
  public InstrumentingLoader(ClassLoader parent, List<String> packages) {
    super("golden-instrumented", parent);
    this.prefixes = packages.stream().map(p -> p.endsWith(".") ? p : p + ".").toList();
    if (prefixes.isEmpty()) {
      throw new IllegalArgumentException("no package to instrument");
    }
  }

  /** The packages instrumented, for the coverage statement. */
  public List<String> packages() {
    return prefixes.stream().map(p -> p.substring(0, p.length() - 1)).toList();
  }

  boolean instrumented(String name) {
    if (name.startsWith("dev.lockkit.golden.")) {
      String rest = name.substring("dev.lockkit.golden.".length());
      int dot = rest.indexOf('.');
      if (dot < 0 || CORE.contains(rest.substring(0, dot))) {
        return false;
      }
    }
    for (String p : prefixes) {
      if (name.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!instrumented(name)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        byte[] bytes = read(name.replace('.', '/'));
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] out;
        try {
          out = Instrumenter.transform(bytes, this::isThread, this::isA);
        } catch (RuntimeException e) {
          throw new ClassNotFoundException("golden could not instrument " + name + ": " + e, e);
        }
        c = defineClass(name, out, 0, out.length);
      }
      if (resolve) {
        resolveClass(c);
      }
      return c;
    }
  }

  private byte[] read(String internal) {
    try (InputStream in = getParent().getResourceAsStream(internal + ".class")) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      return null;
    }
  }

  /** Whether {@code internal} is java.lang.Thread or extends it, read from class files. */
  boolean isThread(String internal) {
    // A JDK subclass of Thread (ForkJoinWorkerThread) is not modelled: only Thread itself.
    return internal.startsWith("java/")
        ? internal.equals("java/lang/Thread")
        : isA(internal, "java/lang/Thread");
  }

  /**
   * Whether the class {@code internal} is {@code target} or extends it (a JDK class {@code target};
   * the chain is read from class files, a JDK class's from its {@link Class}).
   */
  boolean isA(String internal, String target) {
    for (String c = internal; c != null; c = superName(c)) {
      if (c.equals(target)) {
        return true;
      }
    }
    return false;
  }

  private String superName(String internal) {
    if (internal.startsWith("[")) {
      return null;
    }
    return superNames.computeIfAbsent(internal, this::readSuperName).orElse(null);
  }

  private java.util.Optional<String> readSuperName(String internal) {
    if (internal.startsWith("java/")) {
      try {
        Class<?> c = Class.forName(internal.replace('/', '.'), false, null);
        Class<?> s = c.getSuperclass();
        return java.util.Optional.ofNullable(s == null ? null : s.getName().replace('.', '/'));
      } catch (ClassNotFoundException | LinkageError e) {
        return java.util.Optional.empty();
      }
    }
    byte[] b = read(internal);
    return java.util.Optional.ofNullable(b == null ? null : new ClassReader(b).getSuperName());
  }
}
