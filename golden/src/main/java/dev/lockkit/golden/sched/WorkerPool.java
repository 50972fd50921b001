package dev.lockkit.golden.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Task threads reused across schedules: an exhaustive search runs thousands of short schedules, and
 * starting threads for each would cost more than the schedules themselves.
 */
final class WorkerPool implements AutoCloseable {

  /** A pooled thread; the controlled platform recognises its tasks by this type. */
  static final class Worker extends Thread {
    private volatile Runnable job;
    private volatile boolean stop;
    // True while the thread may be parked waiting for its turn (see ControlledPlatform).
    volatile boolean parked;
    // Written and read only by this thread while it runs a task of `platform`.
    ControlledPlatform platform;
    int task = -1;

    Worker(int id) {
      super("golden-worker-" + id);
      setDaemon(true);
    }

    void submit(Runnable r) {
      job = r;
      if (parked) {
        LockSupport.unpark(this);
      }
    }

    @Override
    public void run() {
      while (!stop) {
        // Between schedules the next job comes within microseconds: spin/yield first.
        Turn.await(() -> job != null || stop, this);
        Runnable j = job;
        if (j != null) {
          job = null;
          j.run();
        }
      }
    }

    /**
     * Whether the pool gave up on this thread (after a hang); it must not touch a schedule again.
     */
    boolean abandoned() {
      return stop;
    }

    void shutdown() {
      stop = true;
      LockSupport.unpark(this);
    }
  }

  private final List<Worker> workers = new ArrayList<>();
  private int created;

  /** The worker for task {@code i}, starting threads on first use. */
  Worker get(int i) {
    while (workers.size() <= i) {
      Worker w = new Worker(created++);
      w.start();
      workers.add(w);
    }
    return workers.get(i);
  }

  /**
   * Gives up on the current threads after a hang: they may never return, so they are interrupted
   * (daemon threads, they cannot keep the JVM alive) and fresh ones serve later schedules.
   */
  void abandon() {
    for (Worker w : workers) {
      w.shutdown();
      w.interrupt();
    }
    workers.clear();
  }

  @Override
  public void close() {
    for (Worker w : workers) {
      w.shutdown();
    }
    workers.clear();
  }
}
