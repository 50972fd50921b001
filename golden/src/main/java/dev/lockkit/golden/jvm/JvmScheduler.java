package dev.lockkit.golden.jvm;

import dev.lockkit.golden.sched.DecisionContext;
import dev.lockkit.golden.sched.Failure;
import dev.lockkit.golden.sched.PlatformStats;
import dev.lockkit.golden.sched.ReplayDivergence;
import dev.lockkit.golden.sched.Schedule;
import dev.lockkit.golden.sched.ScheduleRun;
import dev.lockkit.golden.sched.Strategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one schedule at a time of instrumented Java code: each task on its own thread, exactly one
 * running at a time, a {@link Strategy} choosing at every scheduling point that {@link Rt} reports.
 *
 * <p>Implementation overview. The right to run (a task index, or the harness) is handed over by
 * {@link Handoff}, which also pools the task threads; the thread that holds it is the only one
 * touching the scheduler state, so that state needs no lock. Monitors, {@code java.util.concurrent}
 * locks, conditions, wait sets, park permits, joins and futures are modelled here ({@link Models}):
 * a task that would block gets a {@link Task.Blocker} and is disabled until it is ready, so a real
 * monitor or lock is never taken during a schedule and blocking never stops a thread the scheduler
 * needs. When every task that keeps the schedule alive is disabled the schedule has deadlocked (a
 * lost wake-up when they all wait for a notification). Executor workers idle in their pool do not
 * keep a schedule alive: when only they are left, the schedule ends and they are unwound.
 *
 * <p>Failures (an exception escaping a task, a deadlock, the step limit, a replay divergence)
 * freeze the schedule string at the failing point and abort the run: each unfinished task in turn
 * throws {@link Abort} from its scheduling point. A task that holds the turn longer than the hang
 * time-out without reaching a point (a blocking call or a loop outside instrumented code) is
 * reported with what its thread is doing, and the scheduler is dead from then on.
 */
final class JvmScheduler {

  static final int HARNESS = -1;

  /** Schedulers of running explorations, for {@link Rt} to report calls from foreign threads. */
  static final Set<JvmScheduler> ACTIVE = ConcurrentHashMap.newKeySet();

  /** Threads that run an exploration (setup and arbiter run there, unscheduled). */
  static final Set<Thread> HARNESSES = ConcurrentHashMap.newKeySet();

  /** The scheduler of each harness thread, for the arbiter to read the models' state. */
  static final java.util.Map<Thread, JvmScheduler> HARNESS_OF = new ConcurrentHashMap<>();

  private final Handoff handoff = new Handoff(this);
  private volatile boolean dead;

  private final int stepLimit;
  private final long hangNanos;

  final List<Task> tasks = new ArrayList<>();
  private Strategy strategy;
  private final Trace trace = new Trace();
  private int steps;
  private int switches;
  private int current;
  private int segmentTask;
  private final List<Schedule.Segment> segments = new ArrayList<>();
  private Failure failure;
  private boolean aborted;
  final Models models = new Models(this);
  private final Context context = new Context();
  private final Set<String> foreign = ConcurrentHashMap.newKeySet();
  private int pointsThisSchedule;
  // The schedule's model of the common pool, made on first use (CompletableFuture's *Async).
  private ModelExecutor asyncPool;
  // Measurements, for benchmarks: updated by the harness between schedules.
  private long schedules;
  private long runNanos;

  JvmScheduler(int stepLimit, Duration hangTimeout) {
    this.stepLimit = stepLimit;
    this.hangNanos = hangTimeout.toNanos();
  }

  /** Whether a hang made this scheduler unusable (its threads may still be stuck). */
  boolean dead() {
    return dead;
  }

  boolean aborted() {
    return aborted || dead;
  }

  /** Calls from threads outside the engine's control, seen while a schedule ran. */
  Set<String> foreignCalls() {
    return foreign;
  }

  /** Runs the actors (task i is {@code T<i>}) under {@code s}; {@link #trace} has its steps. */
  ScheduleRun run(List<Runnable> actors, Strategy s) {
    if (dead) {
      throw new IllegalStateException("the scheduler hung earlier and cannot run again");
    }
    tasks.clear();
    models.reset();
    asyncPool = null;
    strategy = s;
    trace.clear();
    steps = 0;
    switches = 0;
    current = HARNESS;
    segmentTask = HARNESS;
    segments.clear();
    failure = null;
    aborted = false;
    pointsThisSchedule = 0;
    long start = System.nanoTime();
    handoff.begin();
    strategy.beginSchedule();
    for (Runnable a : actors) {
      addTask(a, null, false);
    }
    give(decide());
    awaitHarness();
    runNanos += System.nanoTime() - start;
    schedules++;
    return new ScheduleRun(new Schedule(List.copyOf(segments)), failure, steps, switches);
  }

  /** The model of the common pool for this schedule (see {@link RtConcurrent#asyncPool}). */
  ModelExecutor asyncPool() {
    if (asyncPool == null) {
      asyncPool = new ModelExecutor(Integer.MAX_VALUE);
    }
    return asyncPool;
  }

  Task addTask(Runnable body, Thread user, boolean pooled) {
    if (tasks.size() == 64) {
      fail(new Failure(Failure.Kind.UNCAUGHT_EXCEPTION, "more than 64 tasks in one schedule"));
    }
    Task t = new Task(tasks.size(), body, user, pooled);
    tasks.add(t);
    handoff.assign(t);
    return t;
  }

  // ---- the task side ----------------------------------------------------------------------

  void taskMain(Task t) {
    try {
      awaitTurn(t);
      if (!aborted) {
        takeInterrupt(t);
        t.body.run();
      }
    } catch (Abort unwinding) {
      // The schedule ended elsewhere; this task only had to get off the stack.
    } catch (Throwable x) {
      if (!aborted && !dead) {
        recordFailure(
            new Failure(Failure.Kind.UNCAUGHT_EXCEPTION, t.name + " threw " + Sites.describe(x)));
      }
    } finally {
      if (!dead) {
        exit(t);
      }
    }
  }

  private void exit(Task t) {
    t.count++;
    t.exited = true;
    t.blocker = null;
    current = t.index;
    if (!aborted) {
      trace.add(t.name, "ends");
    }
    quiesceIfOnlyIdleLeft();
    int next = firstUnfinished();
    if (next < 0) {
      closeSegments();
      give(HARNESS);
      return;
    }
    give(aborted ? next : decide());
  }

  /**
   * A scheduling point of {@code t} at {@code site}: counts it, lets the strategy choose, and waits
   * for the turn if another task was chosen. {@code write}: the operation may change shared state
   * (wakes spinners).
   */
  void point(Task t, String site, boolean write) {
    if (aborted || dead) {
      throw Abort.INSTANCE;
    }
    t.count++;
    t.points++;
    t.site = site;
    steps++;
    pointsThisSchedule++;
    handoff.progressed(steps);
    if (write) {
      for (Task o : tasks) {
        if (o != t) {
          o.othersWrote = true;
        }
      }
    }
    current = t.index;
    if (steps > stepLimit) {
      fail(
          new Failure(
              Failure.Kind.LIVELOCK,
              "no end within " + stepLimit + " scheduling points; " + positions()));
    }
    int next = decide();
    if (aborted) {
      throw Abort.INSTANCE;
    }
    if (next != t.index) {
      switches++;
      // Read by other tasks' Thread.isInterrupted() while this one is out (Handoff keeps the
      // status aside while the thread waits for its turn).
      t.interruptedWhileOut = Thread.currentThread().isInterrupted();
      give(next);
      awaitTurn(t);
      if (aborted || dead) {
        throw Abort.INSTANCE;
      }
      takeInterrupt(t);
    }
    // Traced when the operation runs, after any switch at its point: the trace reads in order.
    trace.add(t.name, site);
  }

  /**
   * An interrupt another task sent while {@code t} was out is set on {@code t}'s thread when it
   * runs again: delivered at a scheduling point, so the same schedule always sees it at the same
   * step (a real interrupt of a waiting thread would race with its wake-up).
   */
  private static void takeInterrupt(Task t) {
    if (t.pendingInterrupt) {
      t.pendingInterrupt = false;
      Thread.currentThread().interrupt();
    }
  }

  private int decide() {
    long enabled = enabledMask();
    if (enabled == 0) {
      if (wakeSleepers()) {
        enabled = enabledMask();
      }
    }
    if (enabled == 0) {
      if (quiesceIfOnlyIdleLeft()) {
        return firstUnfinished();
      }
      recordFailure(new Failure(Failure.Kind.DEADLOCK, models.describeDeadlock()));
      return current >= 0 && !tasks.get(current).exited ? current : firstUnfinished();
    }
    int next;
    try {
      next = strategy.choose(context);
    } catch (ReplayDivergence d) {
      recordFailure(new Failure(d.kind(), d.getMessage()));
      return current >= 0 && !tasks.get(current).exited ? current : firstUnfinished();
    }
    if (next < 0 || next >= tasks.size() || (enabled & (1L << next)) == 0) {
      throw new IllegalStateException("strategy chose T" + next + ", which is not enabled");
    }
    if (next != segmentTask) {
      if (segmentTask != HARNESS) {
        Task s = tasks.get(segmentTask);
        segments.add(new Schedule.Segment(segmentTask, s.count));
        trace.add("sched:", s.name + "@" + s.count + " -> T" + next);
      } else {
        trace.add("sched:", "start -> T" + next);
      }
      segmentTask = next;
    }
    return next;
  }

  /** Sleeping tasks are woken by time when nothing else can run. */
  private boolean wakeSleepers() {
    boolean any = false;
    for (Task t : tasks) {
      if (!t.exited && t.blocker == Models.SLEEP) {
        t.othersWrote = true;
        any = true;
      }
    }
    return any;
  }

  /** When only idle pool workers are left, the schedule is over: unwind them. */
  private boolean quiesceIfOnlyIdleLeft() {
    boolean anyIdle = false;
    for (Task t : tasks) {
      if (t.exited) {
        continue;
      }
      if (!t.idle()) {
        return false;
      }
      anyIdle = true;
    }
    if (anyIdle && !aborted) {
      closeSegments();
      aborted = true;
    }
    return anyIdle;
  }

  long enabledMask() {
    long mask = 0;
    for (Task t : tasks) {
      if (t.enabled()) {
        mask |= 1L << t.index;
      }
    }
    return mask;
  }

  void fail(Failure f) {
    recordFailure(f);
    throw Abort.INSTANCE;
  }

  void recordFailure(Failure f) {
    if (failure == null && !aborted) {
      failure = f;
      closeSegments();
      trace.add("FAILURE", f.toString());
    }
    aborted = true;
  }

  private void closeSegments() {
    if (segmentTask != HARNESS) {
      segments.add(new Schedule.Segment(segmentTask, tasks.get(segmentTask).count));
      segmentTask = HARNESS;
    }
  }

  private int firstUnfinished() {
    for (Task t : tasks) {
      if (!t.exited) {
        return t.index;
      }
    }
    return -1;
  }

  private String positions() {
    StringBuilder sb = new StringBuilder();
    for (Task t : tasks) {
      if (!t.exited) {
        sb.append(sb.length() == 0 ? "" : "; ").append(t.name).append(" at ").append(t.site);
      }
    }
    return sb.toString();
  }

  /** Scheduling points reached in the schedule that ran last. */
  int points() {
    return pointsThisSchedule;
  }

  // ---- hand-off -------------------------------------------------------------------------------

  /** The steps of the schedule that ran last, as text. */
  String renderTrace() {
    return trace.render();
  }

  /** Cumulative hand-off measurements of every schedule this scheduler ran. */
  PlatformStats stats() {
    return new PlatformStats(schedules, handoff.handoffs(), handoff.handoffNanos(), runNanos);
  }

  /** Ends the pooled task threads: the exploration is over. */
  void close() {
    handoff.close();
  }

  private void give(int next) {
    handoff.give(next, tasks);
  }

  private void awaitTurn(Task t) {
    if (!handoff.awaitTurn(t)) {
      throw Abort.INSTANCE;
    }
  }

  private void awaitHarness() {
    int hung = handoff.awaitHarness(hangNanos);
    if (hung != HARNESS) {
      hang(tasks.get(hung));
    }
  }

  private void hang(Task t) {
    dead = true;
    handoff.wakeAll();
    String doing = Sites.blockedIn(t.thread.getStackTrace());
    Failure f =
        new Failure(
            Failure.Kind.HANG,
            t.name
                + " reached no scheduling point for "
                + Duration.ofNanos(hangNanos).toMillis()
                + " ms after "
                + t.site
                + (doing == null ? "" : "; its thread is in " + doing)
                + " (a blocking call or a loop outside the engine's control)");
    if (failure == null) {
      failure = f;
      closeSegments();
      trace.add("FAILURE", f.toString());
    }
  }

  void foreignCall(Thread thread, String site) {
    if (foreign.size() < 8) {
      foreign.add("thread '" + thread.getName() + "' ran " + site);
    }
  }

  private final class Context implements DecisionContext {
    @Override
    public int taskCount() {
      return tasks.size();
    }

    @Override
    public int current() {
      return current;
    }

    @Override
    public boolean currentEnabled() {
      return current >= 0 && tasks.get(current).enabled();
    }

    @Override
    public long enabledMask() {
      return JvmScheduler.this.enabledMask();
    }

    @Override
    public int count(int task) {
      return tasks.get(task).count;
    }

    @Override
    public int step() {
      return steps;
    }
  }

  /** Unwinds a task whose schedule ended elsewhere. Not an Exception: user catch blocks miss it. */
  static final class Abort extends Error {
    static final Abort INSTANCE = new Abort();

    private Abort() {
      super("golden: schedule aborted", null, false, false);
    }
  }
}
