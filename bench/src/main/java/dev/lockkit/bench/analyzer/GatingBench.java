package dev.lockkit.bench.analyzer;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.gating.GatingAnalyzer;
import dev.lockkit.analyzer.gating.members.CodeModel;
import dev.lockkit.analyzer.gating.members.MemberExtractor;
import dev.lockkit.analyzer.kconfig.FeatureModel;
import dev.lockkit.analyzer.kconfig.KconfigParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Times every gating check on a generated model, split into its phases: Kconfig parse and CNF,
 * member extraction (JavaParser), and the rules (SAT queries). The process's own wall time,
 * measured by the caller, adds JVM start. Usage: {@code GatingBench KCONFIG SRC...}
 */
public final class GatingBench {

  private GatingBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: GatingBench KCONFIG SRC...");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    FeatureModel model = KconfigParser.parse(Path.of(args[0]));
    long t1 = System.nanoTime();
    List<Path> roots = java.util.Arrays.stream(args).skip(1).map(Path::of).toList();
    CodeModel code = MemberExtractor.extract(roots);
    long t2 = System.nanoTime();
    List<Finding> findings = GatingAnalyzer.run(model, code, false).plainFindings();
    long t3 = System.nanoTime();
    Map<String, Integer> byRule = new TreeMap<>();
    for (Finding f : findings) {
      byRule.merge(f.rule(), 1, Integer::sum);
    }
    System.out.printf(
        "gating: %d options, kconfig %.0f ms, extract %.0f ms, rules %.0f ms, total %.0f ms"
            + " in-process; findings %s%n",
        model.symbolNames().size(),
        (t1 - t0) / 1e6,
        (t2 - t1) / 1e6,
        (t3 - t2) / 1e6,
        (t3 - t0) / 1e6,
        byRule);
  }
}
