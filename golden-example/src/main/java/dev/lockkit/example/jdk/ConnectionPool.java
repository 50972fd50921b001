package dev.lockkit.example.jdk;

import java.util.concurrent.Semaphore;

/**
 * A pool of one connection guarded by a {@link Semaphore}. The bug: the early return for an empty
 * query never releases its permit, so the next caller waits forever.
 */
public final class ConnectionPool {

  private final Semaphore permits = new Semaphore(1);
  private int inUse;

  public String query(String sql) {
    permits.acquireUninterruptibly();
    inUse++;
    if (sql.isEmpty()) {
      inUse--;
      return "empty"; // leaks the permit
    }
    try {
      return "ok:" + sql;
    } finally {
      inUse--;
      permits.release();
    }
  }

  public int inUse() {
    return inUse;
  }
}
