package dev.lockkit.golden.lockcore.fray;

import dev.lockkit.lockcore.sync.JvmPlatform;
import dev.lockkit.lockcore.sync.Platform;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * lockcore's real platform as Fray needs it: {@link JvmPlatform}'s park and unpark ({@code
 * LockSupport}) unchanged, and every shared access still the real VarHandle access lockcore makes,
 * but a {@code spinWait} that blocks instead of yielding.
 *
 * <p>Why: Fray's POS and PCT schedulers keep a thread's priority across {@code Thread.yield}, so a
 * task spinning on a lock word whose holder has a lower priority is scheduled forever and the
 * holder never runs (observed: lockdep's spin lock, 30 s of CPU in {@code Thread.yield}, the holder
 * parked by Fray). Real hardware is fair; these schedulers are not. So a spinner here waits, on a
 * monitor Fray controls, until some other thread has made progress, which is the same rule as
 * golden's controlled platform.
 *
 * <p>Implementation overview. A global epoch counts the completed accesses that may write, of every
 * thread (counted at that thread's next platform call or exit, when the write is surely done); each
 * thread also counts its own. "Others' progress" is the difference. {@code spinWait} returns at
 * once when others progressed since this thread's previous {@code spinWait} (the caller re-reads
 * the word), else waits until they do. So a waiter always wakes after the write it waits for, and
 * when every thread waits, Fray sees a deadlock that is real.
 */
final class FrayPlatform implements Platform {

  private final AtomicLong epoch = new AtomicLong();
  private final AtomicInteger waiters = new AtomicInteger();
  private final Object monitor = new Object();

  /** Per thread: {own progress calls, others' progress at the previous spinWait, write pending}. */
  private final ThreadLocal<long[]> own = ThreadLocal.withInitial(() -> new long[] {0, -1, 0});

  private void progress(long[] mine) {
    epoch.incrementAndGet();
    mine[0]++;
    if (waiters.get() > 0) {
      synchronized (monitor) {
        monitor.notifyAll();
      }
    }
  }

  /**
   * Counts this thread's previous access as progress if it may have written. Deferred to the
   * thread's next platform call because the SPI hook runs before the access: counted then, a
   * spinner could wake, re-read the old value and wait again with nothing left to wake it.
   */
  private long[] flush() {
    long[] mine = own.get();
    if (mine[2] != 0) {
      mine[2] = 0;
      progress(mine);
    }
    return mine;
  }

  /** A task ended: its last write, if any, is done. */
  void taskExit() {
    flush();
  }

  @Override
  public void beforeSharedAccess(Object location, String op) {
    long[] mine = flush();
    // Reads are not progress: two spinners re-reading each other's words would otherwise wake each
    // other forever while the holder they wait for stays unscheduled. lockcore names operations
    // <type>.<verb>; the read verbs are get*, load*, read* (its read-modify-writes are xchg,
    // cas...).
    String verb = op.substring(op.lastIndexOf('.') + 1);
    if (!(verb.startsWith("get") || verb.startsWith("load") || verb.startsWith("read"))) {
      mine[2] = 1;
    }
  }

  @Override
  public void park(Object blocker) {
    flush();
    JvmPlatform.INSTANCE.park(blocker);
  }

  @Override
  public void unpark(Thread thread) {
    flush();
    JvmPlatform.INSTANCE.unpark(thread);
  }

  @Override
  public void spinWait(Object location) {
    long[] mine = flush();
    long others = epoch.get() - mine[0];
    if (others != mine[1]) {
      mine[1] = others;
      return;
    }
    synchronized (monitor) {
      waiters.incrementAndGet();
      try {
        while (epoch.get() - mine[0] == others) {
          monitor.wait();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        waiters.decrementAndGet();
      }
    }
    mine[1] = epoch.get() - mine[0];
  }
}
