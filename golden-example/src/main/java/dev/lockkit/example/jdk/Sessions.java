package dev.lockkit.example.jdk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sessions keyed by objects without {@code hashCode} (identity hashes), and ids from the clock:
 * both make the same schedule give different results from run to run.
 */
public final class Sessions {

  /** A session key: identity equality and an identity hash, which differs from run to run. */
  public static final class Key {
    final String user;

    Key(String user) {
      this.user = user;
    }
  }

  private final Map<Key, String> open = new HashMap<>();

  public synchronized void open(String user) {
    open.put(new Key(user), user);
  }

  /** The users in the map's iteration order, which follows the keys' identity hashes. */
  public synchronized List<String> users() {
    return new ArrayList<>(open.values());
  }

  /** An id from the clock: a different value in every run. */
  public static String newId() {
    return "id-" + System.nanoTime();
  }
}
