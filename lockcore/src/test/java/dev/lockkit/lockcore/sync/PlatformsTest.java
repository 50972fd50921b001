package dev.lockkit.lockcore.sync;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

class PlatformsTest {

  /** A platform that does nothing, told apart from others by identity. */
  private static Platform inert() {
    return new Platform() {
      @Override
      public void beforeSharedAccess(Object location, String op) {}

      @Override
      public void park(Object blocker) {}

      @Override
      public void unpark(Thread thread) {}

      @Override
      public void spinWait(Object location) {}
    };
  }

  @Test
  void installReturnsThePreviousPlatformSoItCanBeRestored() {
    Platform recording = inert();
    Platform previous = Platforms.install(recording);
    try {
      assertSame(recording, Platforms.current());
    } finally {
      assertSame(recording, Platforms.install(previous));
    }
    assertSame(previous, Platforms.current());
  }

  @Test
  void aBindingIsSeenOnlyByItsOwnThreadAndClosingItRestoresTheDefault() throws Exception {
    Platform bound = inert();
    Platform before = Platforms.current();
    try (Platforms.Binding b = Platforms.bind(bound)) {
      assertSame(bound, Platforms.current());
      assertSame(bound, new SharedInt(0).platform());
      Platform elsewhere = CompletableFuture.supplyAsync(Platforms::current).get();
      assertSame(before, elsewhere);
    }
    assertSame(before, Platforms.current());
  }

  @Test
  void bindingsNestAndAThreadBindingWinsOverTheProcessWideDefault() {
    Platform outer = inert();
    Platform inner = inert();
    Platform installed = inert();
    Platform previous = Platforms.install(installed);
    try {
      Platforms.with(
          outer,
          () -> {
            assertSame(outer, Platforms.current());
            assertSame(inner, Platforms.with(inner, Platforms::current));
            assertSame(outer, Platforms.current());
            return null;
          });
      assertSame(installed, Platforms.current());
    } finally {
      Platforms.install(previous);
    }
  }

  @Test
  void twoThreadsBoundAtTheSameTimeEachBuildCellsOnTheirOwnPlatform() throws Exception {
    Platform a = inert();
    Platform b = inert();
    CyclicBarrier bothBound = new CyclicBarrier(2);
    CompletableFuture<Platform[]> onA = CompletableFuture.supplyAsync(() -> cells(a, bothBound));
    CompletableFuture<Platform[]> onB = CompletableFuture.supplyAsync(() -> cells(b, bothBound));
    for (Platform p : onA.get()) {
      assertSame(a, p);
    }
    for (Platform p : onB.get()) {
      assertSame(b, p);
    }
  }

  private static Platform[] cells(Platform p, CyclicBarrier bothBound) {
    return Platforms.with(
        p,
        () -> {
          try {
            bothBound.await(); // both bindings are open while each thread makes its cells
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return new Platform[] {
            new SharedInt(0).platform(),
            new SharedLong(0).platform(),
            new SharedRef<>(null).platform()
          };
        });
  }

  @Test
  void aBindingClosedFromAnotherThreadIsRefused() throws Exception {
    Platforms.Binding b = Platforms.bind(inert());
    try {
      CompletableFuture<Throwable> closing =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  b.close();
                  return null;
                } catch (IllegalStateException e) {
                  return e;
                }
              });
      assertSame(IllegalStateException.class, closing.get().getClass());
    } finally {
      b.close();
    }
    assertThrows(NullPointerException.class, () -> Platforms.bind(null));
  }
}
