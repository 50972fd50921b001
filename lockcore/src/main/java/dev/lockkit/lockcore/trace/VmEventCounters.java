package dev.lockkit.lockcore.trace;

import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.sync.Task;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The VMA lock event counters of one kernel ({@code count_vm_vma_lock_event()}).
 *
 * <p>The kernel's counters are per-CPU and never synchronise with the locks they count, so they are
 * plain atomics here, not {@code sync} cells: instrumenting them would give a controlled scheduler
 * interleaving points the kernel does not have.
 */
@IfConfig("PER_VMA_LOCK_STATS")
public final class VmEventCounters {
  private final Tracer tracer;
  private final AtomicLongArray counts = new AtomicLongArray(VmaLockEvent.values().length);

  VmEventCounters(Tracer tracer) {
    this.tracer = tracer;
  }

  /** {@code count_vm_vma_lock_event(event)}. */
  public void count(VmaLockEvent event) {
    counts.incrementAndGet(event.ordinal());
    tracer.emit(new VmaLockCountEvent(event, Task.current().name()));
  }

  /** The current value of {@code event}'s counter. */
  public long get(VmaLockEvent event) {
    return counts.get(event.ordinal());
  }

  /** All counters, in declaration order. */
  public Map<VmaLockEvent, Long> snapshot() {
    Map<VmaLockEvent, Long> out = new EnumMap<>(VmaLockEvent.class);
    for (VmaLockEvent e : VmaLockEvent.values()) {
      out.put(e, counts.get(e.ordinal()));
    }
    return out;
  }
}
