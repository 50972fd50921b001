package dev.lockkit.example.jdk;

/** Per-thread request nesting depth in a {@link ThreadLocal}, as logging and tracing code keeps. */
public final class RequestContext {

  private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

  private RequestContext() {}

  /** Enters a request on this thread; returns the new depth (1 on a fresh thread). */
  public static int enter() {
    int d = DEPTH.get() + 1;
    DEPTH.set(d);
    return d;
  }
}
