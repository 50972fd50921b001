package dev.lockkit.golden.junit;

import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * A golden test failed: a forbidden outcome was reached (each with the schedule that replays it),
 * or the result cannot be trusted (threads outside control, non-determinism, a hang).
 */
public final class GoldenFailure extends AssertionFailedError {

  private static final long serialVersionUID = 1L;

  /**
   * One reached outcome that fails the test.
   *
   * @param text the outcome text
   * @param schedule the schedule string that replays it ({@code Golden...replay(schedule)})
   * @param trace that schedule's trace
   */
  public record Reached(String text, String schedule, String trace) {}

  private final transient List<Reached> reached;

  GoldenFailure(String message, List<Reached> reached) {
    super(message);
    this.reached = List.copyOf(reached);
  }

  /** The outcomes that failed the test, in outcome order (empty for an untrustworthy run). */
  public List<Reached> reached() {
    return reached;
  }
}
