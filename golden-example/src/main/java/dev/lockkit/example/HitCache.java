package dev.lockkit.example;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cache with hit statistics, built in variants (this module's {@code Kconfig}): {@code STATS}
 * counts hits at all; {@code ATOMIC_STATS} counts them with an atomic counter instead of a plain
 * field.
 */
public final class HitCache {

  private final Map<String, String> entries = new ConcurrentHashMap<>();
  private final boolean stats;
  private final boolean atomicStats;
  private int hits;
  private final AtomicInteger atomicHits = new AtomicInteger();

  public HitCache(boolean stats, boolean atomicStats) {
    this.stats = stats;
    this.atomicStats = atomicStats;
    entries.put("a", "A");
  }

  public String get(String key) {
    String v = entries.get(key);
    if (v != null && stats) {
      if (atomicStats) {
        atomicHits.incrementAndGet();
      } else {
        hits++;
      }
    }
    return v;
  }

  public String stats() {
    return stats ? "hits=" + (atomicStats ? atomicHits.get() : hits) : "no stats";
  }
}
