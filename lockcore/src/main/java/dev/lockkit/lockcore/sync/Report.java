package dev.lockkit.lockcore.sync;

/**
 * One recorded kernel diagnostic.
 *
 * @param kind what kind of diagnostic
 * @param task the name of the task that raised it
 * @param message a deterministic message (no identity hashes, no timings)
 */
public record Report(ReportKind kind, String task, String message) {
  /** Canonical one-line form, e.g. {@code "WARN [t1] refcount_t: underflow"}. */
  @Override
  public String toString() {
    return kind + " [" + task + "] " + message;
  }
}
