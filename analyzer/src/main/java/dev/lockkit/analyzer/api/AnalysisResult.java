package dev.lockkit.analyzer.api;

import dev.lockkit.analyzer.baseline.Baseline;
import dev.lockkit.analyzer.cycles.CycleGroup;
import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.graph.CodeGraph;
import dev.lockkit.analyzer.report.Report;
import java.util.List;

/**
 * The outcome of one analysis.
 *
 * @param graph the code graph
 * @param findings every finding, in {@link Finding#ORDER}
 * @param cycles every cycle group, by level then first member
 * @param rules the rule ids that ran, sorted
 * @param files Java files found
 * @param filesNotAnalysed files that could not be parsed or read
 */
public record AnalysisResult(
    CodeGraph graph,
    List<Finding> findings,
    List<CycleGroup> cycles,
    List<String> rules,
    int files,
    int filesNotAnalysed) {

  /** The rule of a reference config gating could not resolve; it makes a run incomplete. */
  public static final String UNRESOLVED = "input/unresolved";

  public AnalysisResult {
    findings = List.copyOf(findings);
    cycles = List.copyOf(cycles);
    rules = List.copyOf(rules);
  }

  /** The findings of one rule. */
  public List<Finding> findings(String rule) {
    return findings.stream().filter(f -> f.rule().equals(rule)).toList();
  }

  /** The report to print: findings the baseline does not list. */
  public Report report(Baseline baseline) {
    List<Finding> shown = baseline.newFindings(findings);
    return new Report(
        rules,
        shown,
        cycles,
        new Report.Summary(
            files,
            filesNotAnalysed,
            graph.typeCount(),
            graph.packageCount(),
            graph.moduleCount(),
            graph.referenceCount(),
            findings.size() - shown.size(),
            findings(UNRESOLVED).size()));
  }

  /** Whether any of these findings is at or above a severity. */
  public static boolean anyAtLeast(List<Finding> findings, Severity threshold) {
    return findings.stream().anyMatch(f -> f.severity().compareTo(threshold) >= 0);
  }
}
