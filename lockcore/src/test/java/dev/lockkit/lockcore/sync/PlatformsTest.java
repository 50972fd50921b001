package dev.lockkit.lockcore.sync;

import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PlatformsTest {

  @Test
  void installReturnsThePreviousPlatformSoItCanBeRestored() {
    Platform recording =
        new Platform() {
          @Override
          public void beforeSharedAccess(Object location, String op) {}

          @Override
          public void park(Object blocker) {}

          @Override
          public void unpark(Thread thread) {}

          @Override
          public void spinWait(Object location) {}
        };
    Platform previous = Platforms.install(recording);
    try {
      assertSame(recording, Platforms.current());
    } finally {
      assertSame(recording, Platforms.install(previous));
    }
    assertSame(previous, Platforms.current());
  }
}
