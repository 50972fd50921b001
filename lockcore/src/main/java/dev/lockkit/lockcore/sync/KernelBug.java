package dev.lockkit.lockcore.sync;

/**
 * Thrown by {@code BUG_ON()} / {@code VM_BUG_ON*()} after the report is recorded: the kernel would
 * stop the task here. The state lockcore checked is left as it was, so a test can go on.
 */
public class KernelBug extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A bug with its report message. */
  public KernelBug(String message) {
    super(message);
  }
}
