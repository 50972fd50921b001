package dev.lockkit.bench.golden;

import dev.lockkit.golden.explore.Mode;
import dev.lockkit.golden.jvm.InstrumentingLoader;
import dev.lockkit.golden.jvm.JvmExplorer;
import dev.lockkit.golden.sched.PlatformStats;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The engine for unmodified code ({@code golden.jvm}): schedules per second and the share of run
 * time spent handing the turn from one thread to the next, over the whole bounded search (bound 2)
 * of every case in {@code cases.Case}. One warm-up pass, then {@code ROUNDS} passes; per case the
 * sums over the measured passes. The counterpart of {@link ExplorerRate} (the lockcore explorer).
 *
 * <p>Usage: {@code JvmExplorerRate [ROUNDS]} (default 3).
 */
public final class JvmExplorerRate {

  private JvmExplorerRate() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    ClassLoader loader =
        new InstrumentingLoader(
            JvmExplorerRate.class.getClassLoader(), List.of("dev.lockkit.bench.golden.cases"));
    Class<?> cases = loader.loadClass("dev.lockkit.bench.golden.cases.Case");
    List<?> all = (List<?>) cases.getMethod("all").invoke(null);
    System.out.println(
        "| case | schedules per search | schedules/s | hand-offs per schedule"
            + " | hand-off latency (µs) | hand-off share of run time |");
    System.out.println("|---|---|---|---|---|---|");
    long totalSchedules = 0;
    long totalHandoffs = 0;
    long totalHandoffNanos = 0;
    long totalRun = 0;
    double totalSeconds = 0;
    for (Object c : all) {
      run(cases, c); // warm-up: JIT and classes
      long schedules = 0;
      long handoffs = 0;
      long handoffNanos = 0;
      long runNanos = 0;
      long perSearch = 0;
      long start = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        JvmExplorer.Result r = run(cases, c);
        PlatformStats s = r.stats();
        perSearch = r.exploration().schedules();
        schedules += s.schedules();
        handoffs += s.handoffs();
        handoffNanos += s.handoffNanos();
        runNanos += s.runNanos();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      totalSchedules += schedules;
      totalHandoffs += handoffs;
      totalHandoffNanos += handoffNanos;
      totalRun += runNanos;
      totalSeconds += seconds;
      System.out.println(
          row(
              (String) field(cases, c, "name"),
              perSearch,
              schedules,
              seconds,
              handoffs,
              handoffNanos,
              runNanos));
    }
    System.out.println(
        row(
            "**all cases**",
            -1,
            totalSchedules,
            totalSeconds,
            totalHandoffs,
            totalHandoffNanos,
            totalRun));
    System.exit(0);
  }

  private static String row(
      String name,
      long perSearch,
      long schedules,
      double seconds,
      long handoffs,
      long handoffNanos,
      long runNanos) {
    return String.format(
        Locale.ROOT,
        "| %s | %s | %.0f | %.1f | %.1f | %.0f%% |",
        name,
        perSearch < 0 ? "" : String.valueOf(perSearch),
        schedules / seconds,
        (double) handoffs / Math.max(1, schedules),
        handoffNanos / 1e3 / Math.max(1, handoffs),
        100.0 * handoffNanos / Math.max(1, runNanos));
  }

  @SuppressWarnings("unchecked")
  private static <S> JvmExplorer.Result run(Class<?> cases, Object c) throws Exception {
    return JvmExplorer.explore(
        (Supplier<S>) field(cases, c, "setup"),
        List.of((Consumer<S>) field(cases, c, "a0"), (Consumer<S>) field(cases, c, "a1")),
        (Function<S, String>) field(cases, c, "outcome"),
        new Mode.Exhaustive(2, 1_000_000),
        Duration.ofSeconds(10),
        JvmExplorer.DEFAULT_STEP_LIMIT);
  }

  private static Object field(Class<?> cases, Object c, String name) throws Exception {
    Field f = cases.getField(name);
    return f.get(c);
  }
}
