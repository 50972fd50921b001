package dev.lockkit.example;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A job that processes items on a pool it creates itself. */
public final class BatchJob {

  private int processed;
  private final AtomicInteger processedSafely = new AtomicInteger();

  /** Two workers increment a plain field: a race between the pool's own threads. */
  public void runRacy() throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    pool.submit(() -> processed++);
    pool.submit(() -> processed++);
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
  }

  /** The same with an atomic counter. */
  public void run() throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    pool.submit(processedSafely::incrementAndGet);
    pool.submit(processedSafely::incrementAndGet);
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
  }

  public int processed() {
    return processed + processedSafely.get();
  }
}
