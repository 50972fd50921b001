package dev.lockkit.golden.explore;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Named points of a focused exhaustive search: a scheduling point is named when the task that
 * reached it is inside (has on its stack) a method with one of the given names. A name is a method
 * name ({@code vmaRefcountPut}: any class) or {@code SimpleClassName.method}.
 *
 * <p>Why the stack and not the pending access: schedule decisions are taken on the thread that
 * reached the point, so its stack is the exact "where" of the kernel reproducer's injected delays
 * (a delay inside {@code vma_refcount_put()}), it names code the way a reader of the source does,
 * and two implementations that keep their method names (lockcore and lockcore-before) are focused
 * at the same places. Methods of lambdas ({@code lambda$x$0}) are not names; their enclosing method
 * is on the stack anyway.
 */
final class PointFocus {

  private static final Pattern NAME =
      Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*\\.)?[A-Za-z_$][A-Za-z0-9_$]*");
  private static final StackWalker WALKER = StackWalker.getInstance();

  private final Set<String> names;

  PointFocus(List<String> names) {
    this.names = Set.copyOf(names);
  }

  /** Whether {@code name} is a well-formed point name. */
  static boolean isPointName(String name) {
    return NAME.matcher(name).matches();
  }

  /** Whether the calling thread is inside a named method. */
  boolean callerAtNamedPoint() {
    return WALKER.walk(frames -> frames.anyMatch(this::named));
  }

  private boolean named(StackWalker.StackFrame f) {
    String method = f.getMethodName();
    if (names.contains(method)) {
      return true;
    }
    String cls = f.getClassName();
    String simple = cls.substring(Math.max(cls.lastIndexOf('.'), cls.lastIndexOf('$')) + 1);
    return names.contains(simple + "." + method);
  }
}
