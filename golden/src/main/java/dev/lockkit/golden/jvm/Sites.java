package dev.lockkit.golden.jvm;

/** Text for failures: an exception with the line it came from, the frame a thread is stuck in. */
final class Sites {

  private Sites() {}

  /** {@code java.lang.IllegalStateException: boom (at Cache.java:12)}. */
  static String describe(Throwable t) {
    StringBuilder sb = new StringBuilder(t.getClass().getName());
    if (t.getMessage() != null) {
      sb.append(": ").append(t.getMessage());
    }
    for (StackTraceElement e : t.getStackTrace()) {
      if (!engineFrame(e) && e.getFileName() != null && e.getLineNumber() > 0) {
        sb.append(" (at ")
            .append(e.getFileName())
            .append(':')
            .append(e.getLineNumber())
            .append(')');
        break;
      }
    }
    return sb.toString();
  }

  /**
   * Where a stuck thread is: its top frame, and the first frame of code outside the JDK that led
   * there ({@code jdk.internal.misc.Unsafe.park, called from Jobs.java:31}).
   */
  static String blockedIn(StackTraceElement[] stack) {
    StringBuilder sb = new StringBuilder();
    for (StackTraceElement e : stack) {
      if (engineFrame(e)) {
        continue;
      }
      if (sb.length() == 0) {
        sb.append(e.getClassName()).append('.').append(e.getMethodName());
        if (!jdkFrame(e)) {
          return sb.append(at(e)).toString();
        }
      } else if (!jdkFrame(e)) {
        return sb.append(", called from ").append(at(e).substring(1)).toString();
      }
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  private static String at(StackTraceElement e) {
    return e.getFileName() != null && e.getLineNumber() > 0
        ? " " + e.getFileName() + ":" + e.getLineNumber()
        : " " + e.getClassName() + "." + e.getMethodName();
  }

  private static boolean jdkFrame(StackTraceElement e) {
    String c = e.getClassName();
    return c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.");
  }

  private static boolean engineFrame(StackTraceElement e) {
    return e.getClassName().startsWith("dev.lockkit.golden.jvm.");
  }
}
