package dev.lockkit.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lockkit.golden.junit.Expect;
import dev.lockkit.golden.junit.Golden;
import dev.lockkit.golden.junit.GoldenFailure;
import dev.lockkit.golden.junit.GoldenTest;
import dev.lockkit.golden.junit.Outcome;

class RegistryGoldenTest {

  @GoldenTest
  @Outcome(id = "created=1", expect = Expect.ACCEPTABLE)
  @Outcome(id = "created=2", expect = Expect.FORBIDDEN, desc = "check-then-act: two sessions")
  void checkThenActCreatesTwoSessions() {
    GoldenFailure found =
        assertThrows(
            GoldenFailure.class,
            () ->
                Golden.of(Registry::new)
                    .actor(r -> r.openRacy("ann"))
                    .actor(r -> r.openRacy("ann"))
                    .arbiter(r -> "created=" + r.created())
                    .verify());
    assertEquals("created=2", found.reached().get(0).text(), found.getMessage());
  }

  @GoldenTest
  @Outcome(id = "logins=2", expect = Expect.ACCEPTABLE)
  void mergeCountsEveryLogin() {
    Golden.of(Registry::new)
        .actor(r -> r.login("ann"))
        .actor(r -> r.login("ann"))
        .arbiter(r -> "logins=" + r.sessions("ann"))
        .verify();
  }
}
