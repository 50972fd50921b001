package dev.lockkit.golden.explore;

import dev.lockkit.golden.sched.Failure;
import dev.lockkit.golden.sched.Schedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The schedules of one exploration grouped by outcome text: each outcome's count, the first
 * schedule that reached it and that schedule's trace. Both engines (the SPI explorer and the one
 * for unmodified code) tally through it, so their outcome lists are built alike.
 */
public final class OutcomeTally {

  private final Map<String, Group> groups = new TreeMap<>();

  /**
   * Counts one schedule. {@code trace} is asked for only when {@code text} is new: rendering a
   * trace costs more than the schedule's other bookkeeping, and only the first one is kept.
   */
  public void add(String text, Failure failure, Schedule schedule, Supplier<String> trace) {
    Group g = groups.get(text);
    if (g == null) {
      groups.put(text, new Group(failure, schedule, trace.get()));
    } else {
      g.count++;
    }
  }

  /** The distinct outcomes, sorted by their text. */
  public List<Exploration.Outcome> outcomes() {
    List<Exploration.Outcome> outcomes = new ArrayList<>();
    for (Map.Entry<String, Group> e : groups.entrySet()) {
      Group g = e.getValue();
      outcomes.add(new Exploration.Outcome(e.getKey(), g.failure, g.count, g.first, g.trace));
    }
    return outcomes;
  }

  private static final class Group {
    final Failure failure;
    final Schedule first;
    final String trace;
    long count = 1;

    Group(Failure failure, Schedule first, String trace) {
      this.failure = failure;
      this.first = first;
      this.trace = trace;
    }
  }
}
