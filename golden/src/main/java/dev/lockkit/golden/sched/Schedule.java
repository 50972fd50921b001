package dev.lockkit.golden.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A schedule string: the exact interleaving of one run, in terms that survive refactoring.
 *
 * <p>Implementation overview. A run is a sequence of segments; segment {@code Tk@n} means "task k
 * runs until it reaches its own n-th scheduling point" (a task's points are numbered from 1 in the
 * order it reaches them; its start is point 0 and its exit is its last point). The string lists the
 * segments in order, comma-separated, e.g. {@code T0@3,T1@5,T0@7}. A decision is thus named only by
 * a task and that task's count of instrumented operations, never by a source line, class or global
 * step number, so a schedule replays on code refactored without changing the sequence of
 * synchronisation operations each task performs. When a replay exhausts the list, the default rule
 * applies (the current task continues if it can, else the lowest-numbered enabled task runs), so a
 * prefix is a valid schedule too, and the empty string is the non-preemptive run in task order.
 *
 * @param segments the segments in order
 */
public record Schedule(List<Segment> segments) {

  /** One segment: {@code task} runs until it reaches its scheduling point {@code point}. */
  public record Segment(int task, int point) {
    /** Validates the numbers. */
    public Segment {
      if (task < 0 || task >= 64) {
        throw new IllegalArgumentException("task index out of range 0..63: " + task);
      }
      if (point < 0) {
        throw new IllegalArgumentException("negative scheduling point: " + point);
      }
    }

    @Override
    public String toString() {
      return "T" + task + "@" + point;
    }
  }

  /** Copies the list. */
  public Schedule {
    segments = List.copyOf(segments);
  }

  /** The empty schedule (default rule throughout). */
  public static Schedule empty() {
    return new Schedule(List.of());
  }

  /**
   * Parses a schedule string such as {@code T0@3,T1@5}; whitespace around entries is ignored.
   *
   * @throws IllegalArgumentException naming the offending entry
   */
  public static Schedule parse(String text) {
    Objects.requireNonNull(text, "text");
    List<Segment> out = new ArrayList<>();
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return empty();
    }
    String[] parts = trimmed.split(",", -1);
    for (int i = 0; i < parts.length; i++) {
      String entry = parts[i].strip();
      int at = entry.indexOf('@');
      if (!entry.startsWith("T") || at < 2 || at == entry.length() - 1) {
        throw new IllegalArgumentException(
            "schedule entry " + (i + 1) + " '" + entry + "' is not of the form T<task>@<point>");
      }
      try {
        out.add(
            new Segment(
                Integer.parseInt(entry.substring(1, at)),
                Integer.parseInt(entry.substring(at + 1))));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "schedule entry " + (i + 1) + " '" + entry + "' is not of the form T<task>@<point>");
      }
    }
    return new Schedule(out);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Segment s : segments) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(s);
    }
    return sb.toString();
  }
}
