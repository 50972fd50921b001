package dev.lockkit.lockcore.sync;

import java.lang.invoke.VarHandle;

/**
 * {@code refcount_t}: an int counter that saturates instead of wrapping. An increment from a
 * negative value or past {@code INT_MAX}, and a decrement below zero, are bugs: each is reported as
 * a WARN and the counter is pinned at {@link #REFCOUNT_SATURATED}, where it stays (leaking rather
 * than freeing early), exactly like the kernel's {@code refcount_warn_saturate()}.
 */
public final class Refcount {
  /** {@code REFCOUNT_SATURATED}: {@code INT_MIN / 2}. */
  public static final int REFCOUNT_SATURATED = Integer.MIN_VALUE / 2;

  private final SharedInt refs;
  private final Reports reports;

  /** A counter starting at {@code initial}, reporting saturation to {@code reports}. */
  public Refcount(Reports reports, int initial) {
    this.reports = reports;
    this.refs = new SharedInt(initial);
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
    return refs.get();
  }

  /** {@code refcount_set()}. */
  public void set(int v) {
    refs.setOpaque(v);
  }

  /** {@code refcount_set_release()}: publishes earlier stores with the new value. */
  public void setRelease(int v) {
    refs.setRelease(v);
  }

  /**
   * {@code __refcount_inc_not_zero_limited_acquire(r, &old, limit)}: raises the counter by one
   * unless it is zero or already at or above {@code limit}, with acquire ordering on success.
   */
  public Attempt incNotZeroLimitedAcquire(int limit) {
    int old = refs.get();
    for (; ; ) {
      if (old == 0) {
        return new Attempt(false, 0);
      }
      // long arithmetic: the kernel's "i > limit - old" with a saturated (negative) old
      if (1L > (long) limit - old) {
        return new Attempt(false, old);
      }
      int witness = refs.compareAndExchangeAcquire(old, old + 1);
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
    int old = refs.get();
    for (; ; ) {
      if (old == 0) {
        return false;
      }
      int witness = refs.compareAndExchange(old, old + i);
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
    int old = refs.getAndAddRelease(-i);
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
    refs.set(REFCOUNT_SATURATED);
    reports.warn(message);
  }

  @Override
  public String toString() {
    return refs.toString();
  }
}
