package dev.lockkit.example.jdk;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** A counter over a {@link VarHandle}: {@link #incrementRacy} reads, then writes (lost update). */
public final class VarHandleCounter {

  private static final VarHandle N;

  static {
    try {
      N = MethodHandles.lookup().findVarHandle(VarHandleCounter.class, "n", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused") // accessed through N
  private volatile int n;

  /** Two volatile accesses, not one atomic update: two threads can both read the same value. */
  public void incrementRacy() {
    int v = (int) N.getVolatile(this);
    N.setVolatile(this, v + 1);
  }

  public void increment() {
    N.getAndAdd(this, 1);
  }

  public int get() {
    return (int) N.getVolatile(this);
  }
}
