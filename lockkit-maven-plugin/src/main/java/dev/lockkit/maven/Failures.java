package dev.lockkit.maven;

import java.util.List;

/**
 * The build-failure message: compiler style, one finding per line ({@code path:line:col: [rule]
 * message}), so Maven's summary names every finding and IDEs link each line to its source.
 */
final class Failures {
  /** Findings listed in the failure message; the rest are in the log and the reports. */
  static final int MAX_LISTED = 50;

  private Failures() {}

  static String message(String goal, List<String> lines) {
    StringBuilder s = new StringBuilder();
    s.append(goal)
        .append(" failed: ")
        .append(lines.size())
        .append(lines.size() == 1 ? " finding" : " findings");
    for (int i = 0; i < Math.min(MAX_LISTED, lines.size()); i++) {
      s.append("\n  ").append(lines.get(i));
    }
    if (lines.size() > MAX_LISTED) {
      s.append("\n  ... and ").append(lines.size() - MAX_LISTED).append(" more (see the log)");
    }
    return s.toString();
  }
}
