package dev.lockkit.lockcore.sync;

/**
 * A detected use-after-free: an access, through a checked accessor, to an object that was freed
 * through {@code call_rcu()} and whose grace period has ended. Java's garbage collector would hide
 * the bug; lockcore poisons such objects so that the golden harness sees it.
 */
public final class PoisonFault extends KernelBug {
  private static final long serialVersionUID = 1L;

  /** A fault with its report message. */
  public PoisonFault(String message) {
    super(message);
  }
}
