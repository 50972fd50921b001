package dev.lockkit.golden.sched;

import java.util.List;

/**
 * Follows a {@link Schedule}: the replay mode, and how a failure's schedule string is reproduced.
 * After the last segment the default rule applies.
 */
public final class ReplayStrategy implements Strategy {

  private final List<Schedule.Segment> segments;
  private int cursor;

  /** Replays {@code schedule}. */
  public ReplayStrategy(Schedule schedule) {
    this.segments = schedule.segments();
  }

  @Override
  public void beginSchedule() {
    cursor = 0;
  }

  @Override
  public int choose(DecisionContext c) {
    int cur = c.current();
    while (cursor < segments.size()) {
      Schedule.Segment seg = segments.get(cursor);
      if (seg.task() == cur && c.count(cur) >= seg.point()) {
        cursor++; // this segment is complete
        continue;
      }
      if (seg.task() >= c.taskCount()) {
        throw diverged(
            "schedule names T" + seg.task() + " but the program has " + c.taskCount() + " tasks");
      }
      if (!c.enabled(seg.task())) {
        throw diverged(
            "T"
                + seg.task()
                + " cannot run at its point "
                + c.count(seg.task())
                + " (blocked or finished) but the schedule runs it to "
                + seg.point());
      }
      if (seg.task() != cur && c.count(seg.task()) > seg.point()) {
        throw diverged("T" + seg.task() + " is already past point " + seg.point());
      }
      return seg.task();
    }
    return c.defaultChoice();
  }

  private static ReplayDivergence diverged(String message) {
    return new ReplayDivergence(Failure.Kind.REPLAY_DIVERGED, message);
  }
}
