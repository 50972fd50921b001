package dev.lockkit.refactor.migrate.report;

import dev.lockkit.analyzer.report.Json;
import dev.lockkit.refactor.migrate.template.SkippedRule;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The outcome of one migration run, in rule order, each rule's sites in file order.
 *
 * @param templates display path of the template file
 * @param mode {@code write}, {@code dry-run} or {@code check}: worded into the text report
 * @param rules one entry per rule of the template file
 * @param skipped files that did not parse ({@code path:line: message}); they were not migrated
 * @param filesChanged display paths of the files the run changes, sorted
 * @param skippedRules rules of the template file that were not applied, with the reason
 */
public record MigrationReport(
    String templates,
    String mode,
    List<RuleReport> rules,
    List<String> skipped,
    List<String> filesChanged,
    List<SkippedRule> skippedRules) {

  public MigrationReport {
    rules = List.copyOf(rules);
    skipped = List.copyOf(skipped);
    filesChanged = List.copyOf(filesChanged);
    skippedRules = List.copyOf(skippedRules);
  }

  /** This report worded for {@code mode} (a failed {@code --verify} wrote nothing). */
  public MigrationReport withMode(String mode) {
    return new MigrationReport(templates, mode, rules, skipped, filesChanged, skippedRules);
  }

  /** A report of a template file none of whose rules was skipped. */
  public MigrationReport(
      String templates,
      String mode,
      List<RuleReport> rules,
      List<String> skipped,
      List<String> filesChanged) {
    this(templates, mode, rules, skipped, filesChanged, List.of());
  }

  /** Sites rewritten (or, in check and dry-run mode, that would be) by rules with an after. */
  public int rewrittenCount() {
    return rules.stream().filter(r -> !r.findOnly()).mapToInt(r -> r.rewritten().size()).sum();
  }

  public int leftCount() {
    return rules.stream().mapToInt(r -> r.left().size()).sum();
  }

  private String verb() {
    return mode.equals("write") ? "rewritten" : "to rewrite";
  }

  /** The human-readable report. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("lockkit migrate ").append(templates).append(" (").append(mode).append(")\n");
    sb.append(rewrittenCount())
        .append(" site(s) ")
        .append(verb())
        .append(" in ")
        .append(filesChanged.size())
        .append(" file(s); ")
        .append(leftCount())
        .append(" site(s) left\n");
    if (!skippedRules.isEmpty()) {
      sb.append(rules.size())
          .append(" rule(s) applied, ")
          .append(skippedRules.size())
          .append(" rule(s) skipped:\n");
      for (SkippedRule s : skippedRules) {
        sb.append("  skipped   rule ")
            .append(s.name())
            .append(": ")
            .append(s.reason())
            .append('\n');
      }
    }
    for (RuleReport r : rules) {
      sb.append('\n')
          .append("rule ")
          .append(r.name())
          .append(" (line ")
          .append(r.line())
          .append("): ")
          .append(r.rewritten().size())
          .append(r.findOnly() ? " found (find-only)" : " " + verb())
          .append(", ")
          .append(r.left().size())
          .append(" left\n");
      for (RewrittenSite s : r.rewritten()) {
        sb.append("  ")
            .append(r.findOnly() ? "found     " : "rewritten ")
            .append(s.path())
            .append(':')
            .append(s.line())
            .append("  ")
            .append(s.before());
        if (!s.after().isEmpty()) {
          sb.append("  ->  ").append(s.after());
        }
        sb.append('\n');
      }
      for (LeftSite s : r.left()) {
        sb.append("  left      ")
            .append(s.path())
            .append(':')
            .append(s.line())
            .append(':')
            .append(s.column())
            .append("  ")
            .append(s.code())
            .append("  [")
            .append(s.member())
            .append("]\n            ")
            .append(s.reason())
            .append('\n');
        if (!s.witness().isEmpty()) {
          sb.append("            witness: ").append(witness(s.witness())).append('\n');
        }
      }
    }
    if (!skipped.isEmpty()) {
      sb.append("\nfiles not migrated (they do not parse):\n");
      for (String s : skipped) {
        sb.append("  ").append(s).append('\n');
      }
    }
    return sb.toString();
  }

  private static String witness(SortedMap<String, Boolean> w) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Boolean> e : w.entrySet()) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(e.getKey()).append('=').append(e.getValue() ? 'y' : 'n');
    }
    return sb.toString();
  }

  /** The machine-readable report. */
  public String toJson() {
    Json j = new Json().beginObject();
    j.name("templates").value(templates);
    j.name("mode").value(mode);
    j.name("rewritten").value(rewrittenCount());
    j.name("left").value(leftCount());
    j.name("filesChanged").beginArray();
    filesChanged.forEach(j::value);
    j.endArray();
    j.name("rules").beginArray();
    for (RuleReport r : rules) {
      j.beginObject();
      j.name("rule").value(r.name());
      j.name("line").value(r.line());
      j.name("findOnly").value(r.findOnly());
      j.name("sites").beginArray();
      for (RewrittenSite s : r.rewritten()) {
        j.beginObject();
        j.name("path").value(s.path());
        j.name("line").value(s.line());
        j.name("before").value(s.before());
        j.name("after").value(s.after());
        j.endObject();
      }
      j.endArray();
      j.name("left").beginArray();
      for (LeftSite s : r.left()) {
        j.beginObject();
        j.name("path").value(s.path());
        j.name("line").value(s.line());
        j.name("column").value(s.column());
        j.name("member").value(s.member());
        j.name("code").value(s.code());
        j.name("reason").value(s.reason());
        j.name("unresolved").value(s.unresolved());
        j.name("witness").beginObject();
        for (Map.Entry<String, Boolean> e : s.witness().entrySet()) {
          j.name(e.getKey()).value(e.getValue());
        }
        j.endObject();
        j.endObject();
      }
      j.endArray();
      j.endObject();
    }
    j.endArray();
    j.name("skipped").beginArray();
    skipped.forEach(j::value);
    j.endArray();
    j.name("skippedRules").beginArray();
    for (SkippedRule s : skippedRules) {
      j.beginObject();
      j.name("rule").value(s.name());
      j.name("line").value(s.line());
      j.name("reason").value(s.reason());
      j.endObject();
    }
    j.endArray();
    j.endObject();
    return j.toString();
  }
}
