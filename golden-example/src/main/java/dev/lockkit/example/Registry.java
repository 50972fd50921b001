package dev.lockkit.example;

import java.util.concurrent.ConcurrentHashMap;

/** Session registry over a {@link ConcurrentHashMap}. */
public final class Registry {

  private final ConcurrentHashMap<String, Integer> sessions = new ConcurrentHashMap<>();
  private int created;

  /** Check-then-act: two callers can both see the key missing and both create a session. */
  public void openRacy(String user) {
    if (!sessions.containsKey(user)) {
      synchronized (this) {
        created++;
      }
      sessions.put(user, created);
    }
  }

  /** Counts logins with {@code merge}: atomic per key. */
  public void login(String user) {
    sessions.merge(user, 1, Integer::sum);
  }

  public synchronized int created() {
    return created;
  }

  public Integer sessions(String user) {
    return sessions.get(user);
  }
}
