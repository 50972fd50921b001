package dev.lockkit.example.jdk;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded outbox. The bug in {@link #send}: it checks for room, then offers, and ignores what
 * {@code offer} returns; two senders can both see the one free slot, and the second message is
 * counted as sent but dropped (a lost hand-off). {@link #receive} waits at most a second.
 */
public final class Outbox {

  private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(1);
  private final AtomicInteger sent = new AtomicInteger();

  public boolean send(String message) {
    if (queue.remainingCapacity() > 0) {
      queue.offer(message); // may fail: another sender took the slot since the check
      sent.incrementAndGet();
      return true;
    }
    return false;
  }

  public String receive() {
    try {
      return queue.poll(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  public String state() {
    return "sent=" + sent.get() + " queued=" + queue.size();
  }
}
