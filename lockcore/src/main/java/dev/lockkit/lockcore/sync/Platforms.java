package dev.lockkit.lockcore.sync;

import java.util.Objects;

/**
 * Holds the process-wide {@link Platform} that newly made {@code sync} cells capture. It is read
 * when a cell is constructed, never by an operation on one.
 */
public final class Platforms {

  // Volatile so that a platform installed by the harness thread is seen by the task threads it
  // starts afterwards without further synchronisation; reads are cheap on x86 and JIT-hoistable
  // in loops that do not install.
  private static volatile Platform current = JvmPlatform.INSTANCE;

  private Platforms() {}

  /** The platform a {@code sync} cell made now goes through for its whole life. */
  public static Platform current() {
    return current;
  }

  /**
   * Installs {@code platform} and returns the one it replaces, so callers can restore it in a
   * {@code finally} block.
   */
  public static Platform install(Platform platform) {
    Platform previous = current;
    current = Objects.requireNonNull(platform, "platform");
    return previous;
  }
}
