package dev.lockkit.bench.golden;

import dev.lockkit.golden.explore.Exploration;
import dev.lockkit.golden.explore.Explorer;
import dev.lockkit.golden.explore.Mode;
import dev.lockkit.golden.lockcore.LockcoreTarget;
import dev.lockkit.golden.lockcore.memory.MemoryOp;
import dev.lockkit.golden.lockcore.memory.Vma;
import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Scenario;
import dev.lockkit.golden.sched.PlatformStats;
import dev.lockkit.golden.target.ScenarioRunner;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * Schedules per second of an exhaustive exploration, preemption bound 2, of a 3-task lockcore
 * scenario: two faults on different VMAs and an mprotect of one of them, the shape of issue 8's
 * mprotect benchmark. A capped run of the same search warms up the JIT and the task threads; then
 * the complete search runs RUNS times (about 175,000 schedules each) and the median run is
 * reported, with the share of run time the platform spent handing the turn from one task thread to
 * the next.
 *
 * <p>Usage: {@code ExplorerRate [RUNS [VARIANT]]}, VARIANT an id such as {@code
 * ARCH_SUPPORTS_PER_VMA_LOCK+LOCK_MM_AND_FIND_VMA+MMU+PER_VMA_LOCK+SMP}.
 */
public final class ExplorerRate {

  static final String DEFAULT_VARIANT =
      "ARCH_SUPPORTS_PER_VMA_LOCK+LOCK_MM_AND_FIND_VMA+MMU+PER_VMA_LOCK+SMP";

  private ExplorerRate() {}

  static Scenario scenario(int maxSchedules) {
    return Scenario.builder("bench-3-tasks")
        .description("two faults on different VMAs while a third task mprotects one of them")
        .config("all")
        .explore(new Mode.Exhaustive(2, maxSchedules))
        .setup(new Vma(0x10000, 0x20000, "rw-"))
        .setup(new Vma(0x30000, 0x40000, "rw-"))
        .task(t -> t.op(new MemoryOp.Fault(0x10000, true, true)))
        .task(t -> t.op(new MemoryOp.Fault(0x30000, false, true)))
        .task(t -> t.op(new MemoryOp.Mprotect(0x30000, 0x40000, "r--")))
        .build();
  }

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    Variant variant = Variant.parse(args.length > 1 ? args[1] : DEFAULT_VARIANT);
    Scenario scenario = scenario(Mode.DEFAULT_MAX_SCHEDULES);
    LockcoreTarget target = new LockcoreTarget();
    double[] rates = new double[runs];
    double[] handoff = new double[runs];
    long schedules = 0;
    int outcomes = 0;
    try (Explorer explorer = new Explorer()) {
      ScenarioRunner runner = new ScenarioRunner(explorer);
      // Warm-up (JIT, task threads): the first 20,000 schedules of the same search, not counted.
      runner.run(scenario(20_000), variant, target);
      for (int i = 0; i < runs; i++) {
        PlatformStats before = explorer.stats();
        long start = System.nanoTime();
        Exploration e = runner.run(scenario, variant, target);
        double seconds = (System.nanoTime() - start) / 1e9;
        PlatformStats after = explorer.stats();
        if (!e.complete()) {
          // A capped search would make the count a setting, not a property of the scenario.
          throw new IllegalStateException(
              "the search hit the cap of " + Mode.DEFAULT_MAX_SCHEDULES);
        }
        schedules = e.schedules();
        outcomes = e.outcomes().size();
        rates[i] = schedules / seconds;
        long run = after.runNanos() - before.runNanos();
        handoff[i] = run == 0 ? 0 : (double) (after.handoffNanos() - before.handoffNanos()) / run;
        System.err.printf(
            Locale.ROOT,
            "run %d: %d schedules in %.2f s = %.0f schedules/s, hand-off %.0f%% of run time%n",
            i + 1,
            schedules,
            seconds,
            rates[i],
            100 * handoff[i]);
      }
    }
    Integer[] order = new Integer[runs];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble(i -> rates[i]));
    int mid = order[runs / 2];
    System.out.printf(
        Locale.ROOT,
        "explorer: %d schedules per exploration (%d outcomes), median %.0f schedules/s"
            + " (min %.0f, max %.0f over %d runs), hand-off %.0f%% of run time in the median run%n",
        schedules,
        outcomes,
        rates[mid],
        rates[order[0]],
        rates[order[runs - 1]],
        runs,
        100 * handoff[mid]);
  }
}
