package dev.lockkit.golden.junit;

import dev.lockkit.golden.jvm.InstrumentingLoader;
import java.lang.reflect.Method;
import java.util.List;

/**
 * What {@link GoldenTestExtension} tells {@link Golden} about the test it runs: the test's class
 * and method (for the approved file's name and place), its declared outcomes, and the loader. Set
 * on the test's thread for the duration of the method only.
 */
record GoldenContext(
    Class<?> testClass, Method method, List<Outcome> outcomes, InstrumentingLoader loader) {

  private static final ThreadLocal<GoldenContext> CURRENT = new ThreadLocal<>();

  static GoldenContext current() {
    return CURRENT.get();
  }

  static void set(GoldenContext c) {
    if (c == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(c);
    }
  }
}
