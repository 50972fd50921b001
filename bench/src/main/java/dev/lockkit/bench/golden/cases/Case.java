package dev.lockkit.bench.golden.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One comparison case: fresh state, two actors, the outcome text, and which outcomes are bugs.
 *
 * @param <S> the shared state
 */
public final class Case<S> {

  public final String name;
  public final boolean buggy;
  public final Supplier<S> setup;
  public final Consumer<S> a0;
  public final Consumer<S> a1;
  public final Function<S, String> outcome;
  public final Predicate<String> bad;

  Case(
      String name,
      boolean buggy,
      Supplier<S> setup,
      Consumer<S> a0,
      Consumer<S> a1,
      Function<S, String> outcome,
      Predicate<String> bad) {
    this.name = name;
    this.buggy = buggy;
    this.setup = setup;
    this.a0 = a0;
    this.a1 = a1;
    this.outcome = outcome;
    this.bad = bad;
  }

  static final class Plain {
    int n;

    void inc() {
      n++;
    }
  }

  static final class Sync {
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

    void openRacy(String k) {
      if (!map.containsKey(k)) {
        created.incrementAndGet();
        map.put(k, 1);
      }
    }

    void login(String k) {
      map.merge(k, 1, Integer::sum);
    }
  }

  static final class Accounts {
    final ReentrantLock a = new ReentrantLock();
    final ReentrantLock b = new ReentrantLock();
    int moved;

    void lockBoth(ReentrantLock first, ReentrantLock second) {
      first.lock();
      try {
        second.lock();
        try {
          moved++;
        } finally {
          second.unlock();
        }
      } finally {
        first.unlock();
      }
    }
  }

  static final class Mailbox {
    final Object lock = new Object();
    String message;

    void put(String m) {
      synchronized (lock) {
        message = m;
        lock.notifyAll();
      }
    }

    String takeRacy() {
      if (message == null) {
        synchronized (lock) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        }
      }
      return message;
    }
  }

  static final class Batch {
    int done;

    void run() {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      pool.submit(() -> done++);
      pool.submit(() -> done++);
      pool.shutdown();
      try {
        pool.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Every case, in a fixed order. */
  public static List<Case<?>> all() {
    List<Case<?>> out = new ArrayList<>();
    out.add(
        new Case<Plain>(
            "lost update (plain field)",
            true,
            Plain::new,
            p -> p.inc(),
            p -> p.inc(),
            p -> "n=" + p.n,
            o -> !o.equals("n=2")));
    out.add(
        new Case<Registry>(
            "check-then-act (ConcurrentHashMap)",
            true,
            Registry::new,
            r -> r.openRacy("k"),
            r -> r.openRacy("k"),
            r -> "created=" + r.created,
            o -> !o.equals("created=1")));
    out.add(
        new Case<Accounts>(
            "AB-BA deadlock (ReentrantLock)",
            true,
            Accounts::new,
            a -> a.lockBoth(a.a, a.b),
            a -> a.lockBoth(a.b, a.a),
            a -> "moved=" + a.moved,
            o -> !o.equals("moved=2")));
    out.add(
        new Case<Mailbox>(
            "lost wake-up (wait/notifyAll)",
            true,
            Mailbox::new,
            m -> m.takeRacy(),
            m -> m.put("x"),
            m -> "message=" + m.message,
            o -> !o.equals("message=x")));
    out.add(
        new Case<Batch>(
            "executor race",
            true,
            Batch::new,
            b -> b.run(),
            b -> {},
            b -> "done=" + b.done,
            o -> !o.equals("done=2")));
    out.add(
        new Case<Sync>(
            "synchronized counter",
            false,
            Sync::new,
            s -> s.inc(),
            s -> s.inc(),
            s -> "n=" + s.get(),
            o -> !o.equals("n=2")));
    out.add(
        new Case<AtomicInteger>(
            "atomic counter",
            false,
            AtomicInteger::new,
            a -> a.incrementAndGet(),
            a -> a.incrementAndGet(),
            a -> "n=" + a.get(),
            o -> !o.equals("n=2")));
    out.add(
        new Case<Registry>(
            "merge-based registry",
            false,
            Registry::new,
            r -> r.login("k"),
            r -> r.login("k"),
            r -> "k=" + r.map.get("k"),
            o -> !o.equals("k=2")));
    return out;
  }
}
