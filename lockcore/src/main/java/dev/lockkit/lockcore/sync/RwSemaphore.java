package dev.lockkit.lockcore.sync;

import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.config.Option;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code struct rw_semaphore} with the kernel's operations, blocking only through the {@link
 * Platform}.
 *
 * <p>Implementation overview. One {@link SharedLong} {@code count} holds the state, as in {@code
 * kernel/locking/rwsem.c}: bit 0 {@code WRITER_LOCKED}, bit 1 {@code FLAG_WAITERS}, and the number
 * of readers in units of {@code READER_BIAS} above bit 8. The fast paths are single CASes that fail
 * whenever {@code FLAG_WAITERS} is set, so once anybody queues, newcomers queue behind them: a
 * stream of readers cannot starve a queued writer.
 *
 * <p>Waiters sit in a FIFO list guarded by a {@link SpinLock} ({@code wait_lock}); {@code
 * FLAG_WAITERS} is set exactly while the list is non-empty, and changed only under {@code
 * wait_lock}. Granting is a hand-off: under {@code wait_lock}, the granter updates {@code count} on
 * the waiter's behalf (writer bit and owner, or a reader bias), sets the waiter's {@code granted}
 * cell with release and unparks it. The head writer, or the run of readers at the head, is granted
 * whenever the state allows.
 *
 * <p>No lost wake-up: a waiter enqueues and sets the flag, then tries to grant under {@code
 * wait_lock} itself. A releaser's atomic update of {@code count} is ordered either before the flag
 * was set (then the waiter's own attempt sees the released state) or after (then the releaser sees
 * the flag in its result and grants). Killable waiters that see a fatal signal leave the list under
 * {@code wait_lock} (unless granted meanwhile) and re-run granting, since a departing writer may
 * have been what held back the readers behind it.
 *
 * <p>Misuse (releasing a lock that is not held, up_write by a task that is not the owner) is a
 * reported {@link KernelBug} that leaves {@code count} untouched. With DEBUG_LOCK_ALLOC the
 * kernel's lockdep annotations are made as well.
 */
public final class RwSemaphore {
  static final long WRITER_LOCKED = 1L;
  static final long FLAG_WAITERS = 1L << 1;
  static final int READER_SHIFT = 8;
  static final long READER_BIAS = 1L << READER_SHIFT;

  private final SyncContext ctx;
  private final String name;
  private final SharedLong count = new SharedLong(0);
  private final SharedRef<Task> owner = new SharedRef<>(null);
  private final SpinLock waitLock = new SpinLock();
  // guarded by waitLock
  private final ArrayDeque<Waiter> waitList = new ArrayDeque<>();

  // Written once in the constructor, before the semaphore is shared.
  @IfConfig("DEBUG_LOCK_ALLOC")
  private LockdepMap depMap;

  private static final class Waiter {
    final Task task;
    final Thread thread;
    final boolean writer;
    final SharedInt granted = new SharedInt(0);

    Waiter(Task task, boolean writer) {
      this.task = task;
      this.thread = Thread.currentThread();
      this.writer = writer;
    }
  }

  /** {@code init_rwsem()}: an unlocked semaphore named {@code name} in lock class {@code key}. */
  public RwSemaphore(SyncContext ctx, String name, LockClassKey key) {
    this.ctx = ctx;
    this.name = name;
    if (ctx.config().isEnabled(Option.DEBUG_LOCK_ALLOC)) {
      this.depMap = new LockdepMap(name, key);
    }
  }

  // ---- lockdep annotations (no-ops without DEBUG_LOCK_ALLOC, like the kernel's macros) ----

  private void lockdepAcquire(int subclass, boolean read, boolean trylock) {
    if (ctx.config().isEnabled(Option.DEBUG_LOCK_ALLOC)) {
      ctx.lockdep().acquire(depMap, subclass, read, trylock);
    }
  }

  private void lockdepRelease() {
    if (ctx.config().isEnabled(Option.DEBUG_LOCK_ALLOC)) {
      ctx.lockdep().release(depMap);
    }
  }

  // ---- readers ----

  private boolean tryReadFast() {
    for (; ; ) {
      long c = count.get();
      if ((c & (WRITER_LOCKED | FLAG_WAITERS)) != 0) {
        return false;
      }
      if (count.compareAndSet(c, c + READER_BIAS)) {
        return true;
      }
    }
  }

  /** {@code down_read()}: sleeps uninterruptibly until read-locked. */
  public void downRead() {
    lockdepAcquire(0, true, false);
    if (!tryReadFast()) {
      slowPath(false, false);
    }
  }

  /**
   * {@code down_read_killable()}: 0 when locked, {@code -EINTR} on a fatal signal while waiting.
   */
  public int downReadKillable() {
    lockdepAcquire(0, true, false);
    if (tryReadFast() || slowPath(false, true) == 0) {
      return 0;
    }
    lockdepRelease();
    return -Errno.EINTR;
  }

  /** {@code down_read_trylock()}: whether the read lock was taken without waiting. */
  public boolean downReadTrylock() {
    if (tryReadFast()) {
      lockdepAcquire(0, true, true);
      return true;
    }
    return false;
  }

  /**
   * {@code up_read()}.
   *
   * @throws KernelBug if the semaphore has no readers; nothing is changed
   */
  public void upRead() {
    long n;
    for (; ; ) {
      long c = count.get();
      if ((c >> READER_SHIFT) == 0) {
        lockdepRelease();
        throw ctx.reports().bug("up_read: " + name + " is not read-locked");
      }
      if (count.compareAndSet(c, c - READER_BIAS)) {
        n = c - READER_BIAS;
        break;
      }
    }
    lockdepRelease();
    if ((n & FLAG_WAITERS) != 0 && (n >> READER_SHIFT) == 0) {
      wake();
    }
  }

  // ---- writers ----

  private boolean tryWriteFast() {
    if (count.compareAndSet(0, WRITER_LOCKED)) {
      owner.set(Task.current());
      return true;
    }
    return false;
  }

  /** {@code down_write()}. */
  public void downWrite() {
    downWriteNested(0);
  }

  /** {@code down_write_nested()}: as {@link #downWrite} in lockdep subclass {@code subclass}. */
  public void downWriteNested(int subclass) {
    lockdepAcquire(subclass, false, false);
    if (!tryWriteFast()) {
      slowPath(true, false);
    }
  }

  /**
   * {@code down_write_killable()}: 0 when locked, {@code -EINTR} on a fatal signal while waiting.
   */
  public int downWriteKillable() {
    lockdepAcquire(0, false, false);
    if (tryWriteFast() || slowPath(true, true) == 0) {
      return 0;
    }
    lockdepRelease();
    return -Errno.EINTR;
  }

  /** {@code down_write_trylock()}. */
  public boolean downWriteTrylock() {
    if (tryWriteFast()) {
      lockdepAcquire(0, false, true);
      return true;
    }
    return false;
  }

  /**
   * {@code up_write()}.
   *
   * @throws KernelBug if the current task does not hold the write lock; nothing is changed
   */
  public void upWrite() {
    if (owner.get() != Task.current()) {
      lockdepRelease();
      throw ctx.reports().bug("up_write: " + name + " is not write-locked by " + Task.current());
    }
    lockdepRelease();
    owner.set(null);
    long n;
    for (; ; ) {
      long c = count.get();
      if (count.compareAndSet(c, c & ~WRITER_LOCKED)) {
        n = c & ~WRITER_LOCKED;
        break;
      }
    }
    if ((n & FLAG_WAITERS) != 0) {
      wake();
    }
  }

  /**
   * {@code downgrade_write()}: the write lock becomes a read lock without a window in which another
   * writer could get in; queued readers at the head are let in too.
   *
   * @throws KernelBug if the current task does not hold the write lock
   */
  public void downgradeWrite() {
    if (owner.get() != Task.current()) {
      throw ctx.reports()
          .bug("downgrade_write: " + name + " is not write-locked by " + Task.current());
    }
    if (ctx.config().isEnabled(Option.DEBUG_LOCK_ALLOC)) {
      ctx.lockdep().downgrade(depMap);
    }
    owner.set(null);
    long n;
    for (; ; ) {
      long c = count.get();
      n = (c & ~WRITER_LOCKED) + READER_BIAS;
      if (count.compareAndSet(c, n)) {
        break;
      }
    }
    if ((n & FLAG_WAITERS) != 0) {
      wake();
    }
  }

  // ---- slow path ----

  /** Queues the current task and waits for a grant; returns 0 or -EINTR (killable only). */
  private int slowPath(boolean writer, boolean killable) {
    Task me = Task.current();
    Waiter w = new Waiter(me, writer);
    List<Waiter> wake;
    waitLock.lock();
    try {
      waitList.addLast(w);
      if (waitList.size() == 1) {
        setFlag(true);
      }
      wake = grantLocked();
    } finally {
      waitLock.unlock();
    }
    unparkAll(wake, w);
    for (; ; ) {
      if (w.granted.getAcquire() != 0) {
        return 0;
      }
      if (killable && me.fatalSignalPending()) {
        waitLock.lock();
        try {
          if (w.granted.get() != 0) {
            return 0;
          }
          waitList.remove(w);
          if (waitList.isEmpty()) {
            setFlag(false);
          }
          wake = grantLocked();
        } finally {
          waitLock.unlock();
        }
        unparkAll(wake, w);
        return -Errno.EINTR;
      }
      count.platform().park(this);
    }
  }

  private void setFlag(boolean on) {
    for (; ; ) {
      long c = count.get();
      long n = on ? c | FLAG_WAITERS : c & ~FLAG_WAITERS;
      if (count.compareAndSet(c, n)) {
        return;
      }
    }
  }

  /** Grants the head writer or the run of head readers as the state allows; under waitLock. */
  private List<Waiter> grantLocked() {
    List<Waiter> granted = new ArrayList<>();
    while (!waitList.isEmpty()) {
      Waiter head = waitList.peekFirst();
      long c = count.get();
      long flag = waitList.size() > 1 ? FLAG_WAITERS : 0;
      long n;
      if (head.writer) {
        if ((c & ~FLAG_WAITERS) != 0) {
          break;
        }
        n = WRITER_LOCKED | flag;
      } else {
        if ((c & WRITER_LOCKED) != 0) {
          break;
        }
        n = ((c & ~FLAG_WAITERS) + READER_BIAS) | flag;
      }
      if (!count.compareAndSet(c, n)) {
        continue; // a concurrent release changed count; look again
      }
      waitList.pollFirst();
      if (head.writer) {
        owner.set(head.task);
      }
      head.granted.setRelease(1);
      granted.add(head);
      if (head.writer) {
        break;
      }
    }
    return granted;
  }

  private void wake() {
    List<Waiter> wake;
    waitLock.lock();
    try {
      wake = grantLocked();
    } finally {
      waitLock.unlock();
    }
    unparkAll(wake, null);
  }

  private void unparkAll(List<Waiter> waiters, Waiter self) {
    for (Waiter w : waiters) {
      if (w != self) {
        count.platform().unpark(w.thread);
      }
    }
  }

  // ---- queries and assertions ----

  /** {@code rwsem_is_locked()}. */
  public boolean isLocked() {
    return (count.get() & ~FLAG_WAITERS) != 0;
  }

  /** {@code rwsem_is_write_locked()}. */
  public boolean isWriteLocked() {
    return (count.get() & WRITER_LOCKED) != 0;
  }

  /** {@code rwsem_is_contended()}: whether anybody is queued. */
  public boolean isContended() {
    return (count.get() & FLAG_WAITERS) != 0;
  }

  /** Whether the current task holds the write lock (the rwsem's owner field). */
  public boolean isWriteOwner() {
    return owner.get() == Task.current();
  }

  /**
   * {@code rwsem_assert_held()}: with DEBUG_LOCK_ALLOC lockdep checks that this task holds it (a
   * WARN, as {@code lockdep_assert_held}); in every configuration an unlocked semaphore is a BUG.
   */
  public void assertHeld() {
    if (ctx.config().isEnabled(Option.DEBUG_LOCK_ALLOC)) {
      ctx.lockdep().assertHeld(depMap, false);
    }
    if (!isLocked()) {
      throw ctx.reports().bug("rwsem_assert_held: " + name + " is not locked");
    }
  }

  /**
   * {@code rwsem_assert_held_write()}: a BUG unless the current task holds the write lock (the
   * owner check is what {@code rwsem_assert_held_write_nolockdep()} approximates in the kernel).
   */
  public void assertHeldWrite() {
    if (ctx.config().isEnabled(Option.DEBUG_LOCK_ALLOC)) {
      ctx.lockdep().assertHeld(depMap, true);
    }
    if (!isWriteOwner()) {
      throw ctx.reports()
          .bug("rwsem_assert_held_write: " + name + " is not write-locked by " + Task.current());
    }
  }

  /** The name given at initialisation. */
  public String name() {
    return name;
  }

  /** Current reader count (diagnostics and tests). */
  public long readers() {
    return count.get() >> READER_SHIFT;
  }
}
