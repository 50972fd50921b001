package dev.lockkit.example.jdk;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Phaser;

/**
 * Workers that each compute a part, meet, then read every part: through a {@link CyclicBarrier}
 * (whose action counts the rounds) or a {@link Phaser}. Correct for as many parties as there are
 * workers; a barrier or phaser made for one party more never opens.
 */
public final class Rendezvous {

  private final int[] parts;
  private final int[] seen;
  private final CyclicBarrier barrier;
  private final Phaser phaser;
  private int rounds;

  public Rendezvous(int workers, int parties) {
    parts = new int[workers];
    seen = new int[workers];
    barrier = new CyclicBarrier(parties, () -> rounds++);
    phaser = new Phaser(parties);
  }

  /** Worker {@code i}: its part, the barrier, then the sum of every part. */
  public void atBarrier(int i) {
    parts[i] = i + 1;
    try {
      barrier.await();
    } catch (InterruptedException | BrokenBarrierException e) {
      seen[i] = -1;
      return;
    }
    seen[i] = sum();
  }

  /** Worker {@code i}: its part, the phaser, then the sum of every part. */
  public void atPhaser(int i) {
    parts[i] = i + 1;
    phaser.arriveAndAwaitAdvance();
    seen[i] = sum();
  }

  private int sum() {
    int s = 0;
    for (int p : parts) {
      s += p;
    }
    return s;
  }

  public String state() {
    StringBuilder sb = new StringBuilder("seen=");
    for (int i = 0; i < seen.length; i++) {
      sb.append(i == 0 ? "" : ",").append(seen[i]);
    }
    return sb.append(" rounds=").append(rounds).toString();
  }
}
