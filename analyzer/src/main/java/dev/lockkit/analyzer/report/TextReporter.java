package dev.lockkit.analyzer.report;

import dev.lockkit.analyzer.cycles.CycleGroup;
import dev.lockkit.analyzer.cycles.CycleRule;
import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.finding.Severity;
import java.util.HashMap;
import java.util.Map;

/**
 * Compiler-style text: {@code path:line:col: error: [rule] message}, one finding per line, so
 * editors and CI log parsers link each line to its source. A cycle finding is followed by one
 * {@code note} line per edge of its witness cycle, located at the edge's first reference; other
 * related locations follow as {@code note: related}. A summary line closes the report and says
 * plainly when files could not be analysed.
 */
final class TextReporter implements Reporter {

  @Override
  public String render(Report report) {
    Map<String, CycleGroup> groups = new HashMap<>();
    for (CycleGroup g : report.cycles()) {
      groups.put(CycleRule.ruleId(g.level()) + "|" + g.key(), g);
    }
    StringBuilder out = new StringBuilder();
    int errors = 0;
    int warnings = 0;
    int infos = 0;
    for (Finding f : report.findings()) {
      switch (f.severity()) {
        case ERROR -> errors++;
        case WARNING -> warnings++;
        default -> infos++;
      }
      out.append(where(f.location()))
          .append(": ")
          .append(f.severity().label())
          .append(": [")
          .append(f.rule())
          .append("] ")
          .append(f.message())
          .append(f.witnessText())
          .append('\n');
      CycleGroup g = groups.get(f.baselineKey());
      if (g != null) {
        for (CycleGroup.Edge e : g.witness()) {
          Location at = e.locations().isEmpty() ? Location.ofFile("") : e.locations().get(0);
          out.append("  ")
              .append(where(at))
              .append(": note: ")
              .append(e.label())
              .append(" (")
              .append(e.references())
              .append(e.references() == 1 ? " reference)" : " references)")
              .append('\n');
        }
      } else {
        for (Location r : f.related()) {
          if (!r.equals(f.location())) {
            out.append("  ").append(where(r)).append(": note: related\n");
          }
        }
      }
    }
    Report.Summary s = report.summary();
    out.append("lockkit: ")
        .append(count(errors, "error"))
        .append(", ")
        .append(count(warnings, "warning"))
        .append(", ")
        .append(count(infos, "info"))
        .append(" in ")
        .append(count(s.files(), "file"))
        .append(" (")
        .append(count(s.types(), "type"))
        .append(", ")
        .append(count(s.packages(), "package"))
        .append(", ")
        .append(count(s.modules(), "module"))
        .append(")");
    if (s.baselined() > 0) {
      out.append("; ").append(s.baselined()).append(" known in the baseline");
    }
    out.append('\n');
    if (s.filesNotAnalysed() > 0) {
      out.append("lockkit: INCOMPLETE: ")
          .append(count(s.filesNotAnalysed(), "file"))
          .append(
              " could not be analysed (see input/* findings); dependencies from them are missing\n");
    }
    if (s.unresolvedReferences() > 0) {
      out.append("lockkit: INCOMPLETE: ")
          .append(count(s.unresolvedReferences(), "reference"))
          .append(" could not be resolved (see input/unresolved findings); gating may miss them\n");
    }
    return out.toString();
  }

  private static String where(Location l) {
    return l.path().isEmpty() ? "<project>" : l.toString();
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  static String label(Severity s) {
    return s.label();
  }
}
