package dev.lockkit.example.jdk;

import java.util.concurrent.locks.StampedLock;

/**
 * A ledger behind a {@link StampedLock}. The bug: {@link #post} audits while it holds the write
 * lock, and the audit takes the read lock, which a {@code StampedLock} (not reentrant) never grants
 * then: the thread blocks for ever inside the JDK.
 */
public final class Ledger {

  private final StampedLock lock = new StampedLock();
  private int total;

  public void post(int amount) {
    long stamp = lock.writeLock();
    try {
      total += amount;
      audit();
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  private void audit() {
    long stamp = lock.readLock();
    try {
      if (total < 0) {
        throw new IllegalStateException("negative total " + total);
      }
    } finally {
      lock.unlockRead(stamp);
    }
  }

  public int total() {
    return total;
  }
}
