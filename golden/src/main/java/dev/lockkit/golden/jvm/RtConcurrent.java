package dev.lockkit.golden.jvm;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What instrumented code calls for {@code java.util.concurrent}'s executors, futures, latches and
 * semaphores (see {@link Instrumenter}), beside {@link Rt}'s monitors, locks, threads and plain
 * accesses: the same rules, one static method per operation, the site as the last argument.
 */
public final class RtConcurrent {

  private RtConcurrent() {}

  // ---- executors and futures ----------------------------------------------------------------

  public static ExecutorService newFixedThreadPool(int n, String site) {
    return new ModelExecutor(n);
  }

  public static ExecutorService newSingleThreadExecutor(String site) {
    return new ModelExecutor(1);
  }

  public static ExecutorService newCachedThreadPool(String site) {
    return new ModelExecutor(Integer.MAX_VALUE);
  }

  public static Object futureGet(Future<?> f, String site)
      throws InterruptedException, ExecutionException {
    awaitDone(f, site, true);
    return f.get();
  }

  public static Object futureGet(Future<?> f, long time, TimeUnit unit, String site)
      throws InterruptedException, ExecutionException, TimeoutException {
    Task t = Rt.task(site);
    if (t == null) {
      return f.get(time, unit);
    }
    Rt.sched().point(t, site + " get(timeout)", false);
    return f.get(0, TimeUnit.NANOSECONDS);
  }

  public static Object futureJoin(CompletableFuture<?> f, String site) {
    try {
      awaitDone(f, site, false);
    } catch (InterruptedException e) {
      throw new IllegalStateException("golden: an uninterruptible join was interrupted", e);
    }
    return f.join();
  }

  private static void awaitDone(Future<?> f, String site, boolean interruptible)
      throws InterruptedException {
    Task t = Rt.task(site);
    if (t == null) {
      return;
    }
    if (interruptible) {
      Waits.enterInterruptible(t);
    }
    t.blocker = Models.done(f, interruptible);
    try {
      Rt.sched().point(t, site + " future.get", false);
    } finally {
      t.blocker = null;
    }
    if (interruptible) {
      Waits.leaveInterruptible(t, f.isDone());
    }
  }

  /** A timed await may return at any time: a plain scheduling point, true if the count is 0. */
  public static boolean latchAwait(CountDownLatch l, long time, TimeUnit unit, String site)
      throws InterruptedException {
    Task t = Rt.task(site);
    if (t == null) {
      return l.await(time, unit);
    }
    Rt.sched().point(t, site + " latch.await(timeout)", false);
    return l.getCount() == 0;
  }

  // ---- semaphores ---------------------------------------------------------------------------

  public static void semAcquire(Semaphore s, String site) throws InterruptedException {
    semAcquire(s, 1, site);
  }

  /** Blocks (modelled) until {@code n} permits are free, then takes them. */
  public static void semAcquire(Semaphore s, int n, String site) throws InterruptedException {
    Task t = Rt.task(site);
    if (t == null) {
      s.acquire(n);
      return;
    }
    acquire(t, s, n, true, site);
  }

  public static void semAcquireUninterruptibly(Semaphore s, String site) {
    semAcquireUninterruptibly(s, 1, site);
  }

  public static void semAcquireUninterruptibly(Semaphore s, int n, String site) {
    Task t = Rt.task(site);
    if (t == null) {
      s.acquireUninterruptibly(n);
      return;
    }
    try {
      acquire(t, s, n, false, site);
    } catch (InterruptedException e) {
      throw new IllegalStateException("golden: an uninterruptible acquire was interrupted", e);
    }
  }

  private static void acquire(Task t, Semaphore s, int n, boolean interruptible, String site)
      throws InterruptedException {
    JvmScheduler sc = Rt.sched();
    if (interruptible) {
      Waits.enterInterruptible(t);
    }
    t.blocker = sc.models.permits(s, n, interruptible);
    try {
      sc.point(t, site, true);
    } finally {
      t.blocker = null;
    }
    if (interruptible) {
      Waits.leaveInterruptible(t, s.availablePermits() >= n);
    }
    // Only this task runs, and no real thread waits in the semaphore: the permits are there.
    if (!s.tryAcquire(n)) {
      throw new IllegalStateException("golden: permits of " + sc.models.name(s) + " vanished");
    }
  }

  public static boolean semTryAcquire(Semaphore s, long time, TimeUnit unit, String site)
      throws InterruptedException {
    return semTryAcquire(s, 1, time, unit, site);
  }

  /** A timed acquire may give up at any time: a plain scheduling point, then a try. */
  public static boolean semTryAcquire(Semaphore s, int n, long time, TimeUnit unit, String site)
      throws InterruptedException {
    Task t = Rt.task(site);
    if (t == null) {
      return s.tryAcquire(n, time, unit);
    }
    JvmScheduler sc = Rt.sched();
    sc.point(t, site, true);
    return s.tryAcquire(n);
  }

  /**
   * The executor for {@code CompletableFuture}'s {@code *Async} methods called without one: on a
   * task, the schedule's model of the common pool (its workers are tasks); elsewhere, the default.
   */
  public static Executor asyncPool(String site) {
    Task t = Rt.task(site);
    if (t == null) {
      return new CompletableFuture<Void>().defaultExecutor();
    }
    return Rt.sched().asyncPool();
  }

  public static void latchAwait(CountDownLatch l, String site) throws InterruptedException {
    Task t = Rt.task(site);
    if (t == null) {
      l.await();
      return;
    }
    Waits.enterInterruptible(t);
    t.blocker = Models.zero(l);
    try {
      Rt.sched().point(t, site + " latch.await", false);
    } finally {
      t.blocker = null;
    }
    Waits.leaveInterruptible(t, l.getCount() == 0);
  }
}
