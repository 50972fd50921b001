package dev.lockkit.golden.jvmcases;

import dev.lockkit.golden.explore.Mode;
import dev.lockkit.golden.jvm.JvmExplorer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Small unmodified concurrent classes and their explorations; loaded through the instrumenting
 * class loader by {@code JvmExplorerTest}, so nothing here knows it is being scheduled.
 */
public final class Cases {

  private Cases() {}

  static final class PlainCounter {
    int n;

    void inc() {
      n++;
    }
  }

  static final class SyncCounter {
    private int n;

    synchronized void inc() {
      n++;
    }

    synchronized int get() {
      return n;
    }
  }

  static final class Registry {
    final ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
    final AtomicInteger created = new AtomicInteger();

    void register(String key) {
      if (!map.containsKey(key)) {
        created.incrementAndGet();
        map.put(key, 1);
      }
    }

    void registerMerge(String key) {
      map.merge(key, 1, Integer::sum);
    }
  }

  static final class Bank {
    final ReentrantLock a = new ReentrantLock();
    final ReentrantLock b = new ReentrantLock();
    int moved;

    void ab() {
      a.lock();
      try {
        b.lock();
        try {
          moved++;
        } finally {
          b.unlock();
        }
      } finally {
        a.unlock();
      }
    }

    void ba() {
      b.lock();
      try {
        a.lock();
        try {
          moved++;
        } finally {
          a.unlock();
        }
      } finally {
        b.unlock();
      }
    }
  }

  static final class Flag {
    final Object lock = new Object();
    boolean ready;
    String seen = "-";

    void awaitReady() {
      if (!ready) { // checked outside the monitor: the notification can come before the wait
        synchronized (lock) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
      seen = "ready";
    }

    void awaitReadyCorrectly() {
      synchronized (lock) {
        while (!ready) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
      seen = "ready";
    }

    void signal() {
      synchronized (lock) {
        ready = true;
        lock.notifyAll();
      }
    }
  }

  static final class Batch {
    int done;

    void runTwo() {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      pool.submit(() -> done++);
      pool.submit(() -> done++);
      pool.shutdown();
      try {
        pool.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static <S> JvmExplorer.Result run(
      Supplier<S> s, Consumer<S> a, Consumer<S> b, Function<S, String> out) {
    return JvmExplorer.explore(
        s, List.of(a, b), out, new Mode.Exhaustive(2, 100_000), Duration.ofSeconds(5), 20_000);
  }

  public static JvmExplorer.Result plainCounter() {
    return run(PlainCounter::new, PlainCounter::inc, PlainCounter::inc, c -> "n=" + c.n);
  }

  public static JvmExplorer.Result syncCounter() {
    return run(SyncCounter::new, SyncCounter::inc, SyncCounter::inc, c -> "n=" + c.get());
  }

  public static JvmExplorer.Result atomicCounter() {
    return run(
        AtomicInteger::new,
        AtomicInteger::incrementAndGet,
        AtomicInteger::incrementAndGet,
        c -> "n=" + c.get());
  }

  public static JvmExplorer.Result checkThenAct() {
    return run(
        Registry::new, r -> r.register("k"), r -> r.register("k"), r -> "created=" + r.created);
  }

  public static JvmExplorer.Result merge() {
    return run(
        Registry::new, r -> r.registerMerge("k"), r -> r.registerMerge("k"), r -> "k=" + r.map);
  }

  public static JvmExplorer.Result abba() {
    return run(Bank::new, Bank::ab, Bank::ba, b -> "moved=" + b.moved);
  }

  public static JvmExplorer.Result lostWakeUp() {
    return run(Flag::new, Flag::awaitReady, Flag::signal, f -> "seen=" + f.seen);
  }

  public static JvmExplorer.Result wakeUpCorrect() {
    return run(Flag::new, Flag::awaitReadyCorrectly, Flag::signal, f -> "seen=" + f.seen);
  }

  public static JvmExplorer.Result executorRace() {
    return run(Batch::new, Batch::runTwo, b -> {}, b -> "done=" + b.done);
  }
}
