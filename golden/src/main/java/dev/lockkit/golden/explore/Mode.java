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
   * stopping after {@code maxSchedules}. With a non-empty {@code focus}, a preemption is allowed
   * only where the preempted task is inside one of the named methods (see {@link PointFocus}): the
   * Java analogue of a kernel reproducer's delays injected at named places, which makes a deep
   * bound tractable. A focused search covers less than an unfocused one at the same bound.
   *
   * @param focus method names ({@code name} or {@code SimpleClass.name}), sorted and distinct;
   *     empty for an unfocused search
   */
  record Exhaustive(int preemptions, int maxSchedules, List<String> focus) implements Mode {
    /** Validates the bounds and the point names, and sorts the names (the canonical form). */
    public Exhaustive {
      if (preemptions < 0 || maxSchedules <= 0) {
        throw new IllegalArgumentException(
            "preemptions must be >= 0 and max-schedules > 0, got "
                + preemptions
                + ", "
                + maxSchedules);
      }
      focus = List.copyOf(new java.util.TreeSet<>(focus));
      for (String name : focus) {
        if (!PointFocus.isPointName(name)) {
          throw new IllegalArgumentException(
              "bad point name '"
                  + name
                  + "': expected a method name (vmaRefcountPut) or Class.method"
                  + " (VmaLockPerVma.vmaRefcountPut)");
        }
      }
    }

    /** An unfocused search: preemptions anywhere. */
    public Exhaustive(int preemptions, int maxSchedules) {
      this(preemptions, maxSchedules, List.of());
    }

    /** Whether preemptions are confined to named points. */
    public boolean focused() {
      return !focus.isEmpty();
    }

    @Override
    public String describe() {
      return "exhaustive preemptions="
          + preemptions
          + " max-schedules="
          + maxSchedules
          + (focus.isEmpty() ? "" : " at=" + String.join(",", focus));
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
