package dev.lockkit.refactor.findings;

import dev.lockkit.analyzer.cycles.CycleFinder;
import dev.lockkit.analyzer.cycles.CycleGroup;
import dev.lockkit.analyzer.cycles.CycleRule;
import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.graph.CodeGraph;
import dev.lockkit.analyzer.graph.Level;
import dev.lockkit.analyzer.layers.LayerRule;
import dev.lockkit.analyzer.layers.RulesFile;
import dev.lockkit.analyzer.source.GraphBuilder;
import dev.lockkit.analyzer.source.InputException;
import dev.lockkit.analyzer.source.SourceParser;
import dev.lockkit.analyzer.source.SourceRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The findings of the analyzer's graph rules (package and type cycles, layer rules) that a change
 * adds: the differential both refactorings fail on. {@code move} compares the graph before with its
 * what-if graph and, under {@code --verify}, with the graph of the rewritten tree; {@code migrate
 * --verify} compares the graphs of the tree before and of the rewritten tree.
 */
public final class AddedFindings {

  private AddedFindings() {}

  /** The analyzer's graph of {@code roots}, built by its own front end. */
  public static CodeGraph graphOf(List<SourceRoot> roots) throws InputException {
    SourceParser.Parsed parsed =
        new SourceParser(SourceParser.Options.defaults(), Path.of("").toAbsolutePath())
            .parse(roots, SourceParser.Progress.NONE);
    return GraphBuilder.build(parsed.modules(), parsed.files());
  }

  /**
   * The cycle groups of {@code after} that contain a member or an edge no cycle of {@code before}
   * contained. A group that lost members or edges (a move that shrinks a cycle, e.g. 44 types to a
   * 42-type subset) is not new: every cycle it still has existed before.
   */
  public static List<CycleGroup> newCycles(CodeGraph before, CodeGraph after, Level level) {
    Set<String> members = new HashSet<>();
    Set<String> edges = new HashSet<>();
    for (CycleGroup g : CycleFinder.find(before.edges(level))) {
      members.addAll(g.members());
      for (CycleGroup.Edge e : g.edges()) {
        edges.add(e.from() + "\n" + e.to());
      }
    }
    List<CycleGroup> out = new ArrayList<>();
    for (CycleGroup g : CycleFinder.find(after.edges(level))) {
      boolean fresh = !members.containsAll(g.members());
      for (CycleGroup.Edge e : g.edges()) {
        fresh |= !edges.contains(e.from() + "\n" + e.to());
      }
      if (fresh) {
        out.add(g);
      }
    }
    return out;
  }

  /** Findings of the cycle and layer rules that {@code after} has and {@code before} has not. */
  public static List<Finding> added(CodeGraph before, CodeGraph after, RulesFile rules) {
    List<Finding> out = new ArrayList<>();
    for (Level level : Level.values()) {
      List<CycleGroup> grown = newCycles(before, after, level);
      Severity sev =
          rules == null
              ? CycleRule.defaultSeverity(level)
              : rules
                  .severities()
                  .getOrDefault(CycleRule.ruleId(level), CycleRule.defaultSeverity(level));
      out.addAll(CycleRule.findings(grown, sev));
    }
    if (rules != null) {
      Set<String> old = new HashSet<>();
      for (Finding f : LayerRule.check(before, rules)) {
        old.add(f.baselineKey());
      }
      for (Finding f : LayerRule.check(after, rules)) {
        if (!old.contains(f.baselineKey())) {
          out.add(f);
        }
      }
    }
    out.sort(Finding.ORDER);
    return out;
  }
}
