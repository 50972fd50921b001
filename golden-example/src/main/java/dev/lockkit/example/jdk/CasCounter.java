package dev.lockkit.example.jdk;

import java.util.concurrent.atomic.AtomicInteger;

/** A counter that retries {@code compareAndSet} until its update lands: correct. */
public final class CasCounter {

  private final AtomicInteger n = new AtomicInteger();

  /** Returns the value this call produced. */
  public int increment() {
    int v;
    do {
      v = n.get();
    } while (!n.compareAndSet(v, v + 1));
    return v + 1;
  }

  public int get() {
    return n.get();
  }
}
