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
    // Bound 1 keeps the unit test short (bound 2: 11,452 schedules, same two outcomes).
    return JvmExplorer.explore(
        Batch::new,
        List.of(Batch::runTwo, b -> {}),
        b -> "done=" + b.done,
        new Mode.Exhaustive(1, 100_000),
        Duration.ofSeconds(5),
        20_000);
  }

  static final class Buffer {
    final java.util.concurrent.locks.ReentrantLock lock =
        new java.util.concurrent.locks.ReentrantLock();
    final java.util.concurrent.locks.Condition notEmpty = lock.newCondition();
    String item;
    String got;

    void put(String x) {
      lock.lock();
      try {
        item = x;
        notEmpty.signalAll();
      } finally {
        lock.unlock();
      }
    }

    void take() {
      lock.lock();
      try {
        while (item == null) {
          notEmpty.awaitUninterruptibly();
        }
        got = item;
      } finally {
        lock.unlock();
      }
    }
  }

  static final class Stats {
    final java.util.concurrent.locks.ReentrantReadWriteLock rw =
        new java.util.concurrent.locks.ReentrantReadWriteLock();
    int value;
    int read = -1;

    void write() {
      rw.writeLock().lock();
      try {
        value++;
      } finally {
        rw.writeLock().unlock();
      }
    }

    void read() {
      rw.readLock().lock();
      try {
        read = value;
      } finally {
        rw.readLock().unlock();
      }
    }
  }

  static final class Parker {
    volatile boolean flag;
    boolean seen;
    int other;

    void startParkUnparkJoin() {
      Thread t =
          new Thread(
              () -> {
                while (!flag) {
                  java.util.concurrent.locks.LockSupport.park(this);
                }
                seen = true;
              });
      t.start();
      flag = true;
      java.util.concurrent.locks.LockSupport.unpark(t);
      try {
        t.join();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static final class StaticCounter {
    static int n;

    static synchronized void inc() {
      n++;
    }
  }

  static final class Latched {
    final java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);
    int x;
    int seen = -1;

    void await() {
      try {
        latch.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      seen = x;
    }

    void release() {
      x = 1;
      latch.countDown();
    }
  }

  static final class Trying {
    final ReentrantLock lock = new ReentrantLock();
    int acquired;

    void attempt() {
      if (lock.tryLock()) {
        acquired++;
      }
    }
  }

  public static JvmExplorer.Result condition() {
    return run(Buffer::new, b -> b.take(), b -> b.put("x"), b -> "got=" + b.got);
  }

  public static JvmExplorer.Result readWrite() {
    return run(Stats::new, Stats::write, Stats::read, s -> "read=" + s.read + " value=" + s.value);
  }

  public static JvmExplorer.Result parkUnpark() {
    return run(Parker::new, Parker::startParkUnparkJoin, p -> p.other++, p -> "seen=" + p.seen);
  }

  public static JvmExplorer.Result staticSync() {
    return run(
        () -> {
          StaticCounter.n = 0;
          return new Object();
        },
        o -> StaticCounter.inc(),
        o -> StaticCounter.inc(),
        o -> "n=" + StaticCounter.n);
  }

  public static JvmExplorer.Result latch() {
    return run(Latched::new, Latched::await, Latched::release, l -> "seen=" + l.seen);
  }

  public static JvmExplorer.Result tryLock() {
    return run(Trying::new, Trying::attempt, Trying::attempt, t -> "acquired=" + t.acquired);
  }

  public static JvmExplorer.Result replayLostUpdate() {
    return JvmExplorer.explore(
        PlainCounter::new,
        List.of(PlainCounter::inc, PlainCounter::inc),
        c -> "n=" + c.n,
        new Mode.Replay(dev.lockkit.golden.sched.Schedule.parse("T0@2,T1@3,T0@3")),
        Duration.ofSeconds(5),
        20_000);
  }
}
