package dev.lockkit.analyzer.layers;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.graph.CodeGraph;
import dev.lockkit.analyzer.graph.EdgeTable;
import dev.lockkit.analyzer.graph.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The {@code layer/forbidden} rule: package dependencies that go from a lower layer to a higher one
 * or match a {@code forbid} line, and module dependencies that match a {@code forbid-module} line.
 * Each offending edge is one finding keyed {@code package FROM -> TO} or {@code module FROM -> TO},
 * located at its first reference, with up to {@value #MAX_RELATED} references related. An edge that
 * breaks several lines is reported once, for the first of them (layer order, then forbid lines in
 * file order).
 */
public final class LayerRule {

  /** The rule id. */
  public static final String RULE = "layer/forbidden";

  static final int MAX_RELATED = 10;

  private LayerRule() {}

  /** Every violation of the rules in the graph. */
  public static List<Finding> check(CodeGraph graph, RulesFile rules) {
    Severity severity = rules.severities().getOrDefault(RULE, Severity.ERROR);
    List<Finding> out = new ArrayList<>();
    EdgeTable pk = graph.edges(Level.PACKAGE);
    int[] rank = new int[pk.nodeCount()];
    for (int p = 0; p < rank.length; p++) {
      rank[p] = rules.layerRank(pk.nodeName(p));
    }
    for (int e = 0; e < pk.edgeCount(); e++) {
      String from = pk.nodeName(pk.from(e));
      String to = pk.nodeName(pk.to(e));
      int a = rank[pk.from(e)];
      int b = rank[pk.to(e)];
      String why = null;
      if (a >= 0 && b >= 0 && a < b) {
        why =
            "layer "
                + rules.layerName(a)
                + " is below layer "
                + rules.layerName(b)
                + " (lower layers must not depend on higher ones)";
      } else {
        for (RulesFile.Forbid f : rules.forbidden()) {
          if (f.from().matches(from) && f.to().matches(to)) {
            why =
                "forbidden by "
                    + rules.source()
                    + ":"
                    + f.line()
                    + " (forbid "
                    + f.from()
                    + " -> "
                    + f.to()
                    + ")";
            break;
          }
        }
      }
      if (why != null) {
        out.add(finding(pk, e, "package", severity, why));
      }
    }
    if (!rules.forbiddenModules().isEmpty()) {
      EdgeTable md = graph.edges(Level.MODULE);
      for (int e = 0; e < md.edgeCount(); e++) {
        String from = md.nodeName(md.from(e));
        String to = md.nodeName(md.to(e));
        for (RulesFile.Forbid f : rules.forbiddenModules()) {
          if (f.from().matches(from) && f.to().matches(to)) {
            String why =
                "forbidden by "
                    + rules.source()
                    + ":"
                    + f.line()
                    + " (forbid-module "
                    + f.from()
                    + " -> "
                    + f.to()
                    + ")";
            out.add(finding(md, e, "module", severity, why));
            break;
          }
        }
      }
    }
    return out;
  }

  private static Finding finding(EdgeTable t, int e, String noun, Severity severity, String why) {
    String from = t.nodeName(t.from(e));
    String to = t.nodeName(t.to(e));
    int refs = t.refCount(e);
    List<Location> related = new ArrayList<>();
    for (int k = 0; k < Math.min(refs, MAX_RELATED); k++) {
      related.add(t.location(e, k));
    }
    String message =
        noun
            + " "
            + from
            + " depends on "
            + to
            + " ("
            + refs
            + (refs == 1 ? " reference" : " references")
            + "): "
            + why;
    return new Finding(
        RULE,
        severity,
        related.get(0),
        message,
        noun + " " + from + " -> " + to,
        related,
        new TreeMap<>());
  }
}
