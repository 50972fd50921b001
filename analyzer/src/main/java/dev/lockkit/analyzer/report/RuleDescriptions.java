package dev.lockkit.analyzer.report;

import java.util.Map;
import java.util.TreeMap;

/** One-line descriptions of the rule ids, for SARIF rule metadata and JUnit suite names. */
final class RuleDescriptions {

  private static final Map<String, String> TEXT = new TreeMap<>();

  static {
    TEXT.put("cycle/type", "Top-level types that depend on each other in a cycle.");
    TEXT.put("cycle/package", "Packages that depend on each other in a cycle.");
    TEXT.put("cycle/module", "Modules that depend on each other in a cycle.");
    TEXT.put("layer/forbidden", "A dependency that the project's rules file forbids.");
    TEXT.put("api/forbidden", "A use of a type or member that the rules file bans there.");
    TEXT.put("input/parse", "A source file that does not parse; it was not analysed.");
    TEXT.put("input/encoding", "A source file with bytes that are not UTF-8.");
    TEXT.put("input/too-large", "A source file above the size limit; it was not analysed.");
    TEXT.put("input/unreadable", "A source file that could not be read; it was not analysed.");
  }

  private RuleDescriptions() {}

  static String of(String rule) {
    return TEXT.getOrDefault(rule, "Findings of rule " + rule + ".");
  }
}
