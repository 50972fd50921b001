package dev.lockkit.example.jdk;

import java.util.concurrent.CountDownLatch;

/**
 * A component that signals "ready" through a {@link CountDownLatch}. The misuse: {@link #loadRacy}
 * counts down before it publishes the configuration, so a waiter can wake up and read nothing.
 */
public final class Startup {

  private final CountDownLatch ready = new CountDownLatch(1);
  private String config;

  public void loadRacy() {
    ready.countDown();
    config = "loaded";
  }

  public String awaitConfig() {
    try {
      ready.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
    return config;
  }
}
