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

  /** The first frames of a stuck thread, below the engine's own: what it is blocked in. */
  static String blockedIn(StackTraceElement[] stack) {
    StringBuilder sb = new StringBuilder();
    int shown = 0;
    for (StackTraceElement e : stack) {
      if (engineFrame(e)) {
        continue;
      }
      sb.append(shown == 0 ? "" : " < ")
          .append(e.getClassName())
          .append('.')
          .append(e.getMethodName());
      if (e.getFileName() != null && e.getLineNumber() > 0) {
        sb.append(" (").append(e.getFileName()).append(':').append(e.getLineNumber()).append(')');
      }
      if (++shown == 3) {
        break;
      }
    }
    return shown == 0 ? null : sb.toString();
  }

  private static boolean engineFrame(StackTraceElement e) {
    return e.getClassName().startsWith("dev.lockkit.golden.jvm.");
  }
}
