package dev.lockkit.analyzer.cycles;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.graph.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Turns cycle groups into {@code cycle/type}, {@code cycle/package} and {@code cycle/module}
 * findings. The key is the sorted member list, so it names the group, not a line; the location is
 * the first reference of the witness's first edge and the related locations are the first reference
 * of every witness edge, in cycle order.
 */
public final class CycleRule {

  private static final int MAX_CUT_IN_MESSAGE = 8;

  private CycleRule() {}

  /** The rule id for a level: {@code cycle/<level>}. */
  public static String ruleId(Level level) {
    return "cycle/" + level.label();
  }

  /** Default severities: type cycles are warnings, package and module cycles errors. */
  public static Severity defaultSeverity(Level level) {
    return level == Level.TYPE ? Severity.WARNING : Severity.ERROR;
  }

  /** One finding per group. */
  public static List<Finding> findings(List<CycleGroup> groups, Severity severity) {
    List<Finding> out = new ArrayList<>(groups.size());
    for (CycleGroup g : groups) {
      out.add(finding(g, severity));
    }
    return out;
  }

  static Finding finding(CycleGroup g, Severity severity) {
    String noun = g.level() == Level.PACKAGE ? "packages" : g.level().label() + "s";
    StringBuilder m = new StringBuilder();
    m.append(g.members().size())
        .append(' ')
        .append(noun)
        .append(" in a dependency cycle; shortest: ");
    for (CycleGroup.Edge e : g.witness()) {
      m.append(e.from()).append(" -> ");
    }
    m.append(g.witness().isEmpty() ? "?" : g.witness().get(0).from());
    m.append("; suggested cut (")
        .append(g.cut().size())
        .append(g.cut().size() == 1 ? " edge, " : " edges, ")
        .append(g.cutReferences())
        .append(g.cutReferences() == 1 ? " reference): " : " references): ");
    for (int i = 0; i < Math.min(g.cut().size(), MAX_CUT_IN_MESSAGE); i++) {
      CycleGroup.Edge e = g.cut().get(i);
      if (i > 0) {
        m.append(", ");
      }
      m.append(e.label()).append(" (").append(e.references()).append(')');
    }
    if (g.cut().size() > MAX_CUT_IN_MESSAGE) {
      m.append(", and ").append(g.cut().size() - MAX_CUT_IN_MESSAGE).append(" more");
    }
    List<Location> related = new ArrayList<>();
    for (CycleGroup.Edge e : g.witness()) {
      if (!e.locations().isEmpty()) {
        related.add(e.locations().get(0));
      }
    }
    Location primary = related.isEmpty() ? Location.ofFile("") : related.get(0);
    return new Finding(
        ruleId(g.level()), severity, primary, m.toString(), g.key(), related, new TreeMap<>());
  }
}
