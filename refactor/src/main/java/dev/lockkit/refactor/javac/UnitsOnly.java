package dev.lockkit.refactor.javac;

import com.sun.source.util.JavacTask;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Attribution and flow analysis of a task's own compilation units only, not of the files javac read
 * from the source path to complete a type.
 *
 * <p>javac's public {@code analyze()} attributes every class in its to-do list, and a class
 * completed from the source path is put there like the given units; {@link Declarations} keeps
 * those files down to signatures, but their field initializers, annotations and stub bodies are
 * still attributed, and their errors are never reported to anyone (diagnostics are kept for the
 * units only). {@code JavacTaskImpl.analyze(Iterable)}, the method javac's own API implementation
 * offers for this, attributes only the given classes and leaves the rest in the to-do list; the
 * units' diagnostics are the same, because an error is reported in the file being attributed.
 *
 * <p>That method lives in {@code com.sun.tools.javac.api}, which {@code jdk.compiler} does not
 * export; nor does it install javac's own completion-failure handler, as the public methods do, so
 * this does (from {@code com.sun.tools.javac.code}). Both packages must be exported to this code:
 * {@code Add-Exports} in the lockkit jar's manifest, {@code --add-exports} in the tests' argLine.
 * Where they are not (lockkit used as a library), the public {@code analyze()} does the same checks
 * on more classes: slower, never weaker.
 */
final class UnitsOnly {

  /** The reflective handles, or null when the runtime does not export javac's internals to us. */
  private record Internals(
      Class<?> taskImpl,
      Method enter,
      Method analyze,
      Method context,
      Method handlerOf,
      Field javacCodeHandler,
      Method setHandler) {}

  private static final Internals INTERNALS = find();

  private UnitsOnly() {}

  /** True when the units-only path is used (the runtime exports what it needs). */
  static boolean available() {
    return INTERNALS != null;
  }

  /**
   * Enters, attributes and flow-analyses the parsed units of {@code task}: only them when the
   * runtime allows it, else (public API) everything javac entered.
   */
  static void analyze(JavacTask task) throws java.io.IOException {
    Internals in = INTERNALS;
    if (in == null || !in.taskImpl().isInstance(task)) {
      task.analyze();
      return;
    }
    try {
      Object handlers = in.handlerOf().invoke(null, in.context().invoke(task));
      // As JavacTaskImpl's public methods do: javac's own handler while javac runs, so a class
      // that fails to complete is reported as javac reports it, not deferred as for API callers.
      Object previous = in.setHandler().invoke(handlers, in.javacCodeHandler().get(handlers));
      try {
        Object classes = in.enter().invoke(task);
        in.analyze().invoke(task, classes);
      } finally {
        in.setHandler().invoke(handlers, previous);
      }
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("javac failed", e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("javac's internals are not accessible", e);
    }
  }

  private static Internals find() {
    try {
      Module javac = JavacTask.class.getModule();
      Module self = UnitsOnly.class.getModule();
      if (!javac.isExported("com.sun.tools.javac.api", self)
          || !javac.isExported("com.sun.tools.javac.code", self)) {
        return null;
      }
      Class<?> impl = Class.forName("com.sun.tools.javac.api.JavacTaskImpl");
      Class<?> handlers =
          Class.forName("com.sun.tools.javac.code.DeferredCompletionFailureHandler");
      Class<?> context = Class.forName("com.sun.tools.javac.util.Context");
      Class<?> handler =
          Class.forName("com.sun.tools.javac.code.DeferredCompletionFailureHandler$Handler");
      return new Internals(
          impl,
          impl.getMethod("enter"),
          impl.getMethod("analyze", Iterable.class),
          impl.getMethod("getContext"),
          handlers.getMethod("instance", context),
          handlers.getField("javacCodeHandler"),
          handlers.getMethod("setHandler", handler));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // another javac: the public API
    }
  }
}
