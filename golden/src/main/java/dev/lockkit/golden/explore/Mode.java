package dev.lockkit.golden.explore;

import dev.lockkit.golden.sched.Schedule;
import java.util.List;

/** An exploration mode. {@link #describe()} is the canonical text printed in golden files. */
public sealed interface Mode {

  /** Canonical description, e.g. {@code exhaustive preemptions=2}. */
  String describe();

  /** One schedule: tasks in {@code order} (unlisted tasks after, by index), each non-preemptive. */
  record Fixed(List<Integer> order) implements Mode {
    /** Copies the order. */
    public Fixed {
      order = List.copyOf(order);
    }

    @Override
    public String describe() {
      return order.isEmpty()
          ? "fixed"
          : "fixed order=" + String.join(",", order.stream().map(i -> "T" + i).toList());
    }
  }

  /**
   * Depth-first search over every schedule with at most {@code preemptions} preemptions (CHESS),
   * stopping after {@code maxSchedules}.
   */
  record Exhaustive(int preemptions, int maxSchedules) implements Mode {
    /** Validates the bounds. */
    public Exhaustive {
      if (preemptions < 0 || maxSchedules <= 0) {
        throw new IllegalArgumentException(
            "preemptions must be >= 0 and max-schedules > 0, got "
                + preemptions
                + ", "
                + maxSchedules);
      }
    }

    @Override
    public String describe() {
      return "exhaustive preemptions=" + preemptions + " max-schedules=" + maxSchedules;
    }
  }

  /** Probabilistic concurrency testing: {@code iterations} random schedules of depth d, seeded. */
  record Pct(long seed, int depth, int iterations) implements Mode {
    /** Validates the parameters. */
    public Pct {
      if (depth < 1 || iterations < 1) {
        throw new IllegalArgumentException(
            "depth and iterations must be >= 1, got " + depth + ", " + iterations);
      }
    }

    @Override
    public String describe() {
      return "pct seed=" + seed + " depth=" + depth + " iterations=" + iterations;
    }
  }

  /** One schedule following a schedule string. */
  record Replay(Schedule schedule) implements Mode {
    @Override
    public String describe() {
      return "replay " + schedule;
    }
  }

  /** Default cap on an exhaustive search, far above what a golden scenario should need. */
  int DEFAULT_MAX_SCHEDULES = 200_000;
}
