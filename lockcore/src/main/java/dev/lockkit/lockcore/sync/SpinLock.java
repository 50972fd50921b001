package dev.lockkit.lockcore.sync;

/**
 * {@code raw_spinlock_t}: a test-and-test-and-set lock over a {@link SharedInt}. Waiting goes
 * through {@link Platform#spinWait}, so a controlled platform can run the holder instead of letting
 * the spinner burn its schedule. Plain fields guarded by a spin lock are safe to share: a
 * controlled platform interleaves at the lock's operations, and on the JVM the acquiring CAS and
 * the releasing store order the guarded accesses.
 */
public final class SpinLock {
  private final SharedInt locked = new SharedInt(0);

  /** {@code raw_spin_lock()}. */
  public void lock() {
    while (!locked.compareAndSet(0, 1)) {
      while (locked.getOpaque() != 0) {
        locked.platform().spinWait(locked);
      }
    }
  }

  /** {@code raw_spin_trylock()}. */
  public boolean tryLock() {
    return locked.compareAndSet(0, 1);
  }

  /**
   * {@code raw_spin_unlock()}.
   *
   * @throws IllegalStateException if the lock is not held: that is a bug in lockcore itself
   */
  public void unlock() {
    if (locked.getAndSet(0) != 1) {
      throw new IllegalStateException("spin_unlock of an unlocked spinlock");
    }
  }

  /** {@code raw_spin_is_locked()}. */
  public boolean isLocked() {
    return locked.get() != 0;
  }
}
