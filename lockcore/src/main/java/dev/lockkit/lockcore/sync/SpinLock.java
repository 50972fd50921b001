package dev.lockkit.lockcore.sync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * {@code raw_spinlock_t}: a test-and-test-and-set lock. Waiting goes through {@link
 * Platform#spinWait}, so a controlled platform can run the holder instead of letting the spinner
 * burn its schedule. Plain fields guarded by a spin lock are safe to share: a controlled platform
 * interleaves at the lock's operations, and on the JVM the acquiring CAS and the releasing store
 * order the guarded accesses.
 *
 * <p>The word is a cell in the lock itself, padded to two cache lines on each side (see {@link
 * SpinLockWord}); every operation is the {@link SharedInt} operation it was before the padding
 * (same hook, op name and access mode), so a controlled platform sees the same points, and the lock
 * prints as its word did.
 */
public final class SpinLock extends SpinLockWord {
  private static final VarHandle LOCKED;

  static {
    try {
      LOCKED = MethodHandles.lookup().findVarHandle(SpinLockWord.class, "locked", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // Trailing half of the padding around `locked` (see SpinLockWord).
  @SuppressWarnings("unused")
  private long q00, q01, q02, q03, q04, q05, q06, q07;
  @SuppressWarnings("unused")
  private long q08, q09, q10, q11, q12, q13, q14, q15;

  // Captured at construction, as a cell does (see Platform).
  private final Platform platform;

  /** An unlocked lock. */
  public SpinLock() {
    this.platform = Platforms.current();
    LOCKED.setRelease(this, 0);
  }

  private void hook(String op) {
    // Folded away by C2 while only the real JVM's platform exists (see Platforms).
    Platforms.beforeAccess(platform, this, op);
  }

  /** {@code raw_spin_lock()}. */
  public void lock() {
    while (!tryLock()) {
      for (; ; ) {
        hook("int.getOpaque");
        if ((int) LOCKED.getOpaque(this) == 0) {
          break;
        }
        platform.spinWait(this);
      }
    }
  }

  /** {@code raw_spin_trylock()}. */
  public boolean tryLock() {
    hook("int.cas");
    return LOCKED.compareAndSet(this, 0, 1);
  }

  /**
   * {@code raw_spin_unlock()}.
   *
   * @throws IllegalStateException if the lock is not held: that is a bug in lockcore itself
   */
  public void unlock() {
    hook("int.xchg");
    if ((int) LOCKED.getAndSet(this, 0) != 1) {
      throw new IllegalStateException("spin_unlock of an unlocked spinlock");
    }
  }

  /** {@code raw_spin_is_locked()}. */
  public boolean isLocked() {
    hook("int.get");
    return (int) LOCKED.getVolatile(this) != 0;
  }

  /** The lock word, as the cell it replaces printed itself (deadlock reports name spin words). */
  @Override
  public String toString() {
    return String.valueOf((int) LOCKED.getOpaque(this));
  }
}
