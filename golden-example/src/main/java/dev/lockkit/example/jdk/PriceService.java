package dev.lockkit.example.jdk;

import java.util.concurrent.CompletableFuture;

/**
 * Refreshes prices on the common pool with {@link CompletableFuture#runAsync(Runnable)}. The bug:
 * the lookup count is a plain field that the pool's threads increment concurrently.
 */
public final class PriceService {

  private int lookups;

  public void refresh() {
    CompletableFuture.runAsync(() -> lookups++).join();
  }

  public int lookups() {
    return lookups;
  }
}
