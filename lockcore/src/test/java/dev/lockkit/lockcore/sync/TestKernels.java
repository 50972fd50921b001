package dev.lockkit.lockcore.sync;

import dev.lockkit.lockcore.config.Config;
import dev.lockkit.lockcore.config.Option;

/** Contexts for sync tests. */
final class TestKernels {
  private TestKernels() {}

  static SyncContext plain() {
    return new SyncContext(
        Config.builder().enable(Option.MMU, Option.SMP).build(), ExceptionTable.empty());
  }

  static SyncContext lockdep() {
    return new SyncContext(
        Config.builder().enable(Option.MMU, Option.SMP, Option.DEBUG_LOCK_ALLOC).build(),
        ExceptionTable.empty());
  }

  /** Starts a daemon thread running {@code body} as a task named {@code name}. */
  static Thread start(String name, Task task, Runnable body) {
    Thread t =
        new Thread(
            () -> {
              task.bindToCurrentThread();
              body.run();
            },
            name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Waits until {@code thread} is parked/waiting (bounded). */
  static void awaitBlocked(Thread thread) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (thread.getState() != Thread.State.WAITING
        && thread.getState() != Thread.State.TIMED_WAITING) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(thread.getName() + " never blocked: " + thread.getState());
      }
      Thread.sleep(1);
    }
  }
}
