package dev.lockkit.golden.sched;

/** Canonical descriptions of scheduler state for failure messages. */
final class Diagnostics {

  private Diagnostics() {}

  /** What each disabled task waits on, e.g. {@code T0 parked on mutex B; T1 spinning on x}. */
  static String waits(TaskState[] tasks) {
    StringBuilder sb = new StringBuilder();
    for (TaskState t : tasks) {
      if (t.status == TaskState.Status.PARKED || t.status == TaskState.Status.SPINNING) {
        if (sb.length() > 0) {
          sb.append("; ");
        }
        sb.append(t.name)
            .append(t.status == TaskState.Status.PARKED ? " parked on " : " spinning on ")
            .append(t.waitingOn);
      }
    }
    return sb.toString();
  }

  /** Each task's scheduling point, e.g. {@code T0 at point 3, T1 at point 7}. */
  static String positions(TaskState[] tasks) {
    StringBuilder sb = new StringBuilder();
    for (TaskState t : tasks) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(t.name).append(" at point ").append(t.count);
    }
    return sb.toString();
  }

  /**
   * Whether {@code op} only reads: a read cannot end anyone's spin, so it does not re-enable
   * spinners (which is what lets two spinners waiting on each other show up as a deadlock).
   * lockcore names operations {@code <type>.<verb>}, e.g. {@code int.getAcquire}; plain verbs work
   * too.
   */
  static boolean isRead(String op) {
    String verb = op.substring(op.lastIndexOf('.') + 1);
    return verb.startsWith("load") || verb.startsWith("read") || verb.startsWith("get");
  }

  /** An exception as {@code class: message}, without a stack. */
  static String describe(Throwable t) {
    String msg = t.getMessage();
    return t.getClass().getName() + (msg == null ? "" : ": " + msg);
  }
}
