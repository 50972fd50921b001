package dev.lockkit.example;

import java.util.concurrent.atomic.AtomicInteger;

/** Three counters: one with a lost update, two correct. */
public final class Counters {

  private Counters() {}

  /** {@code n++} on a plain field: two increments can leave 1. */
  public static final class Racy {
    private int n;

    public void increment() {
      n++;
    }

    public int get() {
      return n;
    }
  }

  /** The same, {@code synchronized}. */
  public static final class Synchronized {
    private int n;

    public synchronized void increment() {
      n++;
    }

    public synchronized int get() {
      return n;
    }
  }

  /** The same over an {@link AtomicInteger}. */
  public static final class Atomic {
    private final AtomicInteger n = new AtomicInteger();

    public void increment() {
      n.incrementAndGet();
    }

    public int get() {
      return n.get();
    }
  }
}
