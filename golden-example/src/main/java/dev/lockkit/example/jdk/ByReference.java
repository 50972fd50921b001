package dev.lockkit.example.jdk;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Code that reaches the JDK's synchronisers only through method references ({@code counter::get},
 * {@code lockA::lock}, {@code counter::incrementAndGet}), as code handing work to helpers and pools
 * is often written.
 */
public final class ByReference {

  private final AtomicInteger counter = new AtomicInteger();
  private final Lock lockA = new ReentrantLock();
  private final Lock lockB = new ReentrantLock();

  /** Reads, then writes, through references: two callers can both read the same value. */
  public void incrementRacy() {
    IntSupplier read = counter::get;
    IntConsumer write = counter::set;
    write.accept(read.getAsInt() + 1);
  }

  /** Takes A then B, each through a reference to its {@code lock}. */
  public void aThenB() {
    inOrder(lockA, lockB);
  }

  /** Takes B then A: against {@link #aThenB} the classic AB-BA deadlock. */
  public void bThenA() {
    inOrder(lockB, lockA);
  }

  private static void inOrder(Lock first, Lock second) {
    Runnable takeFirst = first::lock;
    Runnable takeSecond = second::lock;
    takeFirst.run();
    takeSecond.run();
    second.unlock();
    first.unlock();
  }

  /** Two increments on a pool, each an unbound reference run by a bound one: never lost. */
  public void incrementOnAPool() throws InterruptedException, ExecutionException {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      ToIntFunction<AtomicInteger> increment = AtomicInteger::incrementAndGet;
      Future<Integer> one = pool.submit(counter::incrementAndGet);
      Future<Integer> two = pool.submit(() -> increment.applyAsInt(counter));
      one.get();
      two.get();
    } finally {
      pool.shutdown();
    }
  }

  private volatile boolean fired;
  private volatile Thread waiter;

  /**
   * Waits for {@link #fire}, through references to static methods: the waiter is published before
   * the check, so the wake-up is never lost.
   */
  public void awaitSignal() {
    Supplier<Thread> me = Thread::currentThread;
    Runnable park = LockSupport::park;
    waiter = me.get();
    while (!fired) {
      park.run();
    }
  }

  public void fire() {
    Consumer<Thread> unpark = LockSupport::unpark;
    fired = true;
    Thread w = waiter;
    if (w != null) {
      unpark.accept(w);
    }
  }

  public int count() {
    return counter.get();
  }
}
