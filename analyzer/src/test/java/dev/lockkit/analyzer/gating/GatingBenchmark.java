package dev.lockkit.analyzer.gating;

import dev.lockkit.analyzer.gating.members.CodeModel;
import dev.lockkit.analyzer.gating.members.MemberExtractor;
import dev.lockkit.analyzer.kconfig.FeatureModel;
import dev.lockkit.analyzer.kconfig.KconfigParser;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Benchmark entry point (a main, not a test, so the default test run never pays for it): writes the
 * issue-5 model with {@link SyntheticProject} (1,000 options, 10,000 gated elements by default)
 * unless it exists, then times each gating phase in-process and prints one line: wall and CPU
 * milliseconds, solver calls, findings per rule, and a hash of every finding with its witness and
 * condition, so two implementations can be run alternately and checked for identical results.
 *
 * <p>Usage, from {@code analyzer/}: {@code mvn -o -q test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt} then {@code java -cp target/classes:target/test-classes:$(cat
 * target/cp.txt) dev.lockkit.analyzer.gating.GatingBenchmark DIR [OPTIONS ELEMENTS]}.
 */
public final class GatingBenchmark {
  private GatingBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/gating-bench");
    int options = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int elements = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    if (!Files.exists(dir.resolve("Kconfig"))) {
      SyntheticProject.write(dir, options, elements, 4, 1);
    }
    // Process CPU time next to wall time: on a machine shared with other builds the wall time
    // mostly measures the load, the CPU time what this process did.
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long t0 = System.nanoTime();
    long c0 = os.getProcessCpuTime();
    FeatureModel model = KconfigParser.parse(dir.resolve("Kconfig"));
    long t1 = System.nanoTime();
    long c1 = os.getProcessCpuTime();
    CodeModel code =
        MemberExtractor.extract(List.of(dir.resolve("src")), null, SyntheticProject.GUARDS);
    long t2 = System.nanoTime();
    long c2 = os.getProcessCpuTime();
    GatingAnalyzer.Result result = GatingAnalyzer.run(model, code, false);
    long t3 = System.nanoTime();
    long c3 = os.getProcessCpuTime();
    Map<String, Integer> byRule = new TreeMap<>();
    result.plainFindings().forEach(f -> byRule.merge(f.rule(), 1, Integer::sum));
    // The hash covers every finding with its witness and condition, so runs of two
    // implementations can be compared for byte-identical results.
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (GatingFinding f : result.findings()) {
      sha.update((f + "\n").getBytes(StandardCharsets.UTF_8));
    }
    String hash = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    System.out.printf(
        "gating: %d options, %d declarations; kconfig %.0f ms, extract %.0f ms, rules %.0f ms,"
            + " total %.0f ms; CPU ms %.0f/%.0f/%.0f/%.0f; solver calls %d; findings %s; hash %s%n",
        model.symbolNames().size(),
        code.declarations().size(),
        (t1 - t0) / 1e6,
        (t2 - t1) / 1e6,
        (t3 - t2) / 1e6,
        (t3 - t0) / 1e6,
        (c1 - c0) / 1e6,
        (c2 - c1) / 1e6,
        (c3 - c2) / 1e6,
        (c3 - c0) / 1e6,
        model.solver().solverCalls(),
        byRule,
        hash);
  }
}
