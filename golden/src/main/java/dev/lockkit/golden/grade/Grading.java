package dev.lockkit.golden.grade;

import dev.lockkit.golden.explore.Exploration;
import dev.lockkit.golden.explore.Mode;
import dev.lockkit.golden.scenario.Expectation;
import dev.lockkit.golden.scenario.Expectation.Grade;
import dev.lockkit.golden.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The grades of one exploration's outcomes against a scenario's declarations.
 *
 * <p>Implementation overview. Each distinct outcome is graded by the first declaration (in file
 * order) whose pattern it matches; an outcome that none matches is forbidden ("undeclared"), so a
 * new behaviour can never slip through a graded scenario unnoticed. A declaration of grade
 * acceptable or interesting that graded no outcome is "expected, not reached": jcstress passes that
 * silently, but over a controlled search it means either the bound is too small or the behaviour
 * changed, and both deserve a reader's attention. It is reported (and written into the golden
 * text), not failed: a scenario may legitimately declare an outcome only some variants reach.
 *
 * @param graded every outcome with its grade, in the exploration's (sorted) order
 * @param notReached acceptable or interesting declarations that no outcome matched
 * @param exhaustive whether the exploration was a complete exhaustive search, so that "not reached"
 *     means "not reachable within the bound" rather than "not sampled"
 */
public record Grading(List<Graded> graded, List<Expectation> notReached, boolean exhaustive) {

  /**
   * One outcome and its grade.
   *
   * @param index 1-based outcome number, as in the golden text
   * @param outcome the outcome
   * @param grade its grade
   * @param by the declaration that graded it, or null when none matched (then forbidden)
   */
  public record Graded(int index, Exploration.Outcome outcome, Grade grade, Expectation by) {
    /**
     * One line: grade, outcome number and count, the reason, and for a forbidden one its replay.
     */
    public String describe() {
      StringBuilder sb = new StringBuilder();
      sb.append(grade.text())
          .append(": outcome ")
          .append(index)
          .append(" (")
          .append(outcome.count())
          .append(outcome.count() == 1 ? " schedule" : " schedules")
          .append("): ")
          .append(by == null ? "matches no declared outcome" : by.description());
      if (grade == Grade.FORBIDDEN) {
        sb.append(" (replay: ").append(outcome.first()).append(')');
      }
      return sb.toString();
    }
  }

  /** Copies the lists. */
  public Grading {
    graded = List.copyOf(graded);
    notReached = List.copyOf(notReached);
  }

  /**
   * Grades {@code exploration}'s outcomes by {@code scenario}'s declarations, or returns null when
   * the scenario declares none (an ungraded scenario).
   */
  public static Grading of(Scenario scenario, Exploration exploration) {
    return of(scenario.outcomes(), exploration);
  }

  /** Grades {@code exploration}'s outcomes by {@code declared}; null when it is empty. */
  public static Grading of(List<Expectation> declared, Exploration exploration) {
    if (declared.isEmpty()) {
      return null;
    }
    List<Graded> graded = new ArrayList<>();
    Set<Expectation> used = new LinkedHashSet<>();
    int i = 1;
    for (Exploration.Outcome o : exploration.outcomes()) {
      Expectation by = null;
      for (Expectation e : declared) {
        if (e.matches(o.text())) {
          by = e;
          break;
        }
      }
      if (by != null) {
        used.add(by);
      }
      graded.add(new Graded(i++, o, by == null ? Grade.FORBIDDEN : by.grade(), by));
    }
    List<Expectation> notReached = new ArrayList<>();
    for (Expectation e : declared) {
      if (e.grade() != Grade.FORBIDDEN && !used.contains(e)) {
        notReached.add(e);
      }
    }
    // A focused search skipped every schedule preempting off its named points: not exhaustive.
    boolean exhaustive =
        exploration.mode() instanceof Mode.Exhaustive e && !e.focused() && exploration.complete();
    return new Grading(graded, notReached, exhaustive);
  }

  /** The outcomes graded forbidden (declared forbidden, or undeclared). */
  public List<Graded> forbidden() {
    return graded.stream().filter(g -> g.grade() == Grade.FORBIDDEN).toList();
  }

  /** Whether no forbidden outcome was reached. */
  public boolean ok() {
    return forbidden().isEmpty();
  }

  /**
   * One line per problem: each forbidden outcome with its replay, each expected-not-reached one.
   */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    for (Graded g : forbidden()) {
      out.add(g.describe());
    }
    for (Expectation e : notReached) {
      out.add(notReachedLine(e));
    }
    return out;
  }

  private String notReachedLine(Expectation e) {
    return "expected, not reached"
        + (exhaustive ? "" : " (search not exhaustive)")
        + ": "
        + e.grade().text()
        + " /"
        + e.regex()
        + "/ "
        + e.description();
  }

  /** The grades section of the golden text. */
  public String text() {
    StringBuilder sb = new StringBuilder("grades:\n");
    for (Graded g : graded) {
      sb.append("  ").append(g.describe()).append('\n');
    }
    for (Expectation e : notReached) {
      sb.append("  ").append(notReachedLine(e)).append('\n');
    }
    return sb.toString();
  }
}
