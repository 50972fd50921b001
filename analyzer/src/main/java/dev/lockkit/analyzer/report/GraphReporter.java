package dev.lockkit.analyzer.report;

import dev.lockkit.analyzer.cycles.CycleGroup;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cycle graph as Graphviz DOT or Mermaid: one cluster (subgraph) per cycle group, its members
 * as nodes, the edges inside the group labelled with their reference counts, and the suggested cut
 * drawn dashed red. Groups above {@value #MAX_FULL_EDGES} edges show only their witness and cut
 * edges, so the picture stays readable. Node ids are generated ({@code n0, n1, ...}) so any name is
 * safe; names appear only in quoted labels.
 */
final class GraphReporter implements Reporter {

  enum Style {
    DOT,
    MERMAID
  }

  static final int MAX_FULL_EDGES = 200;

  private final Style style;

  GraphReporter(Style style) {
    this.style = style;
  }

  @Override
  public String render(Report report) {
    StringBuilder out = new StringBuilder();
    if (style == Style.DOT) {
      out.append("digraph cycles {\n  rankdir=LR;\n  node [shape=box];\n");
    } else {
      out.append("flowchart LR\n");
    }
    int node = 0;
    int linkIndex = 0;
    StringBuilder cutStyles = new StringBuilder();
    for (int gi = 0; gi < report.cycles().size(); gi++) {
      CycleGroup g = report.cycles().get(gi);
      List<String> members = g.members();
      int base = node;
      node += members.size();
      String title = g.level().label() + " cycle " + (gi + 1) + " (" + members.size() + " nodes)";
      Set<String> cut = new HashSet<>();
      g.cut().forEach(e -> cut.add(e.label()));
      List<CycleGroup.Edge> shown = g.edges().size() <= MAX_FULL_EDGES ? g.edges() : union(g);
      if (style == Style.DOT) {
        out.append("  subgraph cluster_").append(gi).append(" {\n");
        out.append("    label=").append(dotString(title)).append(";\n");
        for (int i = 0; i < members.size(); i++) {
          out.append("    n")
              .append(base + i)
              .append(" [label=")
              .append(dotString(members.get(i)))
              .append("];\n");
        }
        for (CycleGroup.Edge e : shown) {
          out.append("    n")
              .append(base + members.indexOf(e.from()))
              .append(" -> n")
              .append(base + members.indexOf(e.to()))
              .append(" [label=\"")
              .append(e.references())
              .append('"')
              .append(cut.contains(e.label()) ? ", color=red, style=dashed" : "")
              .append("];\n");
        }
        out.append("  }\n");
      } else {
        out.append("  subgraph g")
            .append(gi)
            .append("[\"")
            .append(mermaidText(title))
            .append("\"]\n");
        for (int i = 0; i < members.size(); i++) {
          out.append("    n")
              .append(base + i)
              .append("[\"")
              .append(mermaidText(members.get(i)))
              .append("\"]\n");
        }
        for (CycleGroup.Edge e : shown) {
          out.append("    n")
              .append(base + members.indexOf(e.from()))
              .append(cut.contains(e.label()) ? " -. " : " -- ")
              .append(e.references())
              .append(cut.contains(e.label()) ? " .-> n" : " --> n")
              .append(base + members.indexOf(e.to()))
              .append('\n');
          if (cut.contains(e.label())) {
            cutStyles.append(cutStyles.length() == 0 ? "" : ",").append(linkIndex);
          }
          linkIndex++;
        }
        out.append("  end\n");
      }
    }
    if (style == Style.DOT) {
      out.append("}\n");
    } else if (cutStyles.length() > 0) {
      out.append("  linkStyle ").append(cutStyles).append(" stroke:red\n");
    }
    return out.toString();
  }

  private static List<CycleGroup.Edge> union(CycleGroup g) {
    Set<String> seen = new HashSet<>();
    List<CycleGroup.Edge> out = new java.util.ArrayList<>();
    for (CycleGroup.Edge e : g.witness()) {
      if (seen.add(e.label())) {
        out.add(e);
      }
    }
    for (CycleGroup.Edge e : g.cut()) {
      if (seen.add(e.label())) {
        out.add(e);
      }
    }
    return out;
  }

  private static String dotString(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String mermaidText(String s) {
    return s.replace("\"", "#quot;");
  }
}
