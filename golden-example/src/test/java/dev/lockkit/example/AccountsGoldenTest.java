package dev.lockkit.example;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.junit.Golden;
import dev.lockkit.golden.junit.GoldenFailure;
import dev.lockkit.golden.junit.GoldenTest;

class AccountsGoldenTest {

  @GoldenTest
  void lockOrderInversionDeadlocks() {
    GoldenFailure found =
        assertThrows(
            GoldenFailure.class,
            () ->
                Golden.of(Accounts::new)
                    .actor(a -> a.transferAtoB(10))
                    .actor(a -> a.transferBtoA(20))
                    .arbiter(Accounts::balances)
                    .verify());
    String text = found.reached().get(0).text();
    assertTrue(text.startsWith("FAILURE deadlock: every task is blocked: T0 waits for"), text);
    assertTrue(!found.reached().get(0).schedule().isEmpty());
  }

  @GoldenTest
  void oneLockOrderNeverDeadlocks() {
    Golden.of(Accounts::new)
        .actor(a -> a.transferAtoB(10))
        .actor(a -> a.transferBtoAOrdered(20))
        .arbiter(Accounts::balances)
        .verify();
  }
}
