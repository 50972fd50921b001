package dev.lockkit.golden.spi;

/**
 * Connects a program's code to the scheduler of the run that executes it. The explorer calls {@link
 * #bind} on each thread that runs the program's code, for as long as it runs it: on the harness
 * thread around an exploration (the state is built and the outcome read there) and on each task
 * thread around its task body. A target whose code calls an SPI of its own (lockcore's {@code
 * sync.Platform}) implements this by binding an adapter of {@code points} to that SPI for the
 * calling thread, and undoing it in {@link Scope#close()}.
 *
 * <p>Bindings are thread-confined: {@code bind} and the {@code close} of the scope it returns run
 * on the same thread, and a binding must not leak to other threads, so that two runs in one JVM
 * stay apart.
 */
@FunctionalInterface
public interface RunBinding {

  /** For code that reaches the scheduler through {@link Scheduling#current()} only. */
  RunBinding NONE = points -> () -> {};

  /**
   * Binds {@code points} to the calling thread; closing the scope restores what was bound before.
   */
  Scope bind(SchedulingPoints points);

  /** An open binding. */
  @FunctionalInterface
  interface Scope extends AutoCloseable {
    /** Undoes the binding, on the thread that opened it. */
    @Override
    void close();
  }
}
