package dev.lockkit.refactor.migrate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall time of each phase of one {@link Migration#run}, for the speed benchmark: where the time of
 * a migration goes. javac's attribution (with the copy of its answers into lockkit's records) is
 * its own phase; matching, planning and the sites-left search read those records.
 */
public final class Phases {

  private final Map<String, Long> nanos = new LinkedHashMap<>();

  void add(String phase, long startNanos) {
    nanos.merge(phase, System.nanoTime() - startNanos, Long::sum);
  }

  /** Nanoseconds per phase, in the order the phases first ran. */
  public Map<String, Long> nanos() {
    return new LinkedHashMap<>(nanos);
  }
}
