package dev.lockkit.lockcore.sync;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
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

  // Volatile so that a default installed by one thread is seen by threads it starts afterwards.
  private static volatile Platform global = JvmPlatform.INSTANCE;

  private static final ThreadLocal<Platform> BOUND = new ThreadLocal<>();

  // How many thread bindings are open in the whole JVM. While none is (every library use),
  // current()
  // is one volatile read, as before there were bindings: the ThreadLocal is never consulted.
  private static final AtomicInteger OPEN_BINDINGS = new AtomicInteger();

  private Platforms() {}

  /**
   * The platform a {@code sync} cell made now, on this thread, goes through for its whole life: the
   * calling thread's binding if it has one, else the process-wide default.
   */
  public static Platform current() {
    if (OPEN_BINDINGS.get() != 0) {
      Platform bound = BOUND.get();
      if (bound != null) {
        return bound;
      }
    }
    return global;
  }

  /**
   * Installs {@code platform} as the process-wide default and returns the one it replaces, so
   * callers can restore it in a {@code finally} block. Every thread without a binding of its own
   * sees it: a harness that may share the JVM with another run binds instead.
   */
  public static Platform install(Platform platform) {
    Platform previous = global;
    global = Objects.requireNonNull(platform, "platform");
    return previous;
  }

  /**
   * Binds {@code platform} to the calling thread until the returned binding is closed (on this same
   * thread), which restores the thread's previous binding. Bindings nest.
   */
  public static Binding bind(Platform platform) {
    Objects.requireNonNull(platform, "platform");
    Platform previous = BOUND.get();
    BOUND.set(platform);
    OPEN_BINDINGS.incrementAndGet();
    return new Binding(Thread.currentThread(), previous);
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
      if (previous == null) {
        BOUND.remove();
      } else {
        BOUND.set(previous);
      }
      OPEN_BINDINGS.decrementAndGet();
    }
  }
}
