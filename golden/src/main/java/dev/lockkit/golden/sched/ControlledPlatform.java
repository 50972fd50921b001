package dev.lockkit.golden.sched;

import dev.lockkit.golden.spi.RunBinding;
import dev.lockkit.golden.spi.Scheduling;
import dev.lockkit.golden.spi.SchedulingPoints;
import dev.lockkit.golden.trace.TraceLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * golden's {@link SchedulingPoints} SPI under the harness's control: tasks run on real threads,
 * exactly one at a time, and every {@code beforeSharedAccess}, {@code park} and {@code spinWait} is
 * a scheduling point at which a {@link Strategy} picks the task that runs next.
 *
 * <p>Implementation overview. Each task runs on a pooled {@link WorkerPool.Worker}. The right to
 * run is a single volatile {@code turn} (a task index, or -1 for the harness). The thread holding
 * the turn is the only one that reads or writes the scheduler state (task states, counts, the
 * trace), so that state needs no locks: handing the turn over is a volatile write, and the next
 * owner's volatile read of {@code turn} orders everything before it. A hand-off is one volatile
 * write, plus an {@code unpark} only if the receiver has gone to sleep: waiting threads spin before
 * parking ({@link Turn}), so a hand-off to a thread on another core avoids a kernel wake-up. Pooled
 * threads are reused across schedules, so a schedule starts no thread. Decisions are taken on the
 * thread that reached the point (there is no scheduler thread), so a point at which the current
 * task continues costs no hand-off at all.
 *
 * <p>Blocking. {@code park} follows permit semantics: an earlier {@code unpark} makes it return at
 * once (still a scheduling point); otherwise the task is disabled until some task unparks it.
 * Spurious wake-ups are never generated. {@code spinWait} disables the spinning task until another
 * task performs a shared access that may write: every operation except those whose verb (the part
 * after the last dot, as in {@code int.getAcquire}) starts with {@code load}, {@code read} or
 * {@code get} (a failed CAS counts as a write: conservative). It disables only when no other task
 * wrote since the spinner's previous {@code spinWait} returned, i.e. when the spin condition was
 * evaluated wholly after the last foreign write; otherwise the spin is retried once more (the first
 * iteration of every spin loop is therefore always retried). Spinning thus never consumes the step
 * budget, a spin that could observe a change is always retried, and spinners that wait only on each
 * other are a deadlock, not a livelock. {@code unpark} is not a scheduling point; the access that
 * precedes it in the code under control is.
 *
 * <p>Failures. When every unfinished task is disabled the schedule has deadlocked; exceeding the
 * step limit is a livelock; an exception escaping a task, a report through {@link FailureSink}, or
 * a strategy's {@link ReplayDivergence} are failures too. A failure freezes the schedule string (so
 * it ends at the failing point) and aborts the run: each unfinished task, in turn, wakes and throws
 * {@link AbortSchedule} from its scheduling point, unwinding to its worker. A harness watchdog
 * reports a task that holds the turn too long (a loop or block outside the SPI) as a hang and
 * abandons the pool.
 *
 * <p>Calls from threads that are not tasks of this platform (the harness building a scenario's
 * initial state, say) behave as on the JVM platform: no scheduling point, real {@code LockSupport}.
 */
public final class ControlledPlatform implements SchedulingPoints, FailureSink, AutoCloseable {

  private static final int HARNESS = Turn.HARNESS;

  private static final AbortSchedule ABORT = AbortSchedule.INSTANCE;

  private final WorkerPool pool = new WorkerPool();
  private final int stepLimit;
  private final long hangTimeoutNanos;
  private final Context context = new Context();

  // Scheduler state of the current schedule: touched only by the holder of `turn`.
  private TaskState[] tasks = new TaskState[0];
  private Strategy strategy;
  private TraceLog log;
  private int steps;
  private int switches;
  private int unfinished;
  private int current = HARNESS;
  private int segmentTask = HARNESS;
  // Tasks that have not yet reached their first scheduling point (see point()).
  private int starting;
  private final List<Schedule.Segment> segments = new ArrayList<>();
  private Failure failure;
  private boolean aborted;
  private Thread harness;

  private final Turn turn = new Turn();
  private long runNanos;
  private long schedules;

  /**
   * A platform whose schedules end as a livelock after {@code stepLimit} scheduling points and as a
   * hang when a task holds the turn for longer than {@code hangTimeout}.
   */
  public ControlledPlatform(int stepLimit, Duration hangTimeout) {
    if (stepLimit <= 0) {
      throw new IllegalArgumentException("step limit must be positive: " + stepLimit);
    }
    this.stepLimit = stepLimit;
    this.hangTimeoutNanos = hangTimeout.toNanos();
  }

  /**
   * Runs one schedule of {@code bodies} (task i is {@code T<i>}) under {@code strategy}, appending
   * scheduling decisions and task events to {@code trace}. Each task thread has this platform bound
   * ({@link Scheduling#current()}) while it runs its body. Not reentrant: one schedule at a time.
   */
  public ScheduleRun run(List<Runnable> bodies, Strategy strategy, TraceLog trace) {
    return run(bodies, strategy, trace, RunBinding.NONE);
  }

  /**
   * As {@link #run(List, Strategy, TraceLog)}, with {@code binding} also applied to this platform
   * on each task thread around its body: how code calling an SPI of its own reaches this schedule.
   */
  public ScheduleRun run(
      List<Runnable> bodies, Strategy strategy, TraceLog trace, RunBinding binding) {
    if (bodies.isEmpty() || bodies.size() > 64) {
      throw new IllegalArgumentException("a schedule needs 1..64 tasks, got " + bodies.size());
    }
    long start = System.nanoTime();
    reset(bodies.size(), strategy, trace);
    try {
      strategy.beginSchedule();
      for (int i = 0; i < bodies.size(); i++) {
        int index = i;
        Runnable body = bodies.get(i);
        TaskState t = tasks[i];
        t.worker = pool.get(i);
        t.worker.submit(() -> taskMain(index, body, binding));
      }
      // Start-up: each task in turn runs to its first scheduling point; only then does the
      // strategy take its first decision (see point()).
      handOff(0);
      awaitHarness();
    } finally {
      current = HARNESS;
      runNanos += System.nanoTime() - start;
      schedules++;
    }
    return new ScheduleRun(new Schedule(segments), failure, steps, switches);
  }

  private void reset(int n, Strategy s, TraceLog trace) {
    tasks = new TaskState[n];
    for (int i = 0; i < n; i++) {
      tasks[i] = new TaskState(i);
    }
    strategy = s;
    log = trace;
    // After a hang the turn was left with the hung task; the new schedule starts from the harness.
    turn.reset();
    steps = 0;
    switches = 0;
    unfinished = n;
    starting = n;
    current = HARNESS;
    segmentTask = HARNESS;
    segments.clear();
    failure = null;
    aborted = false;
    harness = Thread.currentThread();
  }

  // ---- the task side ------------------------------------------------------------------------

  private void taskMain(int index, Runnable body, RunBinding binding) {
    WorkerPool.Worker self = (WorkerPool.Worker) Thread.currentThread();
    self.platform = this;
    self.task = index;
    // Bound before the turn is awaited: a binding touches only this thread's state.
    try (RunBinding.Scope own = Scheduling.bind(this);
        RunBinding.Scope target = binding.bind(this)) {
      awaitTurn(index);
      if (!aborted) {
        body.run();
      }
    } catch (AbortSchedule unwinding) {
      // The schedule ended elsewhere; this task only had to get off the stack.
    } catch (Throwable t) {
      if (!aborted) {
        recordFailure(
            new Failure(
                Failure.Kind.UNCAUGHT_EXCEPTION,
                tasks[index].name + " threw " + Diagnostics.describe(t)));
      }
    } finally {
      self.task = -1;
      self.platform = null;
      if (!self.abandoned()) {
        exit(tasks[index]);
      }
    }
  }

  private void exit(TaskState t) {
    t.count++;
    t.status = TaskState.Status.EXITED;
    unfinished--;
    if (unfinished == 0) {
      closeSegments();
      turn.giveToHarness(harness);
      return;
    }
    current = t.index;
    int next;
    if (aborted) {
      next = firstUnfinished();
    } else if (t.count == 1 && starting > 0) {
      next = startNext(t);
    } else {
      next = decide();
    }
    turn.give(next, tasks[next].worker);
  }

  /**
   * Start-up phase, at task {@code t}'s first point: hands on to the next task not yet started, or,
   * when all have reached their first point, takes the schedule's first real decision. Running the
   * code before each task's first point is not a choice (it touches nothing shared), and without
   * this phase a switch at a task's first point would duplicate a different start order.
   */
  private int startNext(TaskState t) {
    starting--;
    if (starting > 0) {
      return t.index + 1;
    }
    current = HARNESS;
    return decide();
  }

  @Override
  public void beforeSharedAccess(Object location, String op) {
    TaskState t = self();
    if (t == null) {
      return;
    }
    point(t);
    if (!Diagnostics.isRead(op)) {
      // The access happens now, after this point: every other task's spin condition may change.
      for (TaskState other : tasks) {
        if (other != t) {
          other.othersWrote = true;
          if (other.status == TaskState.Status.SPINNING) {
            other.status = TaskState.Status.READY;
            other.waitingOn = null;
          }
        }
      }
    }
  }

  @Override
  public void park(Object blocker) {
    TaskState t = self();
    if (t == null) {
      LockSupport.park(blocker);
      return;
    }
    if (t.permit) {
      t.permit = false;
    } else {
      t.status = TaskState.Status.PARKED;
      t.waitingOn = blocker;
    }
    point(t);
  }

  @Override
  public void unpark(Thread thread) {
    TaskState target = taskOf(thread);
    if (target == null || self() == null) {
      LockSupport.unpark(thread);
      return;
    }
    if (target.status == TaskState.Status.PARKED) {
      target.status = TaskState.Status.READY;
      target.waitingOn = null;
    } else {
      target.permit = true;
    }
  }

  @Override
  public void spinWait(Object location) {
    TaskState t = self();
    if (t == null) {
      Thread.onSpinWait();
      return;
    }
    if (!t.othersWrote) {
      // The spin condition was evaluated after the last write by another task: it cannot change
      // until someone writes, so the spinner sleeps until then.
      t.status = TaskState.Status.SPINNING;
      t.waitingOn = location;
    }
    point(t);
    t.othersWrote = false;
  }

  /**
   * Reports a failure found by the code under test. On a task thread of this platform the schedule
   * ends here: this method throws to unwind the task. Elsewhere it only records.
   */
  @Override
  public void report(Failure.Kind kind, String message) {
    TaskState t = self();
    Failure f = new Failure(kind, (t == null ? "setup" : t.name) + ": " + message);
    if (t == null) {
      if (failure == null) {
        failure = f;
      }
      return;
    }
    fail(f);
  }

  /**
   * Appends an event to the current schedule's trace, prefixed by the reporting task's name. Only
   * tasks trace: events from other threads (building the initial state, extracting the outcome) are
   * not part of any schedule and are dropped.
   */
  public void event(String text) {
    TaskState t = self();
    if (t != null) {
      log.add(t.name + ": " + text);
    }
  }

  /** The name of the task running on the calling thread ({@code T0}...), or null. */
  public String currentTaskName() {
    TaskState t = self();
    return t == null ? null : t.name;
  }

  /** The scheduler bound to the calling thread, if it is a controlled one; else null. */
  public static ControlledPlatform installed() {
    return Scheduling.current() instanceof ControlledPlatform c ? c : null;
  }

  /**
   * A scheduling point of task {@code t}: count it, let the strategy decide, and wait if needed.
   */
  private void point(TaskState t) {
    if (aborted) {
      throw ABORT;
    }
    t.count++;
    current = t.index;
    turn.progressed(steps + 1);
    if (++steps > stepLimit) {
      fail(
          new Failure(
              Failure.Kind.LIVELOCK,
              "no progress to completion within "
                  + stepLimit
                  + " scheduling points; "
                  + Diagnostics.positions(tasks)));
    }
    int next = t.count == 1 && starting > 0 ? startNext(t) : decide();
    if (aborted) {
      throw ABORT;
    }
    if (next != t.index) {
      handOff(next);
      awaitTurn(t.index);
      if (aborted) {
        throw ABORT;
      }
    }
  }

  private int decide() {
    long enabled = enabledMask();
    if (enabled == 0) {
      recordFailure(new Failure(Failure.Kind.DEADLOCK, Diagnostics.waits(tasks)));
      return current >= 0 && tasks[current].status != TaskState.Status.EXITED
          ? current
          : firstUnfinished();
    }
    int next;
    try {
      next = strategy.choose(context);
    } catch (ReplayDivergence d) {
      recordFailure(new Failure(d.kind(), d.getMessage()));
      return current >= 0 && tasks[current].status != TaskState.Status.EXITED
          ? current
          : firstUnfinished();
    }
    if (next < 0 || next >= tasks.length || (enabled & (1L << next)) == 0) {
      throw new IllegalStateException("strategy chose T" + next + ", which is not enabled");
    }
    if (next != segmentTask) {
      if (segmentTask != HARNESS) {
        segments.add(new Schedule.Segment(segmentTask, tasks[segmentTask].count));
        log.add(
            "sched: " + tasks[segmentTask].name + "@" + tasks[segmentTask].count + " -> T" + next);
      } else {
        log.add("sched: start -> T" + next);
      }
      segmentTask = next;
    }
    return next;
  }

  private long enabledMask() {
    long mask = 0;
    for (TaskState t : tasks) {
      if (t.status == TaskState.Status.READY) {
        mask |= 1L << t.index;
      }
    }
    return mask;
  }

  private void fail(Failure f) {
    recordFailure(f);
    throw ABORT;
  }

  private void recordFailure(Failure f) {
    if (failure == null) {
      failure = f;
      closeSegments();
      log.add("FAILURE " + f);
    }
    aborted = true;
  }

  /** Ends the schedule string at the current position of the task that was running. */
  private void closeSegments() {
    if (segmentTask != HARNESS) {
      segments.add(new Schedule.Segment(segmentTask, tasks[segmentTask].count));
      segmentTask = HARNESS;
    }
  }

  private int firstUnfinished() {
    for (TaskState t : tasks) {
      if (t.status != TaskState.Status.EXITED) {
        return t.index;
      }
    }
    throw new IllegalStateException("no unfinished task");
  }

  // ---- hand-off ---------------------------------------------------------------------------------

  private int handOff(int next) {
    if (next != current) {
      switches++;
    }
    turn.give(next, tasks[next].worker);
    return next;
  }

  private void awaitTurn(int me) {
    if (!turn.await(me)) {
      // A hung schedule was given up: this thread must never touch the platform again.
      throw ABORT;
    }
  }

  private void awaitHarness() {
    int holder = turn.awaitHarness(hangTimeoutNanos);
    if (holder != Turn.HARNESS) {
      // The holder still owns the state; we only read its index, which never changes.
      failure =
          new Failure(
              Failure.Kind.HANG,
              "T"
                  + holder
                  + " reached no scheduling point within "
                  + Duration.ofNanos(hangTimeoutNanos).toMillis()
                  + " milliseconds (a loop or a blocking call outside the Platform SPI)");
      pool.abandon();
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private TaskState self() {
    return Thread.currentThread() instanceof WorkerPool.Worker w
            && w.platform == this
            && w.task >= 0
            && !w.abandoned()
        ? tasks[w.task]
        : null;
  }

  private TaskState taskOf(Thread thread) {
    if (thread instanceof WorkerPool.Worker w) {
      for (TaskState t : tasks) {
        if (t.worker == w && t.status != TaskState.Status.EXITED) {
          return t;
        }
      }
    }
    return null;
  }

  /** Cumulative measurements over every schedule this platform ran. */
  public PlatformStats stats() {
    return new PlatformStats(schedules, turn.handoffs(), turn.handoffNanos(), runNanos);
  }

  @Override
  public void close() {
    pool.close();
  }

  private final class Context implements DecisionContext {
    @Override
    public int taskCount() {
      return tasks.length;
    }

    @Override
    public int current() {
      return current;
    }

    @Override
    public boolean currentEnabled() {
      return current >= 0 && tasks[current].status == TaskState.Status.READY;
    }

    @Override
    public long enabledMask() {
      return ControlledPlatform.this.enabledMask();
    }

    @Override
    public int count(int task) {
      return tasks[task].count;
    }

    @Override
    public int step() {
      return steps;
    }
  }
}
