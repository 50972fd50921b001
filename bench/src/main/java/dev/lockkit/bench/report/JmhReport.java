package dev.lockkit.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the CSV of one JMH run of the lockcore suite and prints the ratio tables in Markdown.
 *
 * <p>Every ratio divides two scores from the same run, so both figures saw the same machine load.
 * A ratio whose inputs are missing (a benchmark filtered out or failed) prints as {@code n/a}
 * rather than being left out, so a reader sees what was not measured. Usage: {@code JmhReport
 * RESULTS.csv}.
 */
public final class JmhReport {

  private static final String JDK = "dev.lockkit.bench.jdk.";
  private static final String LC = "dev.lockkit.bench.lockcore.";

  private final Map<String, double[]> scores = new LinkedHashMap<>();

  private JmhReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: JmhReport RESULTS.csv");
      System.exit(2);
    }
    JmhReport r = new JmhReport();
    r.load(Path.of(args[0]));
    r.print();
  }

  /** Keys are "benchmark[param,param]" with empty params dropped; values are score and error. */
  void load(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = fields(line);
      StringBuilder key = new StringBuilder(f.get(0));
      List<String> params = new ArrayList<>();
      for (int i = 7; i < f.size(); i++) {
        if (!f.get(i).isEmpty()) {
          params.add(f.get(i));
        }
      }
      if (!params.isEmpty()) {
        key.append(params);
      }
      double error = f.get(5).equals("NaN") ? Double.NaN : Double.parseDouble(f.get(5));
      scores.put(key.toString().replace(" ", ""), new double[] {Double.parseDouble(f.get(4)), error});
    }
  }

  private static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  private double score(String key) {
    double[] v = scores.get(key);
    return v == null ? Double.NaN : v[0];
  }

  private String fmt(String key) {
    double[] v = scores.get(key);
    if (v == null) {
      return "n/a";
    }
    return Double.isNaN(v[1])
        ? String.format(Locale.ROOT, "%.2f", v[0])
        : String.format(Locale.ROOT, "%.2f ± %.2f", v[0], v[1]);
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
    System.out.println("### Uncontended read round trip, one thread (ns/op, lower is better)\n");
    System.out.println("| operation | ns/op | ÷ RRWL read | ÷ one CAS | target |");
    System.out.println("|---|---:|---:|---:|---|");
    row(cas, "AtomicLong.compareAndSet (physical floor)", rrwlNs, casNs, "");
    row(JDK + "JdkLockBench.stampedOptimisticRead", "StampedLock optimistic read", rrwlNs, casNs, "");
    row(rrwl, "ReentrantReadWriteLock read lock+unlock", rrwlNs, casNs, "");
    row(JDK + "JdkLockBench.stampedReadRoundTrip", "StampedLock read lock+unlock", rrwlNs, casNs, "");
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
      row(rt + "rcuReadSection[" + v + "]", "rcu_read_lock+rcu_read_unlock" + suffix, rrwlNs, casNs, "");
      row(rt + "faultPerVma[" + v + "]", "whole fault, per-VMA kernel" + suffix, rrwlNs, casNs, "");
    }
    printScaling();
    printMprotect();
  }

  private void row(String key, String label, double rrwlNs, double casNs, String target) {
    double s = score(key);
    System.out.printf(
        "| %s | %s | %s | %s | %s |%n", label, fmt(key), ratio(s, rrwlNs), ratio(s, casNs), target);
  }

  private void printScaling() {
    System.out.println(
        "\n### Two threads on disjoint VMAs (ops/µs summed over threads; ratio = 2 threads ÷ 1"
            + " thread, 2.00 is perfect scaling)\n");
    System.out.println("| what | 1 thread | 2 threads | ratio |");
    System.out.println("|---|---:|---:|---:|");
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
    System.out.printf(
        "| %s | %s | %s | %s |%n", label, fmt(one), fmt(two), ratio(score(two), score(one)));
  }

  private void printMprotect() {
    System.out.println(
        "\n### Faults while another thread loops mprotect on an unrelated VMA (fault ops/µs; loss"
            + " = 1 − with mprotect ÷ beside a CPU-burning thread)\n");
    System.out.println("| path | faults beside busy thread | faults beside mprotect | mprotect/µs | loss | target |");
    System.out.println("|---|---:|---:|---:|---:|---|");
    String fb = LC + "LockcoreFaultBench.";
    for (String v : List.of("base", "debug")) {
      for (String p : List.of("pervma", "mmap")) {
        String params = "[" + p + "," + v + "]";
        double busy = score(fb + "busy:busyFaulter" + params);
        double mp = score(fb + "mprotect:faulter" + params);
        double loss = 1 - mp / busy;
        String target =
            p.equals("pervma") && v.equals("base") ? "< 20%: " + verdict(loss, 0.2, true) : "";
        System.out.printf(
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
    System.out.printf(
        Locale.ROOT,
        "| JDK RRWL reader, writer on the same lock vs on another lock | %s | %s | %s | %s | |%n",
        fmt(sb + "writerOtherLock:readerOtherLock"),
        fmt(sb + "writerSameLock:readerSameLock"),
        fmt(sb + "writerSameLock:writerSameLock"),
        Double.isNaN(other) || Double.isNaN(same)
            ? "n/a"
            : String.format(Locale.ROOT, "%.0f%%", 100 * (1 - same / other)));
  }
}
