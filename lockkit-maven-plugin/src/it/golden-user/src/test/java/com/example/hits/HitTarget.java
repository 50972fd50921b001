package com.example.hits;

import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Op;
import dev.lockkit.golden.scenario.Vma;
import dev.lockkit.golden.spi.Scheduling;
import dev.lockkit.golden.spi.SchedulingPoints;
import dev.lockkit.golden.target.Events;
import dev.lockkit.golden.target.Machine;
import dev.lockkit.golden.target.ScenarioTarget;
import java.util.List;
import java.util.Set;

/**
 * The hit counter as a golden scenario target: {@code call hit PAGE} counts a hit; the outcome is
 * the final count (and, on variants with STATS, each task's view). Loaded by the plugin by its class
 * name, from this project's test class path.
 */
public final class HitTarget implements ScenarioTarget {

  @Override
  public String name() {
    return "hits";
  }

  @Override
  public Set<String> operations() {
    return Set.of("hit");
  }

  @Override
  public Machine boot(Variant variant, List<Vma> vmas, int tasks, Events events) {
    // Looked up once, on the harness thread the run has bound: the counter keeps it.
    SchedulingPoints points = Scheduling.current();
    HitCounter counter = new HitCounter(points::beforeSharedAccess);
    boolean stats = variant.enabled().contains("STATS");
    return new Machine() {
      @Override
      public void enterTask(int task) {}

      @Override
      public String perform(int task, Op op) {
        int seen = counter.hit();
        return stats ? "saw " + seen : "ok";
      }

      @Override
      public String snapshot() {
        return "hits=" + counter.hits() + "\n";
      }
    };
  }
}
