package dev.lockkit.golden.explore;

import dev.lockkit.golden.sched.Failure;
import dev.lockkit.golden.sched.Schedule;
import java.util.List;

/**
 * The result of exploring a program: how much was explored and the distinct outcomes found.
 *
 * @param mode the mode explored
 * @param schedules schedules run
 * @param complete whether the mode's search finished (an exhaustive search that hit its schedule
 *     cap is not complete; fixed, replay and PCT runs always are)
 * @param boundCuts choices an exhaustive search refused because of its preemption bound (0: the
 *     bound never limited the search, so every interleaving was explored)
 * @param focusCuts preemptions a focused exhaustive search refused because the task was not at a
 *     named point (always 0 for an unfocused search)
 * @param outcomes distinct outcomes, sorted by their text
 * @param stoppedBy why the search stopped before its mode's end other than its schedule cap (e.g.
 *     "stopped after a hang"), or null; a search with a reason is never complete, whatever its mode
 */
public record Exploration(
    Mode mode,
    long schedules,
    boolean complete,
    long boundCuts,
    long focusCuts,
    List<Outcome> outcomes,
    String stoppedBy) {

  /** An exploration that ran to its mode's end or its schedule cap. */
  public Exploration(
      Mode mode,
      long schedules,
      boolean complete,
      long boundCuts,
      long focusCuts,
      List<Outcome> outcomes) {
    this(mode, schedules, complete, boundCuts, focusCuts, outcomes, null);
  }

  /** An exploration that was not focused. */
  public Exploration(
      Mode mode, long schedules, boolean complete, long boundCuts, List<Outcome> outcomes) {
    this(mode, schedules, complete, boundCuts, 0, outcomes);
  }

  /**
   * One distinct outcome.
   *
   * @param text the outcome text (for a failure: {@code FAILURE <kind>: <message>})
   * @param failure the failure, or null
   * @param count schedules that produced it
   * @param first the first schedule (in exploration order) that produced it
   * @param firstTrace the canonical trace of that schedule
   */
  public record Outcome(
      String text, Failure failure, long count, Schedule first, String firstTrace) {}

  /** Copies the list; a stop reason makes the exploration incomplete. */
  public Exploration {
    outcomes = List.copyOf(outcomes);
    complete = complete && stoppedBy == null;
  }

  /** The outcomes that are failures. */
  public List<Outcome> failures() {
    return outcomes.stream().filter(o -> o.failure() != null).toList();
  }

  /** One line saying how much of the schedule space was covered. */
  public String coverage() {
    if (stoppedBy != null) {
      // Before the mode's own wording: a PCT or fixed run cut short is not "complete" either.
      return "incomplete: " + stoppedBy;
    }
    if (mode instanceof Mode.Exhaustive e) {
      if (!complete) {
        return "incomplete: stopped at max-schedules=" + e.maxSchedules();
      }
      if (e.focused()) {
        // Never "every interleaving": the focus refused preemptions elsewhere, whatever it cut.
        return "complete at preemption bound "
            + e.preemptions()
            + " at the named points (the bound cut "
            + boundCuts
            + " choices, the focus "
            + focusCuts
            + ")";
      }
      return boundCuts == 0
          ? "complete: every interleaving explored (the preemption bound never applied)"
          : "complete at preemption bound "
              + e.preemptions()
              + " (the bound cut "
              + boundCuts
              + " choices)";
    }
    return "complete";
  }

  /**
   * The golden text: the mode and coverage, then each distinct outcome (sorted) with its schedule
   * count, the schedule string that first produced it and that schedule's full trace.
   */
  public String goldenText() {
    StringBuilder sb = new StringBuilder();
    sb.append("mode: ").append(mode.describe()).append('\n');
    sb.append("schedules: ").append(schedules).append('\n');
    sb.append("search: ").append(coverage()).append('\n');
    sb.append("outcomes: ").append(outcomes.size()).append('\n');
    int i = 1;
    for (Outcome o : outcomes) {
      sb.append('\n');
      sb.append("== outcome ")
          .append(i++)
          .append(" of ")
          .append(outcomes.size())
          .append(" (")
          .append(o.count())
          .append(o.count() == 1 ? " schedule)" : " schedules)")
          .append('\n');
      sb.append(o.text());
      if (!o.text().endsWith("\n")) {
        sb.append('\n');
      }
      sb.append("first schedule: ").append(o.first()).append('\n');
      sb.append("-- trace of the first schedule\n");
      sb.append(o.firstTrace());
    }
    return sb.toString();
  }
}
