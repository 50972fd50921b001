package dev.lockkit.bench.analyzer;

import dev.lockkit.analyzer.cycles.CycleFinder;
import dev.lockkit.analyzer.cycles.CycleGroup;
import dev.lockkit.analyzer.cycles.CycleRule;
import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.graph.CodeGraph;
import dev.lockkit.analyzer.graph.EdgeTable;
import dev.lockkit.analyzer.graph.Level;
import dev.lockkit.analyzer.source.GraphBuilder;
import dev.lockkit.analyzer.source.InputScanner;
import dev.lockkit.analyzer.source.SourceParser;
import dev.lockkit.analyzer.source.SourceRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where {@code lockkit analyze}'s time goes: the pipeline of {@code Analyzer.run()} with a clock
 * around each phase (scan and parse, graph, then cycle detection and cycle findings per level). The
 * whole-process figure cannot answer "is the cycle report under 2 s on the dense graph", because
 * parsing dominates it; this does. Usage: {@code AnalyzePhases ROOT...}
 */
public final class AnalyzePhases {

  private AnalyzePhases() {}

  public static void main(String[] args) throws Exception {
    List<Path> paths = Arrays.stream(args).map(Path::of).toList();
    long t0 = System.nanoTime();
    List<SourceRoot> roots = InputScanner.scan(paths);
    SourceParser.Parsed parsed =
        new SourceParser(SourceParser.Options.defaults(), Path.of("."))
            .parse(roots, SourceParser.Progress.NONE);
    long t1 = System.nanoTime();
    CodeGraph graph = GraphBuilder.build(parsed.modules(), parsed.files());
    long t2 = System.nanoTime();
    StringBuilder levels = new StringBuilder();
    for (Level level : List.of(Level.MODULE, Level.PACKAGE, Level.TYPE)) {
      long a = System.nanoTime();
      EdgeTable edges = graph.edges(level);
      List<CycleGroup> groups = CycleFinder.find(edges);
      List<Finding> findings =
          new ArrayList<>(CycleRule.findings(groups, CycleRule.defaultSeverity(level)));
      long b = System.nanoTime();
      levels.append(
          String.format(
              Locale.ROOT,
              "; %s: %d nodes, %d edges, %d cyclic groups (largest %d), %d findings, %.0f ms",
              level,
              edges.nodeCount(),
              edges.edgeCount(),
              groups.size(),
              groups.stream().mapToInt(g -> g.members().size()).max().orElse(0),
              findings.size(),
              (b - a) / 1e6));
    }
    long t3 = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "phases: scan+parse %.0f ms, graph %.0f ms, cycles+findings %.0f ms%s%n",
        (t1 - t0) / 1e6,
        (t2 - t1) / 1e6,
        (t3 - t2) / 1e6,
        levels);
  }
}
