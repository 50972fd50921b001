package dev.lockkit.example.jdk;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A counter behind a fair {@link ReentrantReadWriteLock} (fair, so a stream of readers cannot
 * starve a writer): writers increment under the write lock, readers read under the read lock.
 * Correct.
 */
public final class RwCounter {

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
  private int value;

  public void increment() {
    lock.writeLock().lock();
    try {
      value++;
    } finally {
      lock.writeLock().unlock();
    }
  }

  public int read() {
    lock.readLock().lock();
    try {
      return value;
    } finally {
      lock.readLock().unlock();
    }
  }
}
