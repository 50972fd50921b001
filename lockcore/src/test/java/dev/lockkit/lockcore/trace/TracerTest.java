package dev.lockkit.lockcore.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.lockcore.config.Config;
import dev.lockkit.lockcore.sync.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TracerTest {
  private static final TraceSubject MM = () -> "mm7";

  @Test
  void tracepointsAreEnabledOnlyWithASinkAndPrintCanonically() {
    Tracer t = new Tracer(Config.parse("TRACING"));
    assertFalse(t.tracepoints().enabled());
    List<String> out = new ArrayList<>();
    t.setSink(e -> out.add(e.canonical()));
    assertTrue(t.tracepoints().enabled());
    Task.create("t")
        .run(
            () -> {
              t.tracepoints().startLocking(MM, true);
              t.tracepoints().acquireReturned(MM, false, false);
              t.tracepoints().released(MM, false);
            });
    assertEquals(
        List.of(
            "t: mmap_lock_start_locking: mm=mm7 write=true",
            "t: mmap_lock_acquire_returned: mm=mm7 write=false success=false",
            "t: mmap_lock_released: mm=mm7 write=false"),
        out);
  }

  @Test
  void vmaLockCountersCountAndReachTheSink() {
    Tracer t =
        new Tracer(
            Config.parse("ARCH_SUPPORTS_PER_VMA_LOCK,MMU,PER_VMA_LOCK,PER_VMA_LOCK_STATS,SMP"));
    t.vmEvents().count(VmaLockEvent.VMA_LOCK_MISS);
    List<String> out = new ArrayList<>();
    t.setSink(e -> out.add(e.canonical()));
    Task.create("f").run(() -> t.vmEvents().count(VmaLockEvent.VMA_LOCK_MISS));
    assertEquals(2, t.vmEvents().get(VmaLockEvent.VMA_LOCK_MISS));
    assertEquals(0, t.vmEvents().get(VmaLockEvent.VMA_LOCK_SUCCESS));
    assertEquals(List.of("f: count_vm_vma_lock_event: VMA_LOCK_MISS"), out);
  }

  @Test
  void countersOfSeveralThreadsAreSummedWhenRead() throws InterruptedException {
    Tracer t =
        new Tracer(
            Config.parse("ARCH_SUPPORTS_PER_VMA_LOCK,MMU,PER_VMA_LOCK,PER_VMA_LOCK_STATS,SMP"));
    Thread[] threads = new Thread[3];
    for (int n = 0; n < threads.length; n++) {
      int events = 1000 * (n + 1);
      threads[n] =
          new Thread(
              () -> {
                for (int i = 0; i < events; i++) {
                  t.vmEvents().count(VmaLockEvent.VMA_LOCK_SUCCESS);
                }
                t.vmEvents().count(VmaLockEvent.VMA_LOCK_RETRY);
              });
      threads[n].start();
    }
    for (Thread th : threads) {
      th.join();
    }
    t.vmEvents().count(VmaLockEvent.VMA_LOCK_RETRY);
    assertEquals(6000, t.vmEvents().get(VmaLockEvent.VMA_LOCK_SUCCESS));
    assertEquals(
        "{VMA_LOCK_SUCCESS=6000, VMA_LOCK_ABORT=0, VMA_LOCK_RETRY=4, VMA_LOCK_MISS=0}",
        t.vmEvents().snapshot().toString());
  }
}
