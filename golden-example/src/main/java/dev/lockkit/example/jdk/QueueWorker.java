package dev.lockkit.example.jdk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A worker thread that takes jobs from a queue until it is interrupted: the usual way to stop a
 * consumer blocked in {@code take}. Correct: {@link #stop} always ends it.
 */
public final class QueueWorker {

  private final BlockingQueue<String> jobs = new LinkedBlockingQueue<>();
  private final List<String> done = new ArrayList<>();
  private volatile boolean stopped;
  private Thread thread;

  public void start() {
    thread =
        new Thread(
            () -> {
              try {
                while (true) {
                  String job = jobs.take();
                  synchronized (done) {
                    done.add(job);
                  }
                }
              } catch (InterruptedException e) {
                stopped = true;
              }
            },
            "worker");
    thread.start();
  }

  public void submit(String job) {
    jobs.add(job);
  }

  public void stop() {
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public String state() {
    synchronized (done) {
      return "done=" + done + " stopped=" + stopped;
    }
  }
}
