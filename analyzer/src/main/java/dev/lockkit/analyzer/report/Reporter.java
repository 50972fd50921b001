package dev.lockkit.analyzer.report;

import java.util.List;
import java.util.Locale;

/** Prints a {@link Report} in one format; the output is a pure function of the report. */
public interface Reporter {

  /** The formats {@code --format} accepts. */
  List<String> FORMATS = List.of("text", "json", "sarif", "junit", "dot", "mermaid");

  /** The report as text (UTF-8 when written to a file). */
  String render(Report report);

  /** The reporter for a format name. */
  static Reporter forFormat(String format) {
    switch (format.toLowerCase(Locale.ROOT)) {
      case "text":
        return new TextReporter();
      case "json":
        return new JsonReporter();
      case "sarif":
        return new SarifReporter();
      case "junit":
        return new JunitReporter();
      case "dot":
        return new GraphReporter(GraphReporter.Style.DOT);
      case "mermaid":
        return new GraphReporter(GraphReporter.Style.MERMAID);
      default:
        throw new IllegalArgumentException(
            "unknown format '" + format + "' (expected one of " + String.join(", ", FORMATS) + ")");
    }
  }
}
