package dev.lockkit.golden.diff;

import dev.lockkit.golden.explore.Exploration;
import dev.lockkit.golden.explore.Explorer;
import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Scenario;
import dev.lockkit.golden.sched.Schedule;
import dev.lockkit.golden.target.ScenarioRunner;
import dev.lockkit.golden.target.ScenarioTarget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs scenarios on two targets and compares their golden texts variant by variant.
 *
 * <p>Both targets are explored with the scenario's own mode, so with a deterministic mode
 * (exhaustive, fixed, replay, PCT with its seed) equal behaviour yields byte-identical text: the
 * same outcomes, counts and first schedules. The first differing line is located within its outcome
 * section so the report says which outcome (and which event of its trace) diverged.
 */
public final class Differential {

  /**
   * The first difference of one scenario on one variant.
   *
   * @param scenario the scenario
   * @param variant the variant
   * @param line 1-based line where they first differ: of the replayed trace (then outcome text)
   *     when {@code section} names an outcome, else of the golden text
   * @param section the outcome whose replay differs, or the golden-text section
   * @param left that line of the left target's text ({@code <end>} past its end)
   * @param right that line of the right target's text
   */
  public record Difference(
      String scenario, Variant variant, int line, String section, String left, String right) {
    /** One line for reports. */
    public String describe(String leftName, String rightName) {
      return scenario
          + " on "
          + variant.id()
          + ": first difference at line "
          + line
          + " ("
          + section
          + "): "
          + leftName
          + " '"
          + left
          + "' vs "
          + rightName
          + " '"
          + right
          + "'";
    }
  }

  private Differential() {}

  /**
   * Runs every scenario on every variant its selector accepts, on both targets.
   *
   * <p>For each outcome the left target reaches, the schedule that first produced it is replayed on
   * the right target (schedule strings survive refactoring), and the two traces are compared event
   * by event: the first differing event is what is reported. Then each outcome that only the right
   * target reaches is replayed the same way on the left one. Only when every replay agrees are the
   * full golden texts compared, which catches outcomes only the right target reaches and different
   * schedule counts.
   *
   * @return the differences, in scenario then variant order; empty when the texts are identical
   */
  public static List<Difference> compare(
      List<Scenario> scenarios, List<Variant> variants, ScenarioTarget left, ScenarioTarget right) {
    List<Difference> out = new ArrayList<>();
    try (Explorer explorer = new Explorer()) {
      ScenarioRunner runner = new ScenarioRunner(explorer);
      for (Scenario s : scenarios) {
        for (Variant v : variants) {
          if (!s.config().matches(v.enabled())) {
            continue;
          }
          Difference d = compareOne(explorer, runner, s, v, left, right);
          if (d != null) {
            out.add(d);
          }
        }
      }
    }
    return out;
  }

  private static Difference compareOne(
      Explorer explorer,
      ScenarioRunner runner,
      Scenario s,
      Variant v,
      ScenarioTarget left,
      ScenarioTarget right) {
    Exploration a = runner.run(s, v, left);
    Set<Schedule> replayed = new HashSet<>();
    int k = 1;
    for (Exploration.Outcome o : a.outcomes()) {
      replayed.add(o.first());
      Exploration.Outcome r = explorer.replay(runner.program(s, v, right), o.first());
      String section = "outcome " + k++ + ", replaying " + o.first();
      Difference d =
          firstDifference(s.name(), v, o.firstTrace() + o.text(), r.firstTrace() + r.text());
      if (d != null) {
        return new Difference(s.name(), v, d.line(), section, d.left(), d.right());
      }
    }
    // Outcomes only the right target reaches: replay their schedules on the left, so that such a
    // difference, too, is reported as the first differing event rather than a golden-text line.
    Exploration b = runner.run(s, v, right);
    k = 1;
    for (Exploration.Outcome o : b.outcomes()) {
      String section = "right's outcome " + k++ + ", replaying " + o.first();
      if (!replayed.add(o.first())) {
        continue;
      }
      Exploration.Outcome l = explorer.replay(runner.program(s, v, left), o.first());
      Difference d =
          firstDifference(s.name(), v, l.firstTrace() + l.text(), o.firstTrace() + o.text());
      if (d != null) {
        return new Difference(s.name(), v, d.line(), section, d.left(), d.right());
      }
    }
    return firstDifference(
        s.name(), v, ScenarioRunner.goldenText(s, v, a), ScenarioRunner.goldenText(s, v, b));
  }

  /** The first line where {@code a} and {@code b} differ, or null when they are equal. */
  public static Difference firstDifference(String scenario, Variant v, String a, String b) {
    if (a.equals(b)) {
      return null;
    }
    String[] x = a.split("\n", -1);
    String[] y = b.split("\n", -1);
    String section = "header";
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      String l = i < x.length ? x[i] : "<end>";
      String r = i < y.length ? y[i] : "<end>";
      if (l.startsWith("== outcome ") && l.equals(r)) {
        section = l.substring(3, l.indexOf(" of "));
      }
      if (!l.equals(r)) {
        return new Difference(scenario, v, i + 1, section, l, r);
      }
    }
    throw new IllegalStateException("texts differ but no line does");
  }
}
