package dev.lockkit.example.jdk;

import java.util.concurrent.Exchanger;

/**
 * Swaps a value with a partner through an {@link Exchanger}. With no partner, it waits for ever.
 */
public final class Handshake {

  private final Exchanger<String> exchanger = new Exchanger<>();
  private int swaps;

  public String swap(String mine) {
    swaps++;
    try {
      return exchanger.exchange(mine);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  public int swaps() {
    return swaps;
  }
}
