package dev.lockkit.example;

import java.util.concurrent.locks.ReentrantLock;

/** Two accounts, each with its own lock; transfers lock both. */
public final class Accounts {

  private final ReentrantLock lockA = new ReentrantLock();
  private final ReentrantLock lockB = new ReentrantLock();
  private int a = 100;
  private int b = 100;

  /** Locks A then B. */
  public void transferAtoB(int amount) {
    lockA.lock();
    try {
      lockB.lock();
      try {
        a -= amount;
        b += amount;
      } finally {
        lockB.unlock();
      }
    } finally {
      lockA.unlock();
    }
  }

  /** Locks B then A: against {@link #transferAtoB} this is the AB-BA deadlock. */
  public void transferBtoA(int amount) {
    lockB.lock();
    try {
      lockA.lock();
      try {
        b -= amount;
        a += amount;
      } finally {
        lockA.unlock();
      }
    } finally {
      lockB.unlock();
    }
  }

  /** Locks in one global order (A, then B) whatever the direction: no deadlock. */
  public void transferBtoAOrdered(int amount) {
    lockA.lock();
    try {
      lockB.lock();
      try {
        b -= amount;
        a += amount;
      } finally {
        lockB.unlock();
      }
    } finally {
      lockA.unlock();
    }
  }

  public String balances() {
    return "a=" + a + " b=" + b;
  }
}
