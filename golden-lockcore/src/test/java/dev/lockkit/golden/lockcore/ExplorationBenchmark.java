package dev.lockkit.golden.lockcore;

import dev.lockkit.golden.explore.Exploration;
import dev.lockkit.golden.explore.Explorer;
import dev.lockkit.golden.explore.Mode;
import dev.lockkit.golden.lockcore.memory.MemoryOp;
import dev.lockkit.golden.lockcore.memory.Vma;
import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Scenario;
import dev.lockkit.golden.sched.PlatformStats;
import dev.lockkit.golden.target.ScenarioRunner;
import java.util.Locale;
import java.util.Set;

/**
 * Benchmark, not a test: schedules explored per second for a 3-task lockcore scenario, exhaustive
 * with preemption bound 2, and the share of schedule time spent handing the turn between threads.
 * Run with {@code java -cp <test classpath> dev.lockkit.golden.lockcore.ExplorationBenchmark}.
 */
public final class ExplorationBenchmark {

  private ExplorationBenchmark() {}

  /** Three tasks: a fault, an mprotect of the same VMA and a fault on another VMA. */
  static Scenario threeTasks(int bound) {
    return Scenario.builder("bench-three-tasks")
        .explore(new Mode.Exhaustive(bound, 1_000_000))
        .setup(new Vma(0x10000, 0x20000, "rw-"))
        .setup(new Vma(0x40000, 0x50000, "rw-"))
        .task(t -> t.op(new MemoryOp.Fault(0x10000, true, true)))
        .task(t -> t.op(new MemoryOp.Mprotect(0x10000, 0x20000, "r--")))
        .task(t -> t.op(new MemoryOp.Fault(0x40000, false, true)))
        .build();
  }

  /** Optional argument: the preemption bound (default 2). */
  public static void main(String[] args) {
    int bound = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    Variant v =
        new Variant(
            Set.of(
                "ARCH_SUPPORTS_PER_VMA_LOCK",
                "MMU",
                "PER_VMA_LOCK",
                "SMP",
                "LOCK_MM_AND_FIND_VMA"));
    try (Explorer explorer = new Explorer()) {
      ScenarioRunner runner = new ScenarioRunner(explorer);
      runner.run(threeTasks(1), v, new LockcoreTarget()); // warm-up
      PlatformStats before = explorer.stats();
      long t0 = System.nanoTime();
      Exploration e = runner.run(threeTasks(bound), v, new LockcoreTarget());
      double secs = (System.nanoTime() - t0) / 1e9;
      PlatformStats after = explorer.stats();
      long handoffs = after.handoffs() - before.handoffs();
      double handoffShare =
          (double) (after.handoffNanos() - before.handoffNanos())
              / (after.runNanos() - before.runNanos());
      System.out.printf(
          Locale.ROOT,
          "%d schedules in %.2f s = %.0f schedules/s; %s; %d outcomes%n"
              + "%.1f hand-offs per schedule, hand-off share of schedule time %.1f%%, %.1f us per hand-off%n",
          e.schedules(),
          secs,
          e.schedules() / secs,
          e.coverage(),
          e.outcomes().size(),
          (double) handoffs / e.schedules(),
          100 * handoffShare,
          (after.handoffNanos() - before.handoffNanos()) / 1e3 / handoffs);
    }
  }
}
