package dev.lockkit.lockcore.sync;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

/**
 * An RCU's reader registry never shrinks, so what a record refers to lives as long as the RCU: a
 * record must not hold its task, or a long-lived kernel keeps every dead thread, and every other
 * kernel that thread read under, alive.
 */
class RcuRetentionTest {

  private static Rcu longLived;

  @Test
  void aDeadThreadAndTheOtherRcuItReadUnderAreCollectable() throws Exception {
    Reports reports = new Reports();
    Rcu a = new Rcu(reports);
    longLived = a;
    @SuppressWarnings("unchecked")
    WeakReference<Rcu>[] other = new WeakReference[1];
    Thread th =
        new Thread(
            () -> {
              a.readLock();
              a.readUnlock();
              Rcu b = new Rcu(reports);
              b.readLock();
              b.readUnlock();
              other[0] = new WeakReference<>(b);
            });
    WeakReference<Thread> thread = new WeakReference<>(th);
    th.start();
    th.join();
    th = null;
    for (int i = 0; i < 20 && (other[0].get() != null || thread.get() != null); i++) {
      System.gc();
      Thread.sleep(50);
    }
    assertNull(thread.get(), "the dead thread is retained");
    assertNull(other[0].get(), "the other RCU is retained through the dead thread's task");
  }
}
