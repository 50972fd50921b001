package dev.lockkit.example.jdk;

/**
 * An account whose withdrawal checks, then acts: two withdrawals can both pass the check, and the
 * audit then throws.
 */
public final class Account {

  private int balance = 100;

  public void withdraw(int amount) {
    if (balance >= amount) {
      balance -= amount;
    }
  }

  public void audit() {
    if (balance < 0) {
      throw new IllegalStateException("negative balance " + balance);
    }
  }

  public int balance() {
    return balance;
  }
}
