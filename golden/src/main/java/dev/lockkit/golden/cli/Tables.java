package dev.lockkit.golden.cli;

import dev.lockkit.analyzer.io.OutputException;
import dev.lockkit.analyzer.io.OutputFiles;
import dev.lockkit.golden.matrix.Variant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The variant × scenario table in Markdown (for CI job summaries) and the same results as JUnit
 * XML. Both are deterministic: no times, fixed order.
 */
final class Tables {

  private Tables() {}

  static String markdown(GoldenRun.Report report) {
    Plan plan = report.plan();
    Map<String, Cell> byKey = new HashMap<>();
    for (Cell c : report.cells()) {
      byKey.put(c.scenario() + " " + c.variant().id(), c);
    }
    StringBuilder sb = new StringBuilder();
    sb.append("## Golden: ")
        .append(plan.scenarios().size())
        .append(" scenarios × ")
        .append(plan.variants().size())
        .append(" variants of ")
        .append(plan.matrix());
    if (report.shard().count() > 1) {
      sb.append(", shard ").append(report.shard());
    }
    sb.append("\n\n| variant |");
    for (var s : plan.scenarios()) {
      sb.append(' ').append(s.name()).append(" |");
    }
    sb.append("\n|---|");
    sb.append("---|".repeat(plan.scenarios().size()));
    sb.append('\n');
    for (Variant v : plan.variants()) {
      sb.append("| ").append(v.id()).append(" |");
      for (var s : plan.scenarios()) {
        Cell c = byKey.get(s.name() + " " + v.id());
        String text;
        if (c != null) {
          text = c.status().text();
        } else if (s.config().matches(v.enabled())) {
          text = "other shard";
        } else {
          text = "-";
        }
        sb.append(' ').append(text).append(" |");
      }
      sb.append('\n');
    }
    Map<Cell.Status, Integer> counts = new java.util.EnumMap<>(Cell.Status.class);
    for (Cell c : report.cells()) {
      counts.merge(c.status(), 1, Integer::sum);
    }
    sb.append('\n')
        .append(report.cells().size())
        .append(" runs, ")
        .append(report.schedules())
        .append(" schedules:");
    for (Map.Entry<Cell.Status, Integer> e : counts.entrySet()) {
      sb.append(' ').append(e.getValue()).append(' ').append(e.getKey().text()).append(',');
    }
    sb.setLength(sb.length() - (counts.isEmpty() ? 0 : 1));
    sb.append("\n");
    List<Cell> problems = report.cells().stream().filter(c -> !c.status().ok()).toList();
    if (!problems.isEmpty()) {
      sb.append("\n### Differences\n\n");
      for (Cell c : problems) {
        sb.append("- `")
            .append(c.scenario())
            .append("` on `")
            .append(c.variant().id())
            .append("`: ")
            .append(c.status().text())
            .append(c.detail().isEmpty() ? "" : " — " + c.detail())
            .append('\n');
      }
    }
    boolean anyFailure = report.cells().stream().anyMatch(c -> !c.failures().isEmpty());
    if (anyFailure) {
      sb.append("\n### Failures found by exploration (part of the golden text)\n\n");
      for (Cell c : report.cells()) {
        for (String f : c.failures()) {
          sb.append("- `")
              .append(c.scenario())
              .append("` on `")
              .append(c.variant().id())
              .append("`: ")
              .append(f)
              .append('\n');
        }
      }
    }
    if (!report.obsolete().isEmpty()) {
      sb.append("\n### Obsolete approved files (no scenario produces them)")
          .append(report.strict() ? ": strict run, this fails it" : "")
          .append("\n\n");
      if (report.obsoleteReasons().size() == report.obsolete().size()) {
        for (String r : report.obsoleteReasons()) {
          sb.append("- ").append(r).append('\n');
        }
      } else {
        for (Path p : report.obsolete()) {
          sb.append("- ").append(p.getFileName()).append('\n');
        }
      }
    }
    if (!report.strayReceived().isEmpty()) {
      sb.append("\n### Stray received files (left by an earlier run, not reviewed)")
          .append(report.strict() ? ": strict run, this fails it" : "")
          .append("\n\n");
      for (Path p : report.strayReceived()) {
        sb.append("- ").append(p.getFileName()).append('\n');
      }
    }
    if (!report.notRunHere().isEmpty()) {
      sb.append('\n')
          .append(report.notRunHere().size())
          .append(
              " approved files not run here (another shard or a variant outside this matrix)\n");
    }
    return sb.toString();
  }

  static String junitXml(GoldenRun.Report report) {
    int failures = 0;
    int errors = 0;
    for (Cell c : report.cells()) {
      if (c.status() == Cell.Status.ERROR) {
        errors++;
      } else if (!c.status().ok()) {
        failures++;
      }
    }
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<testsuites>\n");
    sb.append("  <testsuite name=\"golden\" tests=\"")
        .append(report.cells().size())
        .append("\" failures=\"")
        .append(failures)
        .append("\" errors=\"")
        .append(errors)
        .append("\" skipped=\"0\">\n");
    for (Cell c : report.cells()) {
      sb.append("    <testcase classname=\"golden.")
          .append(xml(c.scenario()))
          .append("\" name=\"")
          .append(xml(c.variant().id()))
          .append("\"");
      if (c.status().ok()) {
        sb.append("/>\n");
        continue;
      }
      String tag = c.status() == Cell.Status.ERROR ? "error" : "failure";
      sb.append(">\n      <")
          .append(tag)
          .append(" type=\"")
          .append(c.status().text())
          .append("\" message=\"")
          .append(xml(c.detail()))
          .append("\"/>\n    </testcase>\n");
    }
    sb.append("  </testsuite>\n</testsuites>\n");
    return sb.toString();
  }

  private static String xml(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') {
            sb.append(' ');
          } else {
            sb.append(ch);
          }
        }
      }
    }
    return sb.toString();
  }

  /**
   * Writes the requested report files ({@code --markdown}, {@code --junit}; a {@code null} path is
   * not requested) together through analyzer's {@link OutputFiles}, the one output writer: all or
   * none, a replaced file keeps its mode, a new one gets the umask's, and missing directories are
   * created (and removed again if the write fails).
   *
   * @throws UncheckedIOException with the problem in the user's terms when a file cannot be written
   */
  static void writeIfRequested(Map<Path, String> requested) {
    OutputFiles out = new OutputFiles();
    try {
      for (Map.Entry<Path, String> e : requested.entrySet()) {
        if (e.getKey() != null) {
          out.add(e.getKey(), e.getValue());
        }
      }
      out.commit();
    } catch (OutputException e) {
      throw new UncheckedIOException(new IOException(e.getMessage(), e));
    }
  }
}
