package dev.lockkit.analyzer.finding;

import java.util.Locale;

/** How serious a finding is; {@code --fail-on} compares against this order. */
public enum Severity {
  INFO,
  WARNING,
  ERROR;

  /** The lower-case name used in reports and on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code info}, {@code warning} or {@code error}, case-insensitively. */
  public static Severity parse(String text) {
    for (Severity s : values()) {
      if (s.label().equalsIgnoreCase(text.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown severity '" + text + "' (expected info, warning or error)");
  }
}
