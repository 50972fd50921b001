package dev.lockkit.lockcore.sync;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Says which {@link Platform} a newly made {@code sync} cell captures. It is read when a cell is
 * constructed, never by an operation on one.
 *
 * <p>Two bindings, the narrower winning: a thread-confined one ({@link #bind}, {@link #with}),
 * which a harness sets on each thread that runs its run's code (its own thread while it boots a
 * kernel, and each of its task threads), so two runs in one JVM each get their own platform; and
 * the process-wide default ({@link #install}), the real JVM unless someone replaced it. Library
 * users touch neither and get the real JVM.
 */
public final class Platforms {

  // Stands in `current` while some thread binding is open anywhere: "look at the thread's binding
  // first". Never returned, never called.
  private static final Platform LOOKUP =
      new Platform() {
        @Override
        public void beforeSharedAccess(Object location, String op) {
          throw new AssertionError("Platforms.LOOKUP is a marker");
        }

        @Override
        public void park(Object blocker) {
          throw new AssertionError("Platforms.LOOKUP is a marker");
        }

        @Override
        public void unpark(Thread thread) {
          throw new AssertionError("Platforms.LOOKUP is a marker");
        }

        @Override
        public void spinWait(Object location) {
          throw new AssertionError("Platforms.LOOKUP is a marker");
        }
      };

  // What current() reads first: the process-wide default while no thread binding is open (every
  // library use: one volatile read, exactly as before bindings existed), else LOOKUP. Volatile so
  // that a default installed by one thread is seen by threads it starts afterwards.
  private static volatile Platform current = JvmPlatform.INSTANCE;

  // The process-wide default (install); read unlocked only on the LOOKUP path.
  private static volatile Platform global = JvmPlatform.INSTANCE;

  private static final ThreadLocal<Platform> BOUND = new ThreadLocal<>();

  // Guards `open` and the writes of `current` and `global`: binding and unbinding happen once per
  // task per schedule, never per operation.
  private static final Object LOCK = new Object();
  private static int open;

  private Platforms() {}

  /**
   * The platform a {@code sync} cell made now, on this thread, goes through for its whole life: the
   * calling thread's binding if it has one, else the process-wide default.
   */
  public static Platform current() {
    Platform p = current;
    if (p != LOOKUP) {
      return p;
    }
    Platform bound = BOUND.get();
    return bound != null ? bound : global;
  }

  /**
   * Installs {@code platform} as the process-wide default and returns the one it replaces, so
   * callers can restore it in a {@code finally} block. Every thread without a binding of its own
   * sees it: a harness that may share the JVM with another run binds instead.
   */
  public static Platform install(Platform platform) {
    Objects.requireNonNull(platform, "platform");
    synchronized (LOCK) {
      Platform previous = global;
      global = platform;
      if (open == 0) {
        current = platform;
      }
      return previous;
    }
  }

  /**
   * Binds {@code platform} to the calling thread until the returned binding is closed (on this same
   * thread), which restores the thread's previous binding. Bindings nest.
   */
  public static Binding bind(Platform platform) {
    Objects.requireNonNull(platform, "platform");
    Platform previous = BOUND.get();
    BOUND.set(platform);
    synchronized (LOCK) {
      if (open++ == 0) {
        current = LOOKUP;
      }
    }
    return new Binding(Thread.currentThread(), previous);
  }

  private static void unbind(Platform previous) {
    if (previous == null) {
      BOUND.remove();
    } else {
      BOUND.set(previous);
    }
    synchronized (LOCK) {
      if (--open == 0) {
        current = global;
      }
    }
  }

  /** Runs {@code work} with {@code platform} bound to the calling thread and returns its result. */
  public static <T> T with(Platform platform, Supplier<T> work) {
    try (Binding b = bind(platform)) {
      return work.get();
    }
  }

  /** An open thread binding ({@link #bind}); closing it restores the thread's previous one. */
  public static final class Binding implements AutoCloseable {
    private final Thread owner;
    private final Platform previous;
    private boolean closed;

    private Binding(Thread owner, Platform previous) {
      this.owner = owner;
      this.previous = previous;
    }

    /**
     * Restores the previous binding of the thread that opened this one.
     *
     * @throws IllegalStateException when called from another thread (a ThreadLocal cannot be
     *     restored from elsewhere); closing twice does nothing
     */
    @Override
    public void close() {
      if (closed) {
        return;
      }
      if (Thread.currentThread() != owner) {
        throw new IllegalStateException(
            "a platform binding is closed on the thread that opened it ("
                + owner.getName()
                + "), not on "
                + Thread.currentThread().getName());
      }
      closed = true;
      unbind(previous);
    }
  }
}
