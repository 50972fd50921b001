package dev.lockkit.lockcore.sync;

import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * RCU for one booted kernel: read-side sections per task, {@code synchronize_rcu()} with real grace
 * periods, and {@code call_rcu()}.
 *
 * <p>Implementation overview. This is the "memb" flavour of userspace RCU, expressed over {@code
 * sync} cells so that a controlled platform can interleave it:
 *
 * <ul>
 *   <li>A global grace-period counter {@code gp} only grows.
 *   <li>Each task that ever reads has a {@link Reader} record, registered once in a copy-on-write
 *       array. Its {@code ctr} is 0 outside a section; on entering the outermost section the task
 *       stores the current {@code gp} there, then issues a full fence so the store is ordered
 *       before every read inside the section. Leaving stores 0 with a fully ordered store.
 *   <li>A grace period that starts by raising {@code gp} to {@code target} has ended once every
 *       reader's {@code ctr} is 0 or at least {@code target}: a reader inside a section with a
 *       smaller value entered before the grace period started, and is the only kind that must be
 *       waited for. Readers that enter later see the new value and are not waited for; they cannot
 *       see what the updater unpublished before raising {@code gp} (all these accesses are
 *       sequentially consistent).
 *   <li>{@code call_rcu()} starts a grace period and queues the callback with its target. Queued
 *       callbacks run, oldest first, whenever someone polls and finds their grace period over:
 *       {@code synchronize_rcu()}, {@code call_rcu()}, {@code rcu_barrier()} and {@link
 *       #pollCallbacks()} (the kernel entry points poll after each operation). Running them late is
 *       always allowed; running one early never happens.
 * </ul>
 *
 * <p>Nesting depth is task-private and needs no cell. Sleeping inside a section is a bug in the
 * kernel and makes grace periods wait here.
 */
public final class Rcu {
  private final Reports reports;
  private final SharedLong gp = new SharedLong(1);
  private final SharedRef<Reader[]> readers = new SharedRef<>(new Reader[0]);
  private final SpinLock cbLock = new SpinLock();
  // guarded by cbLock; targets are non-decreasing, so the head is always the next to be ready
  private final ArrayDeque<Callback> callbacks = new ArrayDeque<>();

  /** RCU reporting misuse to {@code reports}. */
  public Rcu(Reports reports) {
    this.reports = reports;
  }

  private static final class Reader {
    final String task;
    final SharedLong ctr = new SharedLong(0);
    int nesting; // owner-only

    Reader(String task) {
      this.task = task;
    }
  }

  private record Callback(long target, Runnable fn) {}

  private Reader reader() {
    return Task.current().local(this, k -> register());
  }

  private Reader register() {
    Reader r = new Reader(Task.current().name());
    for (; ; ) {
      Reader[] old = readers.get();
      Reader[] next = java.util.Arrays.copyOf(old, old.length + 1);
      next[old.length] = r;
      if (readers.compareAndSet(old, next)) {
        return r;
      }
    }
  }

  /** {@code rcu_read_lock()}. */
  public void readLock() {
    Reader r = reader();
    if (r.nesting++ == 0) {
      r.ctr.set(gp.get());
      // Order the announcement before every read of the section (the reads may be acquire loads,
      // which alone would not keep a store before them).
      VarHandle.fullFence();
    }
  }

  /**
   * {@code rcu_read_unlock()}.
   *
   * @throws KernelBug if the task is not in a read-side section
   */
  public void readUnlock() {
    Reader r = Task.current().localIfPresent(this);
    if (r == null || r.nesting == 0) {
      throw reports.bug("rcu_read_unlock() without rcu_read_lock()");
    }
    if (--r.nesting == 0) {
      r.ctr.set(0);
    }
  }

  /** {@code rcu_read_lock_held()}: whether the current task is inside a section. */
  public boolean readLockHeld() {
    Reader r = Task.current().localIfPresent(this);
    return r != null && r.nesting > 0;
  }

  /**
   * {@code synchronize_rcu()}: returns once every reader that was inside a section when it was
   * called has left it, then runs ready callbacks.
   *
   * @throws KernelBug when called inside a read-side section (it would never return)
   */
  public void synchronize() {
    if (readLockHeld()) {
      throw reports.bug("synchronize_rcu() inside an RCU read-side critical section");
    }
    long target = gp.addAndGet(1);
    for (Reader r : readers.get()) {
      for (; ; ) {
        long c = r.ctr.get();
        if (c == 0 || c >= target) {
          break;
        }
        Platforms.current().spinWait(r.ctr);
      }
    }
    pollCallbacks();
  }

  /**
   * {@code call_rcu()}: runs {@code fn} after a grace period that starts now. It runs on whichever
   * task polls first after the grace period ends.
   */
  public void callRcu(Runnable fn) {
    long target = gp.addAndGet(1);
    cbLock.lock();
    try {
      callbacks.addLast(new Callback(target, fn));
    } finally {
      cbLock.unlock();
    }
    pollCallbacks();
  }

  /** {@code rcu_barrier()}: waits for a grace period and runs every queued callback. */
  public void barrier() {
    synchronize();
    for (; ; ) {
      pollCallbacks();
      cbLock.lock();
      boolean empty;
      try {
        empty = callbacks.isEmpty();
      } finally {
        cbLock.unlock();
      }
      if (empty) {
        return;
      }
      synchronize();
    }
  }

  /** Runs, oldest first, every queued callback whose grace period has ended. */
  public void pollCallbacks() {
    List<Runnable> ready = new ArrayList<>();
    cbLock.lock();
    try {
      while (!callbacks.isEmpty() && gracePeriodOver(callbacks.peekFirst().target())) {
        ready.add(callbacks.pollFirst().fn());
      }
    } finally {
      cbLock.unlock();
    }
    for (Runnable fn : ready) {
      fn.run();
    }
  }

  private boolean gracePeriodOver(long target) {
    for (Reader r : readers.get()) {
      long c = r.ctr.get();
      if (c != 0 && c < target) {
        return false;
      }
    }
    return true;
  }

  /** How many callbacks wait for their grace period (diagnostics and tests). */
  public int pendingCallbacks() {
    cbLock.lock();
    try {
      return callbacks.size();
    } finally {
      cbLock.unlock();
    }
  }
}
