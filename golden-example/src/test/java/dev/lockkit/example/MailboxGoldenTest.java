package dev.lockkit.example;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.junit.Golden;
import dev.lockkit.golden.junit.GoldenFailure;
import dev.lockkit.golden.junit.GoldenTest;

class MailboxGoldenTest {

  static final class Exchange {
    final Mailbox box = new Mailbox();
    String got;
  }

  @GoldenTest
  void checkingOutsideTheMonitorLosesTheWakeUp() {
    GoldenFailure found =
        assertThrows(
            GoldenFailure.class,
            () ->
                Golden.of(Exchange::new)
                    .actor(
                        e -> {
                          try {
                            e.got = e.box.takeRacy();
                          } catch (InterruptedException x) {
                            throw new IllegalStateException(x);
                          }
                        })
                    .actor(e -> e.box.put("hello"))
                    .arbiter(e -> "got=" + e.got)
                    .verify());
    String text = found.reached().get(0).text();
    assertTrue(text.startsWith("FAILURE deadlock: lost wake-up: T0 is in wait()"), text);
  }

  @GoldenTest
  void waitingInALoopGetsTheMessage() {
    Golden.of(Exchange::new)
        .actor(
            e -> {
              try {
                e.got = e.box.take();
              } catch (InterruptedException x) {
                throw new IllegalStateException(x);
              }
            })
        .actor(e -> e.box.put("hello"))
        .arbiter(e -> "got=" + e.got)
        .verify();
  }
}
