package dev.lockkit.example.scenario;

import dev.lockkit.example.PageHits;
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
 * {@link PageHits} as a golden scenario target with two operations of its own: {@code hit PAGE}
 * counts a hit on a page, {@code get PAGE} reads its count. On variants with {@code STATS} a hit's
 * result also says what count it saw. The outcome is every page's final count.
 */
public final class PageHitsTarget implements ScenarioTarget {

  /** The vocabulary: two operations, each with one argument. */
  static final Operations OPERATIONS = Operations.of("hit PAGE", "get PAGE");

  @Override
  public String name() {
    return "page-hits";
  }

  @Override
  public Operations operations() {
    return OPERATIONS;
  }

  @Override
  public Machine boot(Variant variant, List<Op> setup, int tasks, Events events) {
    // Looked up on the harness thread the run has bound; the counter keeps it for its tasks.
    SchedulingPoints points = Scheduling.current();
    PageHits hits = new PageHits(points::beforeSharedAccess);
    boolean stats = variant.isEnabled("STATS");
    return new Machine() {
      @Override
      public void enterTask(int task) {}

      @Override
      public String perform(int task, Op op) {
        Op.Named o = (Op.Named) op;
        String page = o.arg(0);
        if (o.name().equals("get")) {
          return String.valueOf(hits.get(page));
        }
        int seen = hits.hit(page);
        return stats ? "saw " + seen : "ok";
      }

      @Override
      public String snapshot() {
        return "hits: " + hits.summary() + "\n";
      }
    };
  }
}
