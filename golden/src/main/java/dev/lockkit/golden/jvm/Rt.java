package dev.lockkit.golden.jvm;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * What instrumented code calls (see {@link Instrumenter}): one static method per operation, with
 * the source site ({@code Cache.java:12 read Cache.hits}) as the last argument.
 *
 * <p>On a task thread the call is a scheduling point of that task's scheduler (found through the
 * thread, never a global). On any other thread it does what the plain JVM would do where it can:
 * monitors are not taken, since instrumented code only runs unscheduled on the harness (setup and
 * arbiter) where nothing runs beside it; a call from a thread that is neither a task nor a harness
 * while a schedule runs is recorded as code running outside the engine's control.
 */
public final class Rt {

  // Read-write locks and conditions are created by the code under test (often in setup, where no
  // scheduler is current): their pairing is kept weakly, by identity (neither type overrides
  // equals), for the scheduler to find the lock they belong to.
  private static final Map<Object, Object[]> RW_SIDES =
      java.util.Collections.synchronizedMap(new WeakHashMap<>());
  private static final Map<Object, Object> CONDITION_LOCK =
      java.util.Collections.synchronizedMap(new WeakHashMap<>());

  private Rt() {}

  static Task task(String site) {
    Thread me = Thread.currentThread();
    if (me instanceof TaskThread tt) {
      return tt.task;
    }
    if (!JvmScheduler.ACTIVE.isEmpty() && !JvmScheduler.HARNESSES.contains(me)) {
      for (JvmScheduler s : JvmScheduler.ACTIVE) {
        s.foreignCall(me, site);
      }
    }
    return null;
  }

  static JvmScheduler sched() {
    return ((TaskThread) Thread.currentThread()).scheduler;
  }

  // ---- plain accesses and calls -------------------------------------------------------------

  /** Before a field or array read. */
  public static void read(String site) {
    Task t = task(site);
    if (t != null) {
      sched().point(t, site, false);
    }
  }

  /** Before a field or array write. */
  public static void write(String site) {
    Task t = task(site);
    if (t != null) {
      sched().point(t, site, true);
    }
  }

  /** Before a call into java.util.concurrent or a VarHandle: the call is one atomic step. */
  public static void call(String site) {
    Task t = task(site);
    if (t != null) {
      sched().point(t, site, true);
    }
  }

  /**
   * Before a call on a {@link ThreadLocal}: the task's pooled thread carries the value into later
   * schedules, so it is replaced by a fresh thread before the next one (see {@link Handoff}).
   */
  public static void threadLocal(String site) {
    if (Thread.currentThread() instanceof TaskThread tt) {
      tt.usedThreadLocals = true;
    }
  }

  // ---- monitors ---------------------------------------------------------------------------------

  public static void monitorEnter(Object o, String site) {
    java.util.Objects.requireNonNull(o);
    Task t = task(site);
    if (t != null) {
      JvmScheduler s = sched();
      s.models.acquire(t, s.models.mon(o), false, site);
    }
  }

  public static void monitorExit(Object o, String site) {
    Task t = task(site);
    if (t != null) {
      JvmScheduler s = sched();
      s.models.release(t, s.models.mon(o), false);
    }
  }

  public static void waitOn(Object o, String site) throws InterruptedException {
    waitOn(o, false, site);
  }

  public static void waitOn(Object o, long millis, String site) throws InterruptedException {
    waitOn(o, millis > 0, site);
  }

  public static void waitOn(Object o, long millis, int nanos, String site)
      throws InterruptedException {
    waitOn(o, millis > 0 || nanos > 0, site);
  }

  private static void waitOn(Object o, boolean timed, String site) throws InterruptedException {
    Task t = task(site);
    if (t == null) {
      throw new IllegalStateException(
          "golden: wait() at " + site + " outside an actor (setup and arbiter run alone)");
    }
    JvmScheduler s = sched();
    Models.Mon m = s.models.mon(o);
    s.models.await(t, m, m.waiters, timed, true, "wait() on " + m.name, site);
  }

  public static void notifyOne(Object o, String site) {
    Task t = task(site);
    if (t != null) {
      JvmScheduler s = sched();
      Models.Mon m = s.models.mon(o);
      s.models.notify(t, m, m.waiters, false);
    }
  }

  public static void notifyAllOn(Object o, String site) {
    Task t = task(site);
    if (t != null) {
      JvmScheduler s = sched();
      Models.Mon m = s.models.mon(o);
      s.models.notify(t, m, m.waiters, true);
    }
  }

  // ---- java.util.concurrent.locks -------------------------------------------------------------

  private static Object lockKey(Object lock) {
    Object[] side = RW_SIDES.get(lock);
    return side == null ? lock : side[0];
  }

  private static boolean shared(Object lock) {
    Object[] side = RW_SIDES.get(lock);
    return side != null && (Boolean) side[1];
  }

  public static void lock(Lock l, String site) {
    Task t = task(site);
    if (t == null) {
      l.lock();
      return;
    }
    JvmScheduler s = sched();
    s.models.acquire(t, s.models.mon(lockKey(l)), shared(l), site);
  }

  public static void lockInterruptibly(Lock l, String site) throws InterruptedException {
    Task t = task(site);
    if (t == null) {
      l.lockInterruptibly();
      return;
    }
    JvmScheduler s = sched();
    s.models.acquireInterruptibly(t, s.models.mon(lockKey(l)), shared(l), site);
  }

  public static boolean tryLock(Lock l, String site) {
    Task t = task(site);
    if (t == null) {
      return l.tryLock();
    }
    JvmScheduler s = sched();
    return s.models.tryAcquire(t, s.models.mon(lockKey(l)), shared(l), site);
  }

  public static boolean tryLock(Lock l, long time, TimeUnit unit, String site)
      throws InterruptedException {
    Task t = task(site);
    if (t == null) {
      return l.tryLock(time, unit);
    }
    return tryLock(l, site);
  }

  public static void unlock(Lock l, String site) {
    Task t = task(site);
    if (t == null) {
      l.unlock();
      return;
    }
    JvmScheduler s = sched();
    s.models.release(t, s.models.mon(lockKey(l)), shared(l));
  }

  public static Condition newCondition(Lock l, String site) {
    Condition c = l.newCondition();
    CONDITION_LOCK.put(c, lockKey(l));
    return c;
  }

  public static Lock readLock(ReadWriteLock rw, String site) {
    Lock l = rw.readLock();
    RW_SIDES.put(l, new Object[] {rw, Boolean.TRUE});
    return l;
  }

  public static Lock writeLock(ReadWriteLock rw, String site) {
    Lock l = rw.writeLock();
    RW_SIDES.put(l, new Object[] {rw, Boolean.FALSE});
    return l;
  }

  public static ReentrantReadWriteLock.ReadLock readLock(ReentrantReadWriteLock rw, String site) {
    ReentrantReadWriteLock.ReadLock l = rw.readLock();
    RW_SIDES.put(l, new Object[] {rw, Boolean.TRUE});
    return l;
  }

  public static ReentrantReadWriteLock.WriteLock writeLock(ReentrantReadWriteLock rw, String site) {
    ReentrantReadWriteLock.WriteLock l = rw.writeLock();
    RW_SIDES.put(l, new Object[] {rw, Boolean.FALSE});
    return l;
  }

  private static Models.Cond cond(JvmScheduler s, Condition c, String site) {
    Object lock = CONDITION_LOCK.get(c);
    if (lock == null) {
      throw new IllegalStateException(
          "golden: condition at " + site + " was not created by instrumented code");
    }
    return s.models.cond(c, lock);
  }

  public static void await(Condition c, String site) throws InterruptedException {
    Task t = task(site);
    if (t == null) {
      c.await();
      return;
    }
    JvmScheduler s = sched();
    Models.Cond k = cond(s, c, site);
    s.models.await(t, k.lock, k.waiters, false, true, "await() on " + k.name, site);
  }

  public static void awaitUninterruptibly(Condition c, String site) {
    Task t = task(site);
    if (t == null) {
      c.awaitUninterruptibly();
      return;
    }
    JvmScheduler s = sched();
    Models.Cond k = cond(s, c, site);
    try {
      s.models.await(t, k.lock, k.waiters, false, false, "await() on " + k.name, site);
    } catch (InterruptedException e) {
      throw new IllegalStateException("golden: an uninterruptible await was interrupted", e);
    }
  }

  public static boolean await(Condition c, long time, TimeUnit unit, String site)
      throws InterruptedException {
    Task t = task(site);
    if (t == null) {
      return c.await(time, unit);
    }
    JvmScheduler s = sched();
    Models.Cond k = cond(s, c, site);
    s.models.await(t, k.lock, k.waiters, true, true, "await(timeout) on " + k.name, site);
    return t.notified;
  }

  public static long awaitNanos(Condition c, long nanos, String site) throws InterruptedException {
    return await(c, nanos, TimeUnit.NANOSECONDS, site) ? 1 : 0;
  }

  public static void signal(Condition c, String site) {
    Task t = task(site);
    if (t == null) {
      c.signal();
      return;
    }
    JvmScheduler s = sched();
    Models.Cond k = cond(s, c, site);
    s.models.notify(t, k.lock, k.waiters, false);
  }

  public static void signalAll(Condition c, String site) {
    Task t = task(site);
    if (t == null) {
      c.signalAll();
      return;
    }
    JvmScheduler s = sched();
    Models.Cond k = cond(s, c, site);
    s.models.notify(t, k.lock, k.waiters, true);
  }

  // ---- LockSupport --------------------------------------------------------------------------

  public static void park(String site) {
    park(null, site);
  }

  public static void park(Object blocker, String site) {
    Task t = task(site);
    if (t == null) {
      LockSupport.park(blocker);
      return;
    }
    if (!t.permit && !Thread.currentThread().isInterrupted()) {
      t.interruptRequested = false; // the status is clear: only a new interrupt ends this park
      t.blocker = Models.PARK;
    }
    try {
      sched().point(t, site + " park", false);
    } finally {
      t.blocker = null;
    }
    t.permit = false;
  }

  public static void parkNanos(long nanos, String site) {
    parkNanos(null, nanos, site);
  }

  /** A timed park may return at any time: a plain scheduling point that consumes the permit. */
  public static void parkNanos(Object blocker, long nanos, String site) {
    Task t = task(site);
    if (t == null) {
      LockSupport.parkNanos(blocker, nanos);
      return;
    }
    sched().point(t, site + " parkNanos", false);
    t.permit = false;
  }

  public static void unpark(Thread thread, String site) {
    Task t = task(site);
    Task target = t == null ? null : taskOf(sched(), thread);
    if (target == null) {
      LockSupport.unpark(thread);
      return;
    }
    target.permit = true;
  }

  private static Task taskOf(JvmScheduler s, Thread thread) {
    for (Task k : s.tasks) {
      if (k.thread == thread || k.user == thread) {
        return k;
      }
    }
    return null;
  }

  // ---- threads ------------------------------------------------------------------------------

  public static void start(Thread thread, String site) {
    Task t = task(site);
    if (t == null) {
      thread.start();
      return;
    }
    startTask(t, thread, false, site);
  }

  static void startTask(Task t, Thread thread, boolean pooled, String site) {
    JvmScheduler s = sched();
    if (taskOf(s, thread) != null) {
      throw new IllegalThreadStateException("thread started twice at " + site);
    }
    Task n = s.addTask(thread::run, thread, pooled);
    s.point(t, site + " start " + n.name, true);
  }

  /**
   * {@code Thread.currentThread()}: in a thread the code under test started, the {@code Thread}
   * object it started (its name, its identity), not the pooled thread that runs it.
   */
  public static Thread currentThread(String site) {
    Thread me = Thread.currentThread();
    if (me instanceof TaskThread tt && tt.task != null && tt.task.user != null) {
      return tt.task.user;
    }
    return me;
  }

  /**
   * {@code thread.interrupt()}: on a thread the code under test started, the thread that runs it is
   * interrupted, so {@code Thread.interrupted()} and the JDK's interruptible calls see it.
   */
  public static void interrupt(Thread thread, String site) {
    Task target = taskRunning(thread);
    if (target == null || target.thread == Thread.currentThread()) {
      runnerOf(thread).interrupt();
      return;
    }
    if (!target.exited) {
      target.interruptRequested = true; // ends the task's interruptible modelled wait, if any
      target.pendingInterrupt = true; // set on its thread when it next runs
    }
  }

  /** {@code thread.isInterrupted()}, read where {@link #interrupt} wrote it. */
  public static boolean isInterrupted(Thread thread, String site) {
    Task target = taskRunning(thread);
    if (target == null || target.thread == Thread.currentThread()) {
      return runnerOf(thread).isInterrupted();
    }
    return !target.exited && (target.pendingInterrupt || target.interruptedWhileOut);
  }

  /** The task of this schedule that runs {@code thread} (its own or the one it started). */
  private static Task taskRunning(Thread thread) {
    if (Thread.currentThread() instanceof TaskThread tt) {
      for (Task k : tt.scheduler.tasks) {
        if (k.user == thread || k.thread == thread) {
          return k;
        }
      }
    }
    return null;
  }

  private static Thread runnerOf(Thread thread) {
    if (Thread.currentThread() instanceof TaskThread tt) {
      for (Task k : tt.scheduler.tasks) {
        if (k.user == thread && k.thread != null) {
          return k.thread;
        }
      }
    }
    return thread;
  }

  public static void join(Thread thread, String site) throws InterruptedException {
    Task t = task(site);
    Task target = t == null ? null : taskOf(sched(), thread);
    if (target == null) {
      thread.join();
      return;
    }
    Waits.enterInterruptible(t);
    t.blocker = Models.exitOf(target);
    try {
      sched().point(t, site + " join " + target.name, false);
    } finally {
      t.blocker = null;
    }
    Waits.leaveInterruptible(t, target.exited);
  }

  /** A timed join may return before the thread ends: a point, then a join only if it ended. */
  public static void join(Thread thread, long millis, String site) throws InterruptedException {
    Task t = task(site);
    if (t == null || taskOf(sched(), thread) == null) {
      thread.join(millis);
      return;
    }
    join(thread, site);
  }

  public static void sleep(long millis, String site) throws InterruptedException {
    Task t = task(site);
    if (t == null) {
      Thread.sleep(millis);
      return;
    }
    Waits.enterInterruptible(t);
    spinLike(t, Models.SLEEP, site + " sleep");
    if (Thread.interrupted()) {
      throw new InterruptedException("sleep interrupted"); // as the JDK's sleep
    }
  }

  public static void spin(String site) {
    Task t = task(site);
    if (t == null) {
      Thread.onSpinWait();
      return;
    }
    spinLike(t, Models.SPIN, site + " spin");
  }

  private static void spinLike(Task t, Task.Blocker b, String site) {
    if (!t.othersWrote) {
      t.blocker = b;
    }
    try {
      sched().point(t, site, false);
    } finally {
      t.blocker = null;
    }
    t.othersWrote = false;
  }
}
