package dev.lockkit.refactor.move;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.report.Json;
import dev.lockkit.refactor.move.plan.MoveOp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Renders an {@link MoveEngine.Outcome} as text or JSON. Both are deterministic: operations in plan
 * order, files in path order, findings in {@link Finding#ORDER}.
 */
public final class MoveReport {

  private MoveReport() {}

  /** Human-readable report. {@code status} is "applied", "would apply", or "blocked". */
  public static String text(MoveEngine.Outcome o, String status, Path base) {
    StringBuilder sb = new StringBuilder();
    sb.append("lockkit move: ")
        .append(o.ops().size())
        .append(o.ops().size() == 1 ? " operation, " : " operations, ")
        .append(o.changes().paths().size() + o.deletions().size())
        .append(o.changes().paths().size() + o.deletions().size() == 1 ? " file" : " files")
        .append(": ")
        .append(status)
        .append('\n');
    for (MoveOp op : o.ops()) {
      sb.append("  ").append(op.where()).append(": ").append(op).append('\n');
    }
    if (!o.changes().paths().isEmpty() || !o.deletions().isEmpty()) {
      sb.append("files:\n");
      for (Path p : o.changes().paths()) {
        sb.append("  ").append(rel(base, p)).append('\n');
      }
      for (var d : o.deletions()) {
        sb.append("  ").append(rel(base, d.path())).append(" (deleted)\n");
      }
    }
    if (!o.notes().isEmpty()) {
      sb.append("notes:\n");
      for (String n : o.notes()) {
        sb.append("  ").append(n).append('\n');
      }
    }
    section(sb, "conflicts (nothing written)", o.blocking());
    section(sb, "allowed findings (--allow)", o.allowed());
    section(sb, "warnings", o.warnings());
    return sb.toString();
  }

  private static void section(StringBuilder sb, String title, List<Finding> findings) {
    if (findings.isEmpty()) {
      return;
    }
    sb.append(title).append(":\n");
    for (Finding f : findings) {
      sb.append("  ")
          .append(f.location())
          .append(": ")
          .append(f.severity().label())
          .append(' ')
          .append(f.rule())
          .append(": ")
          .append(f.message());
      if (!f.witness().isEmpty()) {
        sb.append(" [witness: ");
        boolean first = true;
        for (Map.Entry<String, Boolean> w : f.witness().entrySet()) {
          sb.append(first ? "" : ", ")
              .append(w.getKey())
              .append('=')
              .append(w.getValue() ? 'y' : 'n');
          first = false;
        }
        sb.append(']');
      }
      sb.append('\n');
    }
  }

  /** Machine-readable report. */
  public static String json(MoveEngine.Outcome o, String status, Path base, String diff) {
    StringBuilder sb = new StringBuilder("{\n");
    sb.append("  \"status\": ").append(q(status)).append(",\n");
    sb.append("  \"operations\": [");
    for (int i = 0; i < o.ops().size(); i++) {
      MoveOp op = o.ops().get(i);
      sb.append(i == 0 ? "\n" : ",\n")
          .append("    {\"line\": ")
          .append(op.line())
          .append(", \"element\": ")
          .append(q(op.element().toString()))
          .append(", \"destination\": ")
          .append(q(op.destination()))
          .append('}');
    }
    sb.append(o.ops().isEmpty() ? "],\n" : "\n  ],\n");
    sb.append("  \"files\": [");
    List<Path> paths = o.changes().paths();
    for (int i = 0; i < paths.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(q(rel(base, paths.get(i))));
    }
    sb.append("],\n  \"deleted\": [");
    for (int i = 0; i < o.deletions().size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(q(rel(base, o.deletions().get(i).path())));
    }
    sb.append("],\n  \"notes\": [");
    for (int i = 0; i < o.notes().size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(q(o.notes().get(i)));
    }
    sb.append("],\n");
    findings(sb, "conflicts", o.blocking());
    findings(sb, "allowed", o.allowed());
    findings(sb, "warnings", o.warnings());
    sb.append("  \"diff\": ").append(diff == null ? "null" : q(diff)).append("\n}\n");
    return sb.toString();
  }

  private static void findings(StringBuilder sb, String name, List<Finding> fs) {
    sb.append("  ").append(q(name)).append(": [");
    for (int i = 0; i < fs.size(); i++) {
      Finding f = fs.get(i);
      sb.append(i == 0 ? "\n" : ",\n")
          .append("    {\"rule\": ")
          .append(q(f.rule()))
          .append(", \"severity\": ")
          .append(q(f.severity().label()))
          .append(", \"path\": ")
          .append(q(f.location().path()))
          .append(", \"line\": ")
          .append(f.location().line())
          .append(", \"column\": ")
          .append(f.location().column())
          .append(", \"message\": ")
          .append(q(f.message()))
          .append(", \"key\": ")
          .append(q(f.key()))
          .append(", \"witness\": {");
      boolean first = true;
      for (Map.Entry<String, Boolean> w : f.witness().entrySet()) {
        sb.append(first ? "" : ", ").append(q(w.getKey())).append(": ").append(w.getValue());
        first = false;
      }
      sb.append("}}");
    }
    sb.append(fs.isEmpty() ? "],\n" : "\n  ],\n");
  }

  static String rel(Path base, Path p) {
    Path b = base.toAbsolutePath().normalize();
    Path a = p.toAbsolutePath().normalize();
    return (a.startsWith(b) ? b.relativize(a) : a).toString().replace('\\', '/');
  }

  /** A JSON string literal. */
  static String q(String s) {
    return Json.quote(s);
  }
}
