package dev.lockkit.example.jdk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * A producer and a consumer over any {@link BlockingQueue}: the producer {@code put}s numbers, the
 * consumer {@code take}s them. Correct: every number arrives once, in order on a FIFO queue. Asking
 * the consumer for more numbers than are produced leaves it waiting for ever.
 */
public final class Pipeline {

  private final BlockingQueue<Integer> queue;
  private final List<Integer> received = new ArrayList<>();

  public Pipeline(BlockingQueue<Integer> queue) {
    this.queue = queue;
  }

  public void produce(int count) {
    try {
      for (int i = 1; i <= count; i++) {
        queue.put(i);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public void consume(int count) {
    try {
      for (int i = 0; i < count; i++) {
        Integer n = queue.take();
        synchronized (received) {
          received.add(n);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What the consumer got, and what is left in the queue. */
  public String state() {
    return "got=" + received + " left=" + queue.size();
  }
}
