package dev.lockkit.analyzer.report;

import dev.lockkit.analyzer.cycles.CycleGroup;
import dev.lockkit.analyzer.finding.Finding;
import java.util.List;

/**
 * Everything a reporter prints: the findings to show (already filtered by a baseline and sorted),
 * the cycle groups (for the graph formats and the cycle details), which rules ran, and counts.
 *
 * @param rules the rule ids that ran, sorted
 * @param findings the findings to report, in {@link Finding#ORDER}
 * @param cycles every cycle group found, whether baselined or not, in level then key order
 * @param summary counts
 */
public record Report(
    List<String> rules, List<Finding> findings, List<CycleGroup> cycles, Summary summary) {

  /**
   * Counts of one analysis.
   *
   * @param files Java files found
   * @param filesNotAnalysed files that could not be parsed or read (input findings)
   * @param types top-level types in the graph
   * @param packages packages in the graph
   * @param modules modules in the graph
   * @param references resolved references between distinct types
   * @param baselined findings suppressed because the baseline lists them
   * @param unresolvedReferences references config gating could not resolve ({@code
   *     input/unresolved}), counted whether or not a baseline lists them
   */
  public record Summary(
      int files,
      int filesNotAnalysed,
      int types,
      int packages,
      int modules,
      int references,
      int baselined,
      int unresolvedReferences) {

    /** The summary of a run that resolved every reference it met. */
    public Summary(
        int files,
        int filesNotAnalysed,
        int types,
        int packages,
        int modules,
        int references,
        int baselined) {
      this(files, filesNotAnalysed, types, packages, modules, references, baselined, 0);
    }

    /**
     * Whether every file was analysed and every reference resolved; a report of an incomplete
     * analysis says so.
     */
    public boolean complete() {
      return filesNotAnalysed == 0 && unresolvedReferences == 0;
    }
  }

  public Report {
    rules = List.copyOf(rules);
    findings = List.copyOf(findings);
    cycles = List.copyOf(cycles);
  }
}
