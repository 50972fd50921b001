package dev.lockkit.example;

/** A one-message mailbox with {@code wait}/{@code notifyAll}. */
public final class Mailbox {

  private final Object lock = new Object();
  private String message;

  public void put(String m) {
    synchronized (lock) {
      message = m;
      lock.notifyAll();
    }
  }

  /** Checks for the message outside the monitor: the notification can come before the wait. */
  public String takeRacy() throws InterruptedException {
    if (message == null) {
      synchronized (lock) {
        lock.wait();
      }
    }
    return message;
  }

  /** Waits in a loop under the monitor: no lost wake-up. */
  public String take() throws InterruptedException {
    synchronized (lock) {
      while (message == null) {
        lock.wait();
      }
      return message;
    }
  }
}
