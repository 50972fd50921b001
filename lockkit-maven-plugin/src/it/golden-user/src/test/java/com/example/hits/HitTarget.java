package com.example.hits;

import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Op;
import dev.lockkit.golden.scenario.Operations;
import dev.lockkit.golden.spi.Scheduling;
import dev.lockkit.golden.spi.SchedulingPoints;
import dev.lockkit.golden.target.Events;
import dev.lockkit.golden.target.Machine;
import dev.lockkit.golden.target.ScenarioTarget;
import java.util.List;

/**
 * The hit counter as a golden scenario target with operations of its own: {@code hit PAGE} counts a
 * hit, {@code read} reads the count; the outcome is the final count (and, on variants with STATS,
 * what each hit saw). Loaded by the plugin by its class name, from this project's test class path.
 */
public final class HitTarget implements ScenarioTarget {

  @Override
  public String name() {
    return "hits";
  }

  @Override
  public Operations operations() {
    // Declared by usage lines: a scenario line 'hit home' is Op.Named("hit", ["home"]); a line the
    // vocabulary does not know is an error at its line and column listing these names.
    return Operations.of("hit PAGE", "read");
  }

  @Override
  public Machine boot(Variant variant, List<Op> setup, int tasks, Events events) {
    // Looked up once, on the harness thread the run has bound: the counter keeps it.
    SchedulingPoints points = Scheduling.current();
    HitCounter counter = new HitCounter(points::beforeSharedAccess);
    boolean stats = variant.enabled().contains("STATS");
    return new Machine() {
      @Override
      public void enterTask(int task) {}

      @Override
      public String perform(int task, Op op) {
        if (op.keyword().equals("read")) {
          return String.valueOf(counter.read());
        }
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
