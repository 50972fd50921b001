package dev.lockkit.example.jdk;

import static dev.lockkit.example.jdk.JvmOutcomes.assertCompleteAndTrusted;
import static dev.lockkit.example.jdk.JvmOutcomes.sortedOutcomes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockkit.golden.junit.Golden;
import dev.lockkit.golden.junit.GoldenTest;
import dev.lockkit.golden.jvm.JvmExplorer;

/**
 * Threads the code under test starts or gets from its own pool (issue 16 §2): {@code
 * Thread.currentThread()} there is the {@code Thread} object that was started, an interrupt follows
 * it, and {@code invokeAny} on a pool the code makes returns whichever task completed first.
 */
class ThreadIdentityGoldenTest {

  /** What the actors saw. */
  static final class Seen {
    volatile Object started;
    volatile Object current;
    volatile Object interrupted;
    volatile int other;
  }

  @GoldenTest
  void currentThreadInAStartedThreadIsTheThreadObjectThatWasStarted() {
    JvmExplorer.Result r =
        Golden.of(Seen::new)
            .actor(
                s -> {
                  Thread th =
                      new Thread(
                          () -> {
                            s.current = Thread.currentThread();
                            Thread.currentThread().interrupt();
                            s.interrupted = Thread.interrupted();
                          },
                          "worker-1");
                  s.started = th;
                  th.start();
                  try {
                    th.join();
                  } catch (InterruptedException e) {
                    s.interrupted = e;
                  }
                })
            .actor(s -> s.other = 1)
            .arbiter(
                s ->
                    "same="
                        + (s.current == s.started)
                        + " name="
                        + ((Thread) s.current).getName()
                        + " interrupted="
                        + s.interrupted)
            .explore();
    assertEquals("same=true name=worker-1 interrupted=true", sortedOutcomes(r));
    assertCompleteAndTrusted(r);
  }

  @GoldenTest
  void invokeAnyReturnsWhicheverTaskCompletedFirst() {
    JvmExplorer.Result r =
        Golden.of(Seen::new)
            .actor(s -> s.current = new Mirrors().fetch())
            .actor(s -> s.other = 1)
            .arbiter(s -> "fetched=" + s.current)
            .explore();
    assertEquals("fetched=east | fetched=west", sortedOutcomes(r));
    assertCompleteAndTrusted(r);
  }
}
