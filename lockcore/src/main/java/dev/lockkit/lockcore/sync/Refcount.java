package dev.lockkit.lockcore.sync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * {@code refcount_t}: an int counter that saturates instead of wrapping. An increment from a
 * negative value or past {@code INT_MAX}, and a decrement below zero, are bugs: each is reported as
 * a WARN and the counter is pinned at {@link #REFCOUNT_SATURATED}, where it stays (leaking rather
 * than freeing early), exactly like the kernel's {@code refcount_warn_saturate()}.
 */
public final class Refcount extends RefcountWord {
  /** {@code REFCOUNT_SATURATED}: {@code INT_MIN / 2}. */
  public static final int REFCOUNT_SATURATED = Integer.MIN_VALUE / 2;

  private static final VarHandle REFS;

  static {
    try {
      REFS = MethodHandles.lookup().findVarHandle(RefcountWord.class, "refs", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // Trailing half of the padding around `refs` (see RefcountWord): vm_refcnt is the one word the
  // per-VMA read path writes, so no other task's hot word may share its line.
  @SuppressWarnings("unused")
  private long q00, q01, q02, q03, q04, q05, q06, q07;
  @SuppressWarnings("unused")
  private long q08, q09, q10, q11, q12, q13, q14, q15;

  private final Reports reports;
  // Captured at construction, as a cell does (see Platform).
  private final Platform platform;

  /** A counter starting at {@code initial}, reporting saturation to {@code reports}. */
  public Refcount(Reports reports, int initial) {
    this.reports = reports;
    this.platform = Platforms.current();
    REFS.setRelease(this, initial);
  }

  private void hook(String op) {
    // Folded away by C2 while only the real JVM's platform exists (see Platforms).
    Platforms.beforeAccess(platform, this, op);
  }

  /**
   * Result of an increment attempt.
   *
   * @param ok whether the counter was raised
   * @param old the value seen before the attempt ({@code *oldp})
   */
  public record Attempt(boolean ok, int old) {}

  /**
   * Result of a decrement.
   *
   * @param zero whether the counter reached zero
   * @param old the value before the decrement ({@code *oldp})
   */
  public record Dec(boolean zero, int old) {}

  /** {@code refcount_read()}. */
  public int read() {
    hook("int.get");
    return (int) REFS.getVolatile(this);
  }

  /** {@code refcount_set()}. */
  public void set(int v) {
    hook("int.setOpaque");
    REFS.setOpaque(this, v);
  }

  /** {@code refcount_set_release()}: publishes earlier stores with the new value. */
  public void setRelease(int v) {
    hook("int.setRelease");
    REFS.setRelease(this, v);
  }

  /**
   * {@code __refcount_inc_not_zero_limited_acquire(r, &old, limit)}: raises the counter by one
   * unless it is zero or already at or above {@code limit}, with acquire ordering on success.
   */
  public Attempt incNotZeroLimitedAcquire(int limit) {
    // atomic_read(): READ_ONCE, no ordering; the acquire is the cmpxchg's, which also re-checks.
    hook("int.getOpaque");
    int old = (int) REFS.getOpaque(this);
    for (; ; ) {
      if (old == 0) {
        return new Attempt(false, 0);
      }
      // long arithmetic: the kernel's "i > limit - old" with a saturated (negative) old
      if (1L > (long) limit - old) {
        return new Attempt(false, old);
      }
      hook("int.cmpxchgAcquire");
      int witness = (int) REFS.compareAndExchangeAcquire(this, old, old + 1);
      if (witness == old) {
        break;
      }
      old = witness;
    }
    if (old < 0 || old + 1 < 0) {
      saturate("refcount_t: saturated on increment; memory will leak");
    }
    return new Attempt(true, old);
  }

  /**
   * {@code refcount_add_not_zero(i, r)}: adds {@code i} unless the counter is zero. Relaxed in the
   * kernel; a CAS here.
   */
  public boolean addNotZero(int i) {
    hook("int.get");
    int old = (int) REFS.getVolatile(this);
    for (; ; ) {
      if (old == 0) {
        return false;
      }
      hook("int.cmpxchg");
      int witness = (int) REFS.compareAndExchange(this, old, old + i);
      if (witness == old) {
        break;
      }
      old = witness;
    }
    if (old < 0 || old + i < 0) {
      saturate("refcount_t: saturated on addition; memory will leak");
    }
    return true;
  }

  /**
   * {@code __refcount_dec_and_test(r, &old)}: release-ordered decrement; acquire-ordered when it
   * reaches zero so the caller may free.
   */
  public Dec decAndTest() {
    return subAndTestInternal(1);
  }

  /** {@code refcount_sub_and_test(i, r)}. */
  public boolean subAndTest(int i) {
    return subAndTestInternal(i).zero();
  }

  private Dec subAndTestInternal(int i) {
    Platform p = Platforms.othersPossible() ? platform : JvmPlatform.INSTANCE;
    int old;
    if (p == JvmPlatform.INSTANCE) {
      // atomic_fetch_sub_release() as a volatile getAndAdd, on the real JVM only: JDK 17 has no
      // intrinsic for getAndAddRelease (Unsafe implements it as a load and a weak-CAS retry loop,
      // a locked cmpxchg after a load), while getAndAdd is one locked xadd on x86, which is release
      // and more. Stronger than the kernel's ordering, never weaker. Any other platform keeps the
      // release mode (a checker such as Fray sees the access mode the kernel has).
      old = (int) REFS.getAndAdd(this, -i);
    } else {
      p.beforeSharedAccess(this, "int.fetchAddRelease");
      old = (int) REFS.getAndAddRelease(this, -i);
    }
    if (old == i) {
      VarHandle.acquireFence();
      return new Dec(true, old);
    }
    if (old < 0 || old - i < 0) {
      saturate("refcount_t: underflow; use-after-free");
    }
    return new Dec(false, old);
  }

  private void saturate(String message) {
    hook("int.set");
    REFS.setVolatile(this, REFCOUNT_SATURATED);
    reports.warn(message);
  }

  @Override
  public String toString() {
    return String.valueOf((int) REFS.getOpaque(this));
  }
}
