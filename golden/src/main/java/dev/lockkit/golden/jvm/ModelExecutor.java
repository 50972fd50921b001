package dev.lockkit.golden.jvm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The executor that instrumented code gets from {@code Executors.newFixedThreadPool} and its
 * siblings: a pool of at most {@code max} workers, started on demand as tasks of the schedule (so
 * the engine sees and schedules them), synchronised through the modelled monitor of the executor.
 * Idle workers do not keep a schedule alive.
 */
final class ModelExecutor extends AbstractExecutorService {

  private static final String SITE = "executor";

  private final int max;
  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
  private int workers;
  private int idle;
  private boolean shutdown;
  private final List<Thread> threads = new ArrayList<>();

  ModelExecutor(int max) {
    if (max <= 0) {
      throw new IllegalArgumentException("pool size must be positive: " + max);
    }
    this.max = max;
  }

  @Override
  public void execute(Runnable r) {
    Rt.monitorEnter(this, SITE);
    try {
      if (shutdown) {
        throw new RejectedExecutionException("the executor is shut down");
      }
      queue.add(r);
      if (idle > 0) {
        Rt.notifyOne(this, SITE);
      } else if (workers < max) {
        workers++;
        Thread w = new Thread(this::work, "pool-worker");
        threads.add(w);
        if (Thread.currentThread() instanceof TaskThread tt) {
          Rt.startTask(tt.task, w, true, SITE);
        } else {
          w.start();
        }
      }
    } finally {
      Rt.monitorExit(this, SITE);
    }
  }

  private void work() {
    Rt.monitorEnter(this, SITE);
    while (true) {
      while (queue.isEmpty() && !shutdown) {
        idle++;
        try {
          Rt.waitOn(this, SITE);
        } catch (InterruptedException e) {
          // shutdownNow interrupted this idle worker: look at the queue and the flag again, with
          // the status cleared, as the JDK's workers do
        } finally {
          idle--;
        }
      }
      Runnable r = queue.poll();
      if (r == null) {
        workers--;
        Rt.notifyAllOn(this, SITE);
        Rt.monitorExit(this, SITE);
        return;
      }
      Rt.monitorExit(this, SITE);
      r.run();
      Rt.monitorEnter(this, SITE);
    }
  }

  @Override
  public void shutdown() {
    Rt.monitorEnter(this, SITE);
    shutdown = true;
    Rt.notifyAllOn(this, SITE);
    Rt.monitorExit(this, SITE);
  }

  @Override
  public List<Runnable> shutdownNow() {
    Rt.monitorEnter(this, SITE);
    shutdown = true;
    List<Runnable> left = new ArrayList<>(queue);
    queue.clear();
    Rt.notifyAllOn(this, SITE);
    Rt.monitorExit(this, SITE);
    for (Thread w : threads) {
      Rt.interrupt(w, SITE); // as the JDK's shutdownNow: a task blocked in a wait gets out of it
    }
    return left;
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return shutdown && workers == 0;
  }

  /** A time-out may expire at any moment: without a shutdown it returns false at once. */
  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    Rt.monitorEnter(this, SITE);
    try {
      while (!(shutdown && workers == 0)) {
        if (!shutdown) {
          return false;
        }
        Rt.waitOn(this, SITE);
      }
      return true;
    } finally {
      Rt.monitorExit(this, SITE);
    }
  }

  @Override
  public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks)
      throws InterruptedException {
    List<Future<T>> fs = new ArrayList<>();
    for (Callable<T> c : tasks) {
      fs.add(submit(c));
    }
    for (Future<T> f : fs) {
      try {
        RtConcurrent.futureGet(f, SITE);
      } catch (ExecutionException e) {
        // invokeAll reports failures through the futures
      }
    }
    return fs;
  }

  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks)
      throws InterruptedException, ExecutionException {
    try {
      return invokeAny(tasks, false);
    } catch (TimeoutException e) {
      throw new IllegalStateException("golden: an untimed invokeAny timed out", e);
    }
  }

  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    return invokeAny(tasks, true);
  }

  /**
   * Submits every task and waits (modelled) until one has completed normally, or all failed;
   * returns the first that completed normally (the JDK's completion service order) and cancels the
   * rest. Timed: at a point where golden decides, a time-out if none has completed normally.
   */
  private <T> T invokeAny(Collection<? extends Callable<T>> tasks, boolean timed)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("invokeAny of no tasks");
    }
    Task me = Rt.task("ExecutorService.invokeAny()");
    if (me != null) {
      Waits.checkInterrupt();
    }
    String site = me == null ? SITE : me.site;
    List<Future<T>> fs = new ArrayList<>();
    List<Future<T>> ok = new ArrayList<>();
    int[] failed = {0};
    for (Callable<T> c : tasks) {
      Future<T>[] self = newFutureSlot();
      self[0] =
          submit(
              () -> {
                T v;
                try {
                  v = c.call();
                } catch (Exception | Error x) {
                  failed[0]++;
                  throw x;
                }
                ok.add(self[0]);
                return v;
              });
      fs.add(self[0]);
    }
    int n = fs.size();
    try {
      if (me == null) {
        // Off the task threads (setup): the workers are real threads; wait for them for real.
        for (Future<T> f : fs) {
          try {
            return f.get();
          } catch (ExecutionException e) {
            if (f == fs.get(n - 1)) {
              throw e;
            }
          }
        }
      }
      if (timed) {
        if (ok.isEmpty() && failed[0] < n) {
          Rt.sched().point(me, site + " (timed wait)", false);
        }
        if (ok.isEmpty() && failed[0] < n) {
          throw new TimeoutException();
        }
      } else {
        Waits.at(
            me,
            site + " (waited)",
            site,
            () -> !ok.isEmpty() || failed[0] == n,
            () -> "waits in invokeAny for one of " + n + " tasks to complete",
            true);
      }
      if (ok.isEmpty()) {
        try {
          fs.get(n - 1).get();
        } catch (CancellationException e) {
          throw new ExecutionException(e);
        }
        throw new IllegalStateException("golden: every invokeAny task failed, the last did not");
      }
      return ok.get(0).get();
    } finally {
      for (Future<T> f : fs) {
        f.cancel(true);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> Future<T>[] newFutureSlot() {
    return (Future<T>[]) new Future<?>[1];
  }
}
