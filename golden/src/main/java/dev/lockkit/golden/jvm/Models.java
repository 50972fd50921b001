package dev.lockkit.golden.jvm;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The modelled synchronisation state of one schedule: monitors and locks (exclusive or, for a
 * read-write lock's read side, shared), their wait sets and conditions, park permits, joins and
 * futures, semaphores. Objects are named by class and order of first use ({@code Account#2}), which
 * is the same in every run of a schedule, so traces are deterministic.
 */
final class Models {

  /** A monitor or a lock: one owner with a hold count, and shared holders for read locks. */
  static final class Mon {
    final String name;
    Task owner;
    int holds;
    final Map<Task, Integer> readers = new IdentityHashMap<>();
    final List<Task> waiters = new ArrayList<>();

    Mon(String name) {
      this.name = name;
    }

    boolean freeFor(Task t, boolean shared) {
      if (shared) {
        return owner == null || owner == t;
      }
      return (owner == null || owner == t)
          && (readers.isEmpty() || (readers.size() == 1 && readers.containsKey(t)));
    }
  }

  /** A condition of a lock, with its own wait set. */
  static final class Cond {
    final String name;
    final Mon lock;
    final List<Task> waiters = new ArrayList<>();

    Cond(String name, Mon lock) {
      this.name = name;
      this.lock = lock;
    }
  }

  static final Task.Blocker SLEEP =
      new Task.Blocker() {
        @Override
        public boolean ready(Task t) {
          return t.othersWrote || t.interruptRequested; // an interrupt ends a sleep
        }

        @Override
        public String describe(Task t) {
          return "sleeps at " + t.site;
        }
      };

  static final Task.Blocker SPIN =
      new Task.Blocker() {
        @Override
        public boolean ready(Task t) {
          return t.othersWrote;
        }

        @Override
        public String describe(Task t) {
          return "spins at " + t.site + " and no other task writes";
        }
      };

  static final Task.Blocker PARK =
      new Task.Blocker() {
        @Override
        public boolean ready(Task t) {
          return t.permit || t.interruptRequested; // an interrupt ends a park, as in the JDK
        }

        @Override
        public String describe(Task t) {
          return "is parked at " + t.site + " and never unparked";
        }

        @Override
        public boolean wakeUp() {
          return true;
        }
      };

  private final JvmScheduler scheduler;
  private final IdentityHashMap<Object, Mon> mons = new IdentityHashMap<>();
  private final IdentityHashMap<Object, Cond> conds = new IdentityHashMap<>();
  private final IdentityHashMap<Object, String> names = new IdentityHashMap<>();
  private final Map<String, Integer> seq = new java.util.HashMap<>();
  // Per-schedule state of the models of JDK classes (JdkHandoffs, JdkBarriers), by object.
  private final IdentityHashMap<Object, Object> states = new IdentityHashMap<>();

  Models(JvmScheduler scheduler) {
    this.scheduler = scheduler;
  }

  void reset() {
    mons.clear();
    conds.clear();
    names.clear();
    seq.clear();
    states.clear();
  }

  /** The schedule's model state of {@code key}, or null if it has none. */
  @SuppressWarnings("unchecked")
  <T> T stateIfAny(Object key) {
    return (T) states.get(key);
  }

  /** The schedule's model state of {@code key}, made by {@code make} on first use. */
  @SuppressWarnings("unchecked")
  <T> T state(Object key, java.util.function.Supplier<T> make) {
    return (T) states.computeIfAbsent(key, k -> make.get());
  }

  /** The deterministic name of {@code o} in this schedule. */
  String name(Object o) {
    return names.computeIfAbsent(
        o,
        k -> {
          String simple = k.getClass().getSimpleName();
          if (simple.isEmpty()) {
            simple = k.getClass().getName().substring(k.getClass().getName().lastIndexOf('.') + 1);
          }
          int n = seq.merge(simple, 1, Integer::sum);
          return simple + "#" + n;
        });
  }

  Mon mon(Object key) {
    return mons.computeIfAbsent(key, k -> new Mon(name(k)));
  }

  Cond cond(Object condition, Object lockKey) {
    return conds.computeIfAbsent(condition, k -> new Cond(name(k), mon(lockKey)));
  }

  // ---- monitors and locks -------------------------------------------------------------------

  void acquire(Task t, Mon m, boolean shared, String site) {
    if (!shared && m.owner == t) {
      m.holds++;
      return;
    }
    if (shared && m.readers.containsKey(t)) {
      m.readers.merge(t, 1, Integer::sum);
      return;
    }
    t.blocker = lockBlocker(m, shared);
    try {
      scheduler.point(t, site + (shared ? " read-lock " : " lock ") + m.name, true);
    } finally {
      t.blocker = null;
    }
    take(t, m, shared);
  }

  /** {@code lockInterruptibly}: {@link #acquire}, ended by an interrupt as in the JDK. */
  void acquireInterruptibly(Task t, Mon m, boolean shared, String site)
      throws InterruptedException {
    Waits.enterInterruptible(t);
    if ((!shared && m.owner == t) || (shared && m.readers.containsKey(t))) {
      acquire(t, m, shared, site);
      return;
    }
    Task.Blocker free = lockBlocker(m, shared);
    t.blocker =
        new Task.Blocker() {
          @Override
          public boolean ready(Task x) {
            return free.ready(x) || x.interruptRequested;
          }

          @Override
          public String describe(Task x) {
            return free.describe(x);
          }
        };
    try {
      scheduler.point(t, site + (shared ? " read-lock " : " lock ") + m.name, true);
    } finally {
      t.blocker = null;
    }
    Waits.leaveInterruptible(t, m.freeFor(t, shared));
    take(t, m, shared);
  }

  boolean tryAcquire(Task t, Mon m, boolean shared, String site) {
    scheduler.point(t, site + " try-lock " + m.name, true);
    if (!m.freeFor(t, shared)) {
      return false;
    }
    take(t, m, shared);
    return true;
  }

  private static void take(Task t, Mon m, boolean shared) {
    if (shared) {
      m.readers.merge(t, 1, Integer::sum);
    } else if (m.owner == t) {
      m.holds++;
    } else {
      m.owner = t;
      m.holds = 1;
    }
  }

  void release(Task t, Mon m, boolean shared) {
    if (scheduler.aborted()) {
      // Unwinding an aborted schedule: a monitor given up in a wait is not held again, and
      // javac's handler around a monitorexit would loop forever on an exception from here.
      return;
    }
    if (shared) {
      Integer n = m.readers.get(t);
      if (n == null) {
        throw new IllegalMonitorStateException(t.name + " does not hold the read lock " + m.name);
      }
      if (n == 1) {
        m.readers.remove(t);
      } else {
        m.readers.put(t, n - 1);
      }
      return;
    }
    if (m.owner != t) {
      throw new IllegalMonitorStateException(t.name + " does not hold " + m.name);
    }
    if (--m.holds == 0) {
      m.owner = null;
    }
  }

  /**
   * Object.wait or Condition.await: release fully, wait in {@code waiters}, re-acquire. An
   * interruptible wait throws {@link InterruptedException} at its start if the thread is
   * interrupted, and, once it holds the monitor again, if another task interrupted it before it was
   * notified.
   */
  void await(
      Task t,
      Mon m,
      List<Task> waiters,
      boolean timed,
      boolean interruptible,
      String what,
      String site)
      throws InterruptedException {
    if (m.owner != t) {
      throw new IllegalMonitorStateException(
          t.name + " waits on " + m.name + " without holding it");
    }
    if (interruptible) {
      Waits.enterInterruptible(t);
    }
    int saved = m.holds;
    m.owner = null;
    m.holds = 0;
    waiters.add(t);
    t.notified = false;
    t.blocker = timed ? lockBlocker(m, false) : waitBlocker(m, what, interruptible);
    try {
      scheduler.point(t, site + " " + what, true);
    } finally {
      waiters.remove(t);
      t.blocker = null;
    }
    m.owner = t;
    m.holds = saved;
    if (interruptible) {
      Waits.leaveInterruptible(t, t.notified);
    }
  }

  void notify(Task t, Mon m, List<Task> waiters, boolean all) {
    if (m.owner != t) {
      throw new IllegalMonitorStateException(
          t.name + " notifies " + m.name + " without holding it");
    }
    for (Task w : waiters) {
      if (!w.notified) {
        w.notified = true;
        if (!all) {
          return;
        }
      }
    }
  }

  private Task.Blocker lockBlocker(Mon m, boolean shared) {
    return new Task.Blocker() {
      @Override
      public boolean ready(Task t) {
        return m.freeFor(t, shared);
      }

      @Override
      public String describe(Task t) {
        Task holder =
            m.owner != null ? m.owner : m.readers.keySet().stream().findFirst().orElse(null);
        return "waits for "
            + m.name
            + " at "
            + t.site
            + (holder == null ? "" : ", held by " + holder.name);
      }
    };
  }

  private static Task.Blocker waitBlocker(Mon m, String what, boolean interruptible) {
    return new Task.Blocker() {
      @Override
      public boolean ready(Task t) {
        return (t.notified || (interruptible && t.interruptRequested)) && m.freeFor(t, false);
      }

      @Override
      public String describe(Task t) {
        return t.notified
            ? "was notified but waits for " + m.name + " at " + t.site
            : "is in " + what + " at " + t.site + " and nobody notifies it";
      }

      @Override
      public boolean wakeUp() {
        return true;
      }
    };
  }

  // ---- joins, futures, latches --------------------------------------------------------------

  static Task.Blocker exitOf(Task target) {
    return new Task.Blocker() {
      @Override
      public boolean ready(Task t) {
        return target.exited || t.interruptRequested;
      }

      @Override
      public String describe(Task t) {
        return "joins " + target.name + " at " + t.site;
      }
    };
  }

  static Task.Blocker done(Future<?> f, boolean interruptible) {
    return new Task.Blocker() {
      @Override
      public boolean ready(Task t) {
        return f.isDone() || (interruptible && t.interruptRequested);
      }

      @Override
      public String describe(Task t) {
        return "waits for a future at " + t.site + " that nobody completes";
      }
    };
  }

  static Task.Blocker zero(CountDownLatch l) {
    return new Task.Blocker() {
      @Override
      public boolean ready(Task t) {
        return l.getCount() == 0 || t.interruptRequested;
      }

      @Override
      public String describe(Task t) {
        return "waits at " + t.site + " for a latch at " + l.getCount();
      }
    };
  }

  Task.Blocker permits(Semaphore s, int n, boolean interruptible) {
    String name = name(s);
    return new Task.Blocker() {
      @Override
      public boolean ready(Task t) {
        return s.availablePermits() >= n || (interruptible && t.interruptRequested);
      }

      @Override
      public String describe(Task t) {
        return "waits for "
            + n
            + (n == 1 ? " permit" : " permits")
            + " of "
            + name
            + " ("
            + s.availablePermits()
            + " free) at "
            + t.site;
      }
    };
  }

  /** "deadlock: T0 waits for ..., T1 ..." or "lost wake-up: ..." when all wait for a wake-up. */
  String describeDeadlock() {
    StringBuilder sb = new StringBuilder();
    boolean allWakeUps = true;
    for (Task t : scheduler.tasks) {
      if (t.exited || t.idle()) {
        continue;
      }
      if (t.blocker == null) {
        continue;
      }
      allWakeUps &= t.blocker.wakeUp();
      sb.append(sb.length() == 0 ? "" : "; ")
          .append(t.name)
          .append(' ')
          .append(t.blocker.describe(t));
    }
    return (allWakeUps ? "lost wake-up: " : "every task is blocked: ") + sb;
  }
}
