package dev.lockkit.refactor.migrate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall time of each phase of one {@link Migration#run}, for the speed benchmark: where the time of
 * a migration goes. Symbol resolution is lazy in JavaParser's solver, so it happens inside
 * matching, planning and the sites-left search; the benchmark splits it out with a sampling
 * profile.
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
