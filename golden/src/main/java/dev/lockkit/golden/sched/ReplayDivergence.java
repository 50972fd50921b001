package dev.lockkit.golden.sched;

/**
 * Thrown by a strategy that follows a recorded script (a replay, or the prefix a DFS re-executes)
 * when the program does not offer the recorded step. Ends the schedule as a failure.
 */
public final class ReplayDivergence extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Failure.Kind kind;

  /** A divergence of the given kind ({@code REPLAY_DIVERGED} or {@code NONDETERMINISM}). */
  public ReplayDivergence(Failure.Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  /** The failure kind to report. */
  public Failure.Kind kind() {
    return kind;
  }
}
