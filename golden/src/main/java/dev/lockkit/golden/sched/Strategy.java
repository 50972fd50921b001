package dev.lockkit.golden.sched;

/**
 * Chooses the next task at each scheduling point. Implementations are the exploration modes (fixed
 * order, bounded DFS, PCT, replay); they must be deterministic functions of their own state and the
 * contexts they are shown, so that the schedule string of a run replays it.
 */
public interface Strategy {

  /** Called on the harness thread before each schedule. */
  default void beginSchedule() {}

  /** Called on the harness thread after each schedule, with its result. */
  default void endSchedule(ScheduleRun run) {}

  /**
   * Returns the task to run next; it must be enabled.
   *
   * @throws ReplayDivergence when the strategy follows a script the program no longer allows
   */
  int choose(DecisionContext context);
}
