package dev.lockkit.golden.spi;

import java.util.concurrent.locks.LockSupport;

/**
 * golden's own thread-confined binding of {@link SchedulingPoints}, for code written against this
 * SPI directly. The explorer binds the run's scheduler on the harness thread for the duration of an
 * exploration and on each task thread while it runs its task; everywhere else {@link #current()} is
 * {@link #REAL}. Code on a hot path looks the scheduler up once (when it builds its state) and
 * keeps it, as lockcore's cells do with their platform.
 */
public final class Scheduling {

  /** The real JVM: no scheduling points, {@code LockSupport} blocking, a CPU hint for spins. */
  public static final SchedulingPoints REAL =
      new SchedulingPoints() {
        @Override
        public void beforeSharedAccess(Object location, String op) {}

        @Override
        public void park(Object blocker) {
          LockSupport.park(blocker);
        }

        @Override
        public void unpark(Thread thread) {
          LockSupport.unpark(thread);
        }

        @Override
        public void spinWait(Object location) {
          Thread.onSpinWait();
        }

        @Override
        public String toString() {
          return "the real JVM";
        }
      };

  private static final ThreadLocal<SchedulingPoints> BOUND = new ThreadLocal<>();

  /** The binding that sets what {@link #current()} returns on the calling thread. */
  public static final RunBinding BINDING = Scheduling::bind;

  private Scheduling() {}

  /** The scheduler bound to the calling thread, or {@link #REAL}. */
  public static SchedulingPoints current() {
    SchedulingPoints p = BOUND.get();
    return p == null ? REAL : p;
  }

  /** Binds {@code points} to the calling thread until the scope is closed (on this thread). */
  public static RunBinding.Scope bind(SchedulingPoints points) {
    SchedulingPoints previous = BOUND.get();
    BOUND.set(java.util.Objects.requireNonNull(points, "points"));
    return () -> {
      if (previous == null) {
        BOUND.remove();
      } else {
        BOUND.set(previous);
      }
    };
  }
}
