package com.example.hits;

/**
 * A page-hit counter that is not thread-safe: {@code hit} reads the count and writes it back plus
 * one, so two hits at once can lose one. Its shared reads and writes go through {@link Access}, a
 * hook the project's golden target points at golden's scheduler (and that is free in production).
 */
public final class HitCounter {

  /** Where the counter announces its shared accesses; {@link #NONE} in production. */
  public interface Access {
    /** Announces an access about to happen to shared state. */
    void before(Object location, String op);

    /** Production: nothing to announce. */
    Access NONE = (location, op) -> {};
  }

  private final Access access;
  private int hits;

  /** A counter at zero announcing its accesses to {@code access}. */
  public HitCounter(Access access) {
    this.access = access;
  }

  /** Counts one hit and returns the count it saw before. */
  public int hit() {
    access.before(this, "load");
    int seen = hits;
    access.before(this, "store");
    hits = seen + 1;
    return seen;
  }

  /** Reads the count, announced as a shared read. */
  public int read() {
    access.before(this, "load");
    return hits;
  }

  /** The count (no announcement: for the final state, read after every task ended). */
  public int hits() {
    return hits;
  }
}
