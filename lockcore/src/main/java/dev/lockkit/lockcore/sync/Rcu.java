package dev.lockkit.lockcore.sync;

import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * RCU for one booted kernel: read-side sections per task, {@code synchronize_rcu()} with real grace
 * periods, and {@code call_rcu()}.
 *
 * <p>Implementation overview. The read side writes nothing shared, as the kernel's per-CPU RCU: a
 * reader touches only its own {@link RcuReader} record, and grace periods are detected by the
 * updater reading those records, never by serialising readers.
 *
 * <ul>
 *   <li>Each task that ever reads has a {@link RcuReader}, registered once in a copy-on-write array
 *       and cached in a field of its {@link Task}. Its {@code ctr} is a per-reader sequence: odd
 *       inside the outermost section, even outside; only the owner writes it. Entering stores the
 *       next (odd) value, then issues one full fence so the store is ordered before every read of
 *       the section ({@code smp_mb()} of userspace RCU's memb flavour: the JVM has no {@code
 *       membarrier()} to move it to the updater). Leaving stores the next (even) value with release
 *       ordering: every read of the section happens before it, and nothing later needs to be held
 *       back.
 *   <li>A grace period starts with a full fence after the updater unpublished what it will free; it
 *       then snapshots each reader's {@code ctr}. A reader seen even was outside any section (its
 *       next section starts after the fence, so it cannot see what was unpublished); a reader seen
 *       odd must be waited for until its {@code ctr} moves on, i.e. it left that section.
 *   <li>{@code call_rcu()} snapshots the same way and queues the callback with the readers it must
 *       outwait. Queued callbacks run, oldest first, whenever someone polls and finds their grace
 *       period over: {@code synchronize_rcu()}, {@code call_rcu()}, {@code rcu_barrier()} and
 *       {@link #pollCallbacks()} (the kernel entry points poll after each operation). Polling with
 *       nothing ready reads shared state but writes none: the queue's lock is taken only to run
 *       ready callbacks (a poll only tries it, never waits) or to queue one. Running them late is
 *       always allowed; running one early never happens.
 * </ul>
 *
 * <p>Nesting depth is task-private and needs no cell. Sleeping inside a section is a bug in the
 * kernel and makes grace periods wait here.
 */
public final class Rcu {
  private final Reports reports;
  private final SharedRef<RcuReader[]> readers = new SharedRef<>(new RcuReader[0]);
  // Appends and removals under cbLock; the oldest callback is also published in `oldest` so that a
  // poll with nothing ready needs no lock (the lock word would be one more line every fault
  // writes).
  private final SpinLock cbLock = new SpinLock();
  private final SharedRef<Callback> oldest = new SharedRef<>(null);
  private Callback newest; // guarded by cbLock
  private int queued; // guarded by cbLock

  /** RCU reporting misuse to {@code reports}. */
  public Rcu(Reports reports) {
    this.reports = reports;
  }

  /** A queued callback: the readers (and the odd sequence each was in) it must outwait. */
  private static final class Callback {
    final RcuReader[] waitFor;
    final long[] seqs;
    final Runnable fn;
    // Set under cbLock; read by pollers through `oldest` only after it is published there.
    final SharedRef<Callback> next;

    Callback(RcuReader[] waitFor, long[] seqs, Runnable fn, Platform platform) {
      this.waitFor = waitFor;
      this.seqs = seqs;
      this.fn = fn;
      this.next = new SharedRef<>(null, platform);
    }

    boolean gracePeriodOver() {
      for (int i = 0; i < waitFor.length; i++) {
        if (waitFor[i].ctr() == seqs[i]) {
          return false;
        }
      }
      return true;
    }
  }

  private RcuReader reader() {
    Task t = Task.current();
    if (t.rcuOwner == this) {
      return t.rcuReader;
    }
    RcuReader r = t.local(this, k -> register());
    t.rcuOwner = this;
    t.rcuReader = r;
    return r;
  }

  private RcuReader readerIfPresent() {
    Task t = Task.current();
    if (t.rcuOwner == this) {
      return t.rcuReader;
    }
    return t.localIfPresent(this);
  }

  private RcuReader register() {
    // Made on a task's first read: it takes this RCU's platform, not whatever is installed now.
    RcuReader r = new RcuReader(Task.current().name(), readers.platform());
    for (; ; ) {
      RcuReader[] old = readers.get();
      RcuReader[] next = java.util.Arrays.copyOf(old, old.length + 1);
      next[old.length] = r;
      if (readers.compareAndSet(old, next)) {
        return r;
      }
    }
  }

  /** {@code rcu_read_lock()}. */
  public void readLock() {
    readLockToken();
  }

  /**
   * {@code rcu_read_lock()} returning the calling task's reader record, for a caller that leaves
   * the section in the same function with {@link #readUnlock(RcuReader)} on the same task ({@code
   * lock_vma_under_rcu()}). {@link #readLock()} is this with the record dropped; keeping it saves
   * the second look-up of {@code current} (a {@code ThreadLocal} read, about 1.2 ns of a 30 ns
   * per-VMA round trip).
   */
  public RcuReader readLockToken() {
    RcuReader r = reader();
    if (r.nesting++ == 0) {
      r.enter();
      // Order the announcement before every read of the section (the reads may be acquire loads,
      // which alone would not keep a store before them). The one fence of the read side.
      VarHandle.fullFence();
    }
    return r;
  }

  /**
   * {@code rcu_read_unlock()}.
   *
   * @throws KernelBug if the task is not in a read-side section
   */
  public void readUnlock() {
    readUnlock(readerIfPresent());
  }

  /**
   * {@code rcu_read_unlock()} by the task that got {@code r} from {@link #readLockToken()}.
   *
   * @throws KernelBug if the task is not in a read-side section
   */
  public void readUnlock(RcuReader r) {
    if (r == null || r.nesting == 0) {
      throw reports.bug("rcu_read_unlock() without rcu_read_lock()");
    }
    if (--r.nesting == 0) {
      r.leave();
    }
  }

  /** {@code rcu_read_lock_held()}: whether the current task is inside a section. */
  public boolean readLockHeld() {
    RcuReader r = readerIfPresent();
    return r != null && r.nesting > 0;
  }

  /**
   * The readers inside a section now, each with the sequence it is in; {@code seqs} receives the
   * sequences. Preceded by a full fence: whatever the caller unpublished before is visible to every
   * section that starts after the snapshot.
   */
  private RcuReader[] snapshot(long[][] seqs) {
    VarHandle.fullFence();
    RcuReader[] all = readers.get();
    RcuReader[] in = new RcuReader[all.length];
    long[] s = new long[all.length];
    int n = 0;
    for (RcuReader r : all) {
      long c = r.ctr();
      if ((c & 1) != 0) {
        in[n] = r;
        s[n++] = c;
      }
    }
    seqs[0] = java.util.Arrays.copyOf(s, n);
    return java.util.Arrays.copyOf(in, n);
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
    long[][] seqs = new long[1][];
    RcuReader[] in = snapshot(seqs);
    for (int i = 0; i < in.length; i++) {
      while (in[i].ctr() == seqs[0][i]) {
        in[i].platform.spinWait(in[i]);
      }
    }
    pollCallbacks();
  }

  /**
   * {@code call_rcu()}: runs {@code fn} after a grace period that starts now. It runs on whichever
   * task polls first after the grace period ends.
   */
  public void callRcu(Runnable fn) {
    long[][] seqs = new long[1][];
    RcuReader[] in = snapshot(seqs);
    Callback cb = new Callback(in, seqs[0], fn, oldest.platform());
    cbLock.lock();
    try {
      if (newest == null) {
        oldest.set(cb);
      } else {
        newest.next.set(cb);
      }
      newest = cb;
      queued++;
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
      if (oldest.get() == null) {
        return;
      }
      synchronize();
    }
  }

  /** Runs, oldest first, every queued callback whose grace period has ended. */
  public void pollCallbacks() {
    Callback head = oldest.get();
    if (head == null || !head.gracePeriodOver()) {
      return; // the common case: reads only
    }
    // Only a trylock: if another task holds the queue's lock, it is queueing (call_rcu() polls
    // right after) or running the ready prefix itself, so nothing is lost by leaving; and a
    // faulting task never spins on a line an updater holds (on a loaded machine the spin yields its
    // CPU for a whole time slice, the wall-clock loss of faults beside an mprotect loop). The
    // kernel has no such lock at all: each CPU invokes its own callbacks (rcu_do_batch()).
    if (!cbLock.tryLock()) {
      return;
    }
    List<Runnable> ready = new ArrayList<>();
    try {
      // Callbacks are queued in snapshot order but a later one may be ready first: run a prefix
      // only, so they still run oldest first.
      for (Callback c = oldest.get(); c != null && c.gracePeriodOver(); c = oldest.get()) {
        ready.add(c.fn);
        Callback next = c.next.get();
        oldest.set(next);
        if (next == null) {
          newest = null;
        }
        queued--;
      }
    } finally {
      cbLock.unlock();
    }
    for (Runnable fn : ready) {
      fn.run();
    }
  }

  /** How many callbacks wait for their grace period (diagnostics and tests). */
  public int pendingCallbacks() {
    cbLock.lock();
    try {
      return queued;
    } finally {
      cbLock.unlock();
    }
  }
}
