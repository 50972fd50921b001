package dev.lockkit.bench.report;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;

/**
 * Runs the lockcore suite through JMH's Java API and prints its ratio tables in Markdown.
 *
 * <p>Each figure is the median of the measurement iterations, shown with their range: on a shared
 * 2-core machine a few iterations are always hit by someone else's compile, and the median ignores
 * them where the mean would not. Every ratio divides two medians from the same JMH run. A figure
 * whose benchmark did not run (filtered out or failed) prints as {@code n/a} rather than being left
 * out, so a reader sees what was not measured.
 *
 * <p>Usage: {@code JmhReport REPORT.md [JMH options...]}; the JMH options are those of {@code java
 * -jar benchmarks.jar} (include regex, {@code -f}, {@code -wi}, {@code -rf}, ...).
 */
public final class JmhReport {

  private static final String JDK = "dev.lockkit.bench.jdk.";
  private static final String LC = "dev.lockkit.bench.lockcore.";

  /** Key "benchmark[:secondary][param,...]" to the measurement iterations' scores. */
  private final Map<String, double[]> scores = new LinkedHashMap<>();

  private final PrintStream out;

  private JmhReport(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: JmhReport REPORT.md [JMH options...]");
      System.exit(2);
    }
    Options options = new CommandLineOptions(Arrays.copyOfRange(args, 1, args.length));
    Collection<RunResult> results = new Runner(options).run();
    try (PrintStream file = new PrintStream(args[0], StandardCharsets.UTF_8)) {
      JmhReport r = new JmhReport(file);
      r.load(results);
      r.print();
    }
  }

  void load(Collection<RunResult> results) {
    for (RunResult rr : results) {
      BenchmarkParams p = rr.getParams();
      List<String> keys = new ArrayList<>(p.getParamsKeys());
      Collections.sort(keys);
      List<String> values = new ArrayList<>();
      for (String k : keys) {
        values.add(p.getParam(k));
      }
      String params = values.isEmpty() ? "" : "[" + String.join(",", values) + "]";
      List<IterationResult> its = new ArrayList<>();
      for (BenchmarkResult br : rr.getBenchmarkResults()) {
        its.addAll(br.getIterationResults());
      }
      scores.put(
          p.getBenchmark() + params,
          its.stream().mapToDouble(i -> i.getPrimaryResult().getScore()).toArray());
      for (String secondary : rr.getSecondaryResults().keySet()) {
        scores.put(
            p.getBenchmark() + ":" + secondary + params,
            its.stream()
                .filter(i -> i.getSecondaryResults().containsKey(secondary))
                .mapToDouble(i -> i.getSecondaryResults().get(secondary).getScore())
                .toArray());
      }
    }
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private double score(String key) {
    double[] v = scores.get(key);
    return v == null ? Double.NaN : median(v);
  }

  /** "median (min–max)" of the iterations. */
  private String fmt(String key) {
    double[] v = scores.get(key);
    if (v == null || v.length == 0) {
      return "n/a";
    }
    double min = Arrays.stream(v).min().getAsDouble();
    double max = Arrays.stream(v).max().getAsDouble();
    return String.format(Locale.ROOT, "%s (%s–%s)", num(median(v)), num(min), num(max));
  }

  private static String num(double d) {
    return d >= 100 ? String.format(Locale.ROOT, "%.0f", d) : String.format(Locale.ROOT, "%.3g", d);
  }

  private static String ratio(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) ? "n/a" : String.format(Locale.ROOT, "%.2f", a / b);
  }

  private static String verdict(double value, double limit, boolean atMost) {
    if (Double.isNaN(value)) {
      return "not measured";
    }
    boolean ok = atMost ? value <= limit : value >= limit;
    return ok ? "meets" : "**misses**";
  }

  void print() {
    String rrwl = JDK + "JdkLockBench.rrwlReadRoundTrip";
    String cas = JDK + "JdkLockBench.casFloor";
    double rrwlNs = score(rrwl);
    double casNs = score(cas);
    out.println(
        "### Uncontended read round trip, one thread (ns/op: median of iterations (min–max))\n");
    out.println("| operation | ns/op | ÷ RRWL read | ÷ one CAS | target |");
    out.println("|---|---:|---:|---:|---|");
    row(cas, "AtomicLong.compareAndSet (physical floor)", rrwlNs, casNs, "");
    row(
        JDK + "JdkLockBench.stampedOptimisticRead",
        "StampedLock optimistic read",
        rrwlNs,
        casNs,
        "");
    row(rrwl, "ReentrantReadWriteLock read lock+unlock", rrwlNs, casNs, "");
    row(
        JDK + "JdkLockBench.stampedReadRoundTrip",
        "StampedLock read lock+unlock",
        rrwlNs,
        casNs,
        "");
    for (String v : List.of("base", "debug")) {
      String suffix = v.equals("base") ? "" : " (DEBUG_LOCK_ALLOC+TRACING)";
      String rt = LC + "LockcoreRoundTripBench.";
      double sem = score(rt + "rwsemReadRoundTrip[" + v + "]");
      double pv = score(rt + "perVmaRoundTrip[" + v + "]");
      row(
          rt + "rwsemReadRoundTrip[" + v + "]",
          "lockcore down_read+up_read" + suffix,
          rrwlNs,
          casNs,
          v.equals("base") ? "≤ 1.2× RRWL: " + verdict(sem / rrwlNs, 1.2, true) : "");
      row(
          rt + "mmapReadRoundTrip[" + v + "]",
          "mmap_read_lock+mmap_read_unlock" + suffix,
          rrwlNs,
          casNs,
          "");
      row(
          rt + "perVmaRoundTrip[" + v + "]",
          "lock_vma_under_rcu+vma_end_read" + suffix,
          rrwlNs,
          casNs,
          v.equals("base") ? "≤ 1.5× RRWL: " + verdict(pv / rrwlNs, 1.5, true) : "");
      row(
          rt + "rcuReadSection[" + v + "]",
          "rcu_read_lock+rcu_read_unlock" + suffix,
          rrwlNs,
          casNs,
          "");
      row(rt + "faultPerVma[" + v + "]", "whole fault, per-VMA kernel" + suffix, rrwlNs, casNs, "");
    }
    printScaling();
    printMprotect();
    printWriteHolder();
  }

  private void row(String key, String label, double rrwlNs, double casNs, String target) {
    double s = score(key);
    out.printf(
        "| %s | %s | %s | %s | %s |%n", label, fmt(key), ratio(s, rrwlNs), ratio(s, casNs), target);
  }

  private void printScaling() {
    out.println(
        "\n### Two threads on disjoint VMAs (ops/µs summed over threads; ratio = 2 threads ÷ 1"
            + " thread, 2.00 is perfect scaling)\n");
    out.println("| what | 1 thread | 2 threads | ratio |");
    out.println("|---|---:|---:|---:|");
    String sb = JDK + "JdkScalingBench.";
    scaleRow(
        "JDK RRWL, one lock per thread (per-VMA analogue)",
        sb + "readOneThread",
        sb + "readPrivateTwoThreads");
    scaleRow(
        "JDK RRWL, one shared lock (mmap_lock analogue)",
        sb + "readOneThread",
        sb + "readSharedTwoThreads");
    String fb = LC + "LockcoreFaultBench.";
    scaleRow("JDK RRWL, one lock per thread (LockcoreFaultBench)", fb + "rrwl1T", fb + "rrwl2T");
    scaleRow(
        "JDK StampedLock read, one lock per thread (LockcoreFaultBench)",
        fb + "stamped1T",
        fb + "stamped2T");
    for (String v : List.of("base", "debug")) {
      for (String p : List.of("pervma", "mmap")) {
        String params = "[" + p + "," + v + "]";
        String name = (p.equals("pervma") ? "per-VMA" : "mmap_lock") + " path, " + v;
        scaleRow("lock round trip, " + name, fb + "lock1T" + params, fb + "lock2T" + params);
        scaleRow("whole fault, " + name, fb + "fault1T" + params, fb + "fault2T" + params);
      }
    }
  }

  private void scaleRow(String label, String one, String two) {
    out.printf("| %s | %s | %s | %s |%n", label, fmt(one), fmt(two), ratio(score(two), score(one)));
  }

  private void printMprotect() {
    out.println(
        "\n### Faults while another thread loops mprotect on an unrelated VMA (fault ops/µs; loss"
            + " = 1 − with mprotect ÷ beside a CPU-burning thread)\n");
    out.println(
        "| path | faults beside busy thread | faults beside mprotect | mprotect/µs | loss | target |");
    out.println("|---|---:|---:|---:|---:|---|");
    String fb = LC + "LockcoreFaultBench.";
    for (String v : List.of("base", "debug")) {
      for (String p : List.of("pervma", "mmap")) {
        String params = "[" + p + "," + v + "]";
        double busy = score(fb + "busy:busyFaulter" + params);
        double mp = score(fb + "mprotect:faulter" + params);
        double loss = 1 - mp / busy;
        String target =
            p.equals("pervma") && v.equals("base") ? "< 20%: " + verdict(loss, 0.2, true) : "";
        out.printf(
            Locale.ROOT,
            "| %s, %s | %s | %s | %s | %s | %s |%n",
            p.equals("pervma") ? "per-VMA" : "mmap_lock",
            v,
            fmt(fb + "busy:busyFaulter" + params),
            fmt(fb + "mprotect:faulter" + params),
            fmt(fb + "mprotect:mprotector" + params),
            Double.isNaN(loss) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * loss),
            target);
      }
    }
    String sb = JDK + "JdkScalingBench.";
    double other = score(sb + "writerOtherLock:readerOtherLock");
    double same = score(sb + "writerSameLock:readerSameLock");
    out.printf(
        Locale.ROOT,
        "| JDK RRWL reader, writer on the same lock vs on another lock | %s | %s | %s | %s | |%n",
        fmt(sb + "writerOtherLock:readerOtherLock"),
        fmt(sb + "writerSameLock:readerSameLock"),
        fmt(sb + "writerSameLock:writerSameLock"),
        Double.isNaN(other) || Double.isNaN(same)
            ? "n/a"
            : String.format(Locale.ROOT, "%.0f%%", 100 * (1 - same / other)));
  }

  private void printWriteHolder() {
    out.println(
        "\n### Faults while another thread loops mmap_write_lock/unlock on the same mm, touching no"
            + " VMA (fault ops/µs; loss = 1 − beside the holder ÷ beside a CPU-burning thread)\n");
    out.println(
        "| path | faults beside busy thread | faults beside write holder | write sections/µs | loss |");
    out.println("|---|---:|---:|---:|---:|");
    String fb = LC + "LockcoreFaultBench.";
    for (String v : List.of("base", "debug")) {
      for (String p : List.of("pervma", "mmap")) {
        String params = "[" + p + "," + v + "]";
        double busy = score(fb + "busy:busyFaulter" + params);
        double held = score(fb + "writeHolder:holderFaulter" + params);
        double loss = 1 - held / busy;
        out.printf(
            Locale.ROOT,
            "| %s, %s | %s | %s | %s | %s |%n",
            p.equals("pervma") ? "per-VMA" : "mmap_lock",
            v,
            fmt(fb + "busy:busyFaulter" + params),
            fmt(fb + "writeHolder:holderFaulter" + params),
            fmt(fb + "writeHolder:writeHolder" + params),
            Double.isNaN(loss) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * loss));
      }
    }
  }
}
