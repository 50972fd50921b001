package dev.lockkit.example.jdk;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fetches from whichever of two mirrors answers first, with {@link ExecutorService#invokeAny} on a
 * pool it makes itself.
 */
public final class Mirrors {

  private final AtomicInteger asked = new AtomicInteger();

  public String fetch() {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      return pool.invokeAny(List.of(() -> answer("east"), () -> answer("west")));
    } catch (InterruptedException | ExecutionException e) {
      return "failed: " + e;
    } finally {
      pool.shutdown();
    }
  }

  private String answer(String mirror) {
    asked.incrementAndGet(); // a mirror may be slower than the other
    return mirror;
  }
}
