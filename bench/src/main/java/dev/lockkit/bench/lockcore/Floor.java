package dev.lockkit.bench.lockcore;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The per-VMA read path's floor on plain JDK atomics: the serialising operations {@code
 * lock_vma_under_rcu()} + {@code vma_end_read()} cannot do without on the JVM, and nothing else.
 * One look-up of {@code current} (a {@code ThreadLocal}), the RCU entry (an opaque store, then the
 * store-load fence), one acquire load of the tree root and one of its slot (the walk at its
 * smallest: without a load between them, C2 folds the fence into the CAS that follows), the {@code
 * vm_refcnt} acquire CAS, its release decrement, the RCU exit (a release store). No checks.
 *
 * <p>Shared by {@link PathCpuProbe} (CPU time) and {@link LockcorePathBench} (JMH), so that the two
 * measure the same code. One instance per measuring thread.
 */
final class Floor {
  private final ThreadLocal<AtomicLong> current = ThreadLocal.withInitial(AtomicLong::new);
  private final AtomicInteger ref = new AtomicInteger(1);
  private final AtomicReference<AtomicInteger[]> root =
      new AtomicReference<>(new AtomicInteger[] {ref});

  /** The whole floor; returns the count the CAS saw, so that nothing is dead code. */
  int full() {
    AtomicLong ctr = current.get();
    long seq = ctr.getPlain();
    ctr.setOpaque(seq + 1);
    VarHandle.fullFence();
    AtomicInteger r = root.getAcquire()[0];
    int old = r.get();
    r.compareAndExchangeAcquire(old, old + 1);
    r.getAndAdd(-1);
    ctr.setRelease(seq + 2);
    return old;
  }

  /**
   * The floor without the RCU entry fence: what the protocol would cost on the JVM if a reader
   * could announce itself as the kernel's does, by disabling preemption, with the updater detecting
   * grace periods through context switches (the JVM offers no {@code membarrier()} either). Not a
   * correct RCU on the JVM; it prices the fence the kernel semantics impose here.
   */
  int withoutFence() {
    AtomicLong ctr = current.get();
    long seq = ctr.getPlain();
    ctr.setOpaque(seq + 1);
    AtomicInteger r = root.getAcquire()[0];
    int old = r.get();
    r.compareAndExchangeAcquire(old, old + 1);
    r.getAndAdd(-1);
    ctr.setRelease(seq + 2);
    return old;
  }

  /** The RCU part only: the {@code ThreadLocal} read, opaque store + full fence, release store. */
  void rcuOnly() {
    AtomicLong ctr = current.get();
    long seq = ctr.getPlain();
    ctr.setOpaque(seq + 1);
    VarHandle.fullFence();
    ctr.setRelease(seq + 2);
  }

  /**
   * The RCU part with the entry as one locked exchange ({@code smp_store_mb()} as x86 does it)
   * instead of a store and {@code fullFence()} (a locked add to the stack).
   */
  void rcuOnlyXchg() {
    AtomicLong ctr = current.get();
    long seq = ctr.getPlain();
    ctr.getAndSet(seq + 1);
    ctr.setRelease(seq + 2);
  }
}
