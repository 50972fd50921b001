package dev.lockkit.analyzer.report;

import dev.lockkit.analyzer.finding.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JUnit XML, the format every CI server renders: one {@code testsuite} per rule that ran (plus any
 * rule with findings), one failing {@code testcase} per finding named by its key, and a passing
 * {@code testcase} for a rule with no findings, so a clean run shows as green tests rather than
 * nothing. The failure's {@code type} is the severity; its text is the compiler-style line.
 */
final class JunitReporter implements Reporter {

  @Override
  public String render(Report report) {
    Map<String, List<Finding>> byRule = new TreeMap<>();
    report.rules().forEach(r -> byRule.put(r, new ArrayList<>()));
    for (Finding f : report.findings()) {
      byRule.computeIfAbsent(f.rule(), r -> new ArrayList<>()).add(f);
    }
    int tests = 0;
    for (List<Finding> fs : byRule.values()) {
      tests += Math.max(1, fs.size());
    }
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<testsuites name=\"lockkit analyze\" tests=\"")
        .append(tests)
        .append("\" failures=\"")
        .append(report.findings().size())
        .append("\">\n");
    for (Map.Entry<String, List<Finding>> e : byRule.entrySet()) {
      List<Finding> fs = e.getValue();
      out.append("  <testsuite name=\"")
          .append(escape(e.getKey()))
          .append("\" tests=\"")
          .append(Math.max(1, fs.size()))
          .append("\" failures=\"")
          .append(fs.size())
          .append("\" errors=\"0\" skipped=\"0\">\n");
      if (fs.isEmpty()) {
        out.append("    <testcase classname=\"")
            .append(escape(e.getKey()))
            .append("\" name=\"no findings\"/>\n");
      }
      for (Finding f : fs) {
        out.append("    <testcase classname=\"")
            .append(escape(f.rule()))
            .append("\" name=\"")
            .append(escape(f.key()))
            .append("\">\n      <failure type=\"")
            .append(f.severity().label())
            .append("\" message=\"")
            .append(escape(f.message()))
            .append("\">")
            .append(
                escape(
                    f.location()
                        + ": "
                        + f.severity().label()
                        + ": ["
                        + f.rule()
                        + "] "
                        + f.message()))
            .append("</failure>\n    </testcase>\n");
      }
      out.append("  </testsuite>\n");
    }
    out.append("</testsuites>\n");
    return out.toString();
  }

  /** XML 1.0 text: markup characters escaped, characters XML cannot carry replaced by '?'. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          boolean ok =
              c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
          b.append(ok ? c : '?');
        }
      }
    }
    return b.toString();
  }
}
