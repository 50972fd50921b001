package dev.lockkit.example;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hit counts per page, not thread-safe per page: {@code hit} reads a page's count and writes it
 * back plus one, so two hits on one page at once can lose one. Its shared reads and writes go
 * through {@link Access}, a hook of this project's own that its golden scenario target points at
 * golden's scheduler (and that costs nothing in production): the way to drive code with golden's
 * {@code .scn} scenarios, where {@code GoldenTest}s need no hook at all.
 */
public final class PageHits {

  /** Where the counter announces its shared accesses; {@link #NONE} in production. */
  public interface Access {
    /** Announces an access about to happen to shared state {@code location}. */
    void before(Object location, String op);

    /** Production: nothing to announce. */
    Access NONE = (location, op) -> {};
  }

  private final Access access;
  private final Map<String, int[]> counts = new ConcurrentHashMap<>();

  /** Counts at zero, announcing accesses to {@code access}. */
  public PageHits(Access access) {
    this.access = access;
  }

  /** Counts one hit on {@code page}; returns the count it saw before. */
  public int hit(String page) {
    int[] c = counts.computeIfAbsent(page, p -> new int[1]);
    access.before(c, "load");
    int seen = c[0];
    access.before(c, "store");
    c[0] = seen + 1;
    return seen;
  }

  /** The hits on {@code page} so far. */
  public int get(String page) {
    int[] c = counts.computeIfAbsent(page, p -> new int[1]);
    access.before(c, "load");
    return c[0];
  }

  /** Every page's count, in page order: {@code home=2 cart=1}. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    new java.util.TreeMap<>(counts)
        .forEach(
            (p, c) -> sb.append(sb.length() == 0 ? "" : " ").append(p).append('=').append(c[0]));
    return sb.toString();
  }
}
