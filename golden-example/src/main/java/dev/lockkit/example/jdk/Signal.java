package dev.lockkit.example.jdk;

import java.util.concurrent.locks.LockSupport;

/**
 * A one-shot signal over {@link LockSupport}. The bug: {@link #await} publishes its thread only
 * after checking the flag, so {@link #fire} can set the flag, find no waiter, and never unpark the
 * thread that parks just after (a lost wake-up).
 */
public final class Signal {

  private volatile boolean fired;
  private volatile Thread waiter;

  public void await() {
    while (!fired) {
      waiter = Thread.currentThread();
      LockSupport.park(this);
    }
  }

  public void fire() {
    fired = true;
    Thread w = waiter;
    if (w != null) {
      LockSupport.unpark(w);
    }
  }
}
