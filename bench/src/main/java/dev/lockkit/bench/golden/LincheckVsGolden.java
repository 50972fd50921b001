package dev.lockkit.bench.golden;

import dev.lockkit.bench.golden.cases.LincheckCases;
import dev.lockkit.golden.explore.Mode;
import dev.lockkit.golden.jvm.InstrumentingLoader;
import dev.lockkit.golden.jvm.JvmExplorer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Golden's engine and Lincheck 3.7's {@code runConcurrentTest} on the same unmodified cases ({@code
 * cases.Case}), one engine per process ({@code golden} or {@code lincheck} as argument) so each has
 * its own peak heap. Per case: whether the bug was found (or, for a correct case, no false
 * failure), time to the first failing schedule, schedules (invocations) run and their rate, peak
 * heap. Golden runs its whole bounded search (every outcome, preemption bound 2); Lincheck stops at
 * its first failure, or runs {@code INVOCATIONS} (default 10,000) invocations on a correct case.
 */
public final class LincheckVsGolden {

  private LincheckVsGolden() {}

  public static void main(String[] args) throws Exception {
    String engine = args.length > 0 ? args[0] : "golden";
    if (engine.equals("merge")) {
      merge(Path.of(args[1]), Path.of(args[2]));
      return;
    }
    int invocations = Integer.getInteger("INVOCATIONS", 10_000);
    System.out.printf(
        "| engine | case | result | first failure (ms) | schedules | schedules/s | peak heap (MB) |%n");
    System.out.printf("|---|---|---|---|---|---|---|%n");
    ClassLoader loader =
        engine.equals("golden")
            ? new InstrumentingLoader(
                LincheckVsGolden.class.getClassLoader(), List.of("dev.lockkit.bench.golden.cases"))
            : LincheckVsGolden.class.getClassLoader();
    // Each engine's one-time start (Lincheck attaches its agent, golden loads its engine) is kept
    // out of the first case's time by a trivial warm-up run.
    if (engine.equals("golden")) {
      JvmExplorer.explore(
          AtomicInteger::new,
          List.<Consumer<AtomicInteger>>of(a -> a.incrementAndGet(), a -> a.incrementAndGet()),
          a -> "n=" + a.get(),
          new Mode.Exhaustive(2, 1_000),
          Duration.ofSeconds(10),
          JvmExplorer.DEFAULT_STEP_LIMIT);
    } else {
      LincheckCases.warmUp();
    }
    Class<?> cases = loader.loadClass("dev.lockkit.bench.golden.cases.Case");
    // CASES: "basic" (Case.all(), the eight cases of the first comparison), "blocking"
    // (BlockingCases.all(), the JDK's blocking classes) or "all" (default: both)
    String which = System.getProperty("CASES", "all");
    List<Object> all = new java.util.ArrayList<>();
    if (!which.equals("blocking")) {
      all.addAll((List<?>) cases.getMethod("all").invoke(null));
    }
    if (!which.equals("basic")) {
      Class<?> blocking = loader.loadClass("dev.lockkit.bench.golden.cases.BlockingCases");
      all.addAll((List<?>) blocking.getMethod("all").invoke(null));
    }
    for (Object c : all) {
      resetPeaks();
      String row = engine.equals("golden") ? golden(cases, c) : lincheck(cases, c, invocations);
      System.out.printf("| %s | %s | %s | %.0f |%n", engine, name(cases, c), row, peakHeapMb());
    }
    System.exit(0); // Lincheck and golden may leave daemon threads of hung or aborted schedules
  }

  /**
   * One table from the two engines' outputs, case by case, with the aim's verdict: golden finds
   * every bug Lincheck finds, no later than Lincheck's first failure, and neither fails a correct
   * case.
   */
  private static void merge(Path goldenRows, Path lincheckRows) throws Exception {
    Map<String, String[]> g = rows(goldenRows);
    Map<String, String[]> l = rows(lincheckRows);
    System.out.println(
        "| case | golden: result | golden: first failure (ms) | golden: schedules (whole search)"
            + " | golden: schedules/s | golden: peak heap (MB) | Lincheck: result"
            + " | Lincheck: first failure (ms) | Lincheck: invocations/s | Lincheck: peak heap (MB)"
            + " | aim met? |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    for (Map.Entry<String, String[]> e : g.entrySet()) {
      String[] a = e.getValue();
      String[] b = l.getOrDefault(e.getKey(), new String[] {"", "", "missing", "-", "-", "-", "-"});
      System.out.printf(
          "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
          e.getKey(), a[2], a[3], a[4], a[5], a[6], b[2], b[3], b[5], b[6], verdict(a, b));
    }
  }

  private static String verdict(String[] golden, String[] lincheck) {
    boolean gFound = golden[2].startsWith("found");
    boolean lFound = lincheck[2].startsWith("found");
    if (golden[2].startsWith("pass") || golden[2].startsWith("FALSE")) {
      boolean ok = golden[2].startsWith("pass") && !lincheck[2].startsWith("FALSE");
      return golden[2].startsWith("pass") ? "yes (no false failure)" : ok ? "yes" : "NO";
    }
    if (!gFound) {
      return lFound ? "NO: golden misses it" : "NO: both miss it";
    }
    if (!lFound) {
      return "yes (Lincheck misses it)";
    }
    double gMs = Double.parseDouble(golden[3].replaceAll(" .*", ""));
    double lMs = Double.parseDouble(lincheck[3]);
    return gMs <= lMs
        ? String.format(Locale.ROOT, "yes (%.2g× Lincheck's time)", gMs / lMs)
        : String.format(Locale.ROOT, "NO: %.2g× Lincheck's time", gMs / lMs);
  }

  private static Map<String, String[]> rows(Path file) throws Exception {
    Map<String, String[]> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.startsWith("| golden |") && !line.startsWith("| lincheck |")) {
        continue;
      }
      String[] cells = line.substring(2, line.length() - 2).split(" \\| ", -1);
      out.put(cells[1], cells);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static <S> String golden(Class<?> cases, Object c) throws Exception {
    Supplier<S> setup = (Supplier<S>) get(cases, c, "setup");
    Consumer<S> a0 = (Consumer<S>) get(cases, c, "a0");
    Consumer<S> a1 = (Consumer<S>) get(cases, c, "a1");
    Function<S, String> outcome = (Function<S, String>) get(cases, c, "outcome");
    Predicate<String> bad = (Predicate<String>) get(cases, c, "bad");
    boolean buggy = (Boolean) get(cases, c, "buggy");
    long[] firstBad = {0};
    long start = System.nanoTime();
    JvmExplorer.Result r =
        JvmExplorer.explore(
            setup,
            List.of(a0, a1),
            s -> {
              String o = outcome.apply(s);
              if (bad.test(o) && firstBad[0] == 0) {
                firstBad[0] = System.nanoTime();
              }
              return o;
            },
            new Mode.Exhaustive(2, 1_000_000),
            Duration.ofSeconds(10),
            JvmExplorer.DEFAULT_STEP_LIMIT);
    long end = System.nanoTime();
    boolean failureOutcome = r.exploration().outcomes().stream().anyMatch(o -> o.failure() != null);
    boolean found = firstBad[0] != 0 || failureOutcome;
    double firstMs =
        firstBad[0] != 0 ? (firstBad[0] - start) / 1e6 : failureOutcome ? (end - start) / 1e6 : -1;
    long n = r.exploration().schedules();
    String result =
        buggy
            ? (found ? "found (" + r.exploration().outcomes().size() + " outcomes)" : "MISSED")
            : (found
                ? "FALSE FAILURE"
                : "pass (" + r.exploration().outcomes().size() + " outcome)");
    return String.format(
        Locale.ROOT,
        "%s | %s | %d | %.0f",
        result,
        firstMs < 0
            ? "-"
            : String.format(
                Locale.ROOT,
                "%.1f%s",
                firstMs,
                firstBad[0] == 0 && failureOutcome ? " (whole search)" : ""),
        n,
        n / ((end - start) / 1e9));
  }

  private static String lincheck(Class<?> cases, Object c, int invocations) throws Exception {
    boolean buggy = (Boolean) get(cases, c, "buggy");
    long start = System.nanoTime();
    Throwable failure = null;
    try {
      LincheckCases.run(name(cases, c), invocations);
    } catch (Throwable t) {
      failure = t;
    }
    long end = System.nanoTime();
    double ms = (end - start) / 1e6;
    String result =
        buggy
            ? (failure != null ? "found: " + kind(failure) : "MISSED")
            : (failure != null ? "FALSE FAILURE: " + kind(failure) : "pass");
    // Lincheck reports no count of the invocations before a failure: a passing run is reported as
    // its whole budget of invocations, a failing one as its time only.
    return String.format(
        Locale.ROOT,
        "%s | %s | %s | %s",
        result,
        failure != null ? String.format(Locale.ROOT, "%.1f", ms) : "-",
        failure != null ? "n/a" : String.valueOf(invocations),
        failure != null
            ? "n/a"
            : String.format(Locale.ROOT, "%.0f", invocations / ((end - start) / 1e9)));
  }

  private static String kind(Throwable t) {
    String m = String.valueOf(t.getMessage());
    for (String k :
        List.of("bad outcome", "deadlock", "Deadlock", "hang", "livelock", "Livelock", "Timeout")) {
      if (m.contains(k)) {
        int i = m.indexOf(k);
        String line = m.substring(i).lines().findFirst().orElse("").strip();
        return line.substring(0, Math.min(line.length(), 48)).replace('|', '/');
      }
    }
    return t.getClass().getSimpleName();
  }

  private static Object get(Class<?> cases, Object c, String field) throws Exception {
    Field f = cases.getField(field);
    return f.get(c);
  }

  private static String name(Class<?> cases, Object c) throws Exception {
    return (String) get(cases, c, "name");
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  private static double peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum / 1e6;
  }
}
