package dev.lockkit.lockcore.trace;

import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.sync.Task;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The VMA lock event counters of one kernel ({@code count_vm_vma_lock_event()}).
 *
 * <p>The kernel's counters are per-CPU and never synchronise with the locks they count, so they are
 * plain atomics here, not {@code sync} cells: instrumenting them would give a controlled scheduler
 * interleaving points the kernel does not have. They are per thread, as the kernel's are per CPU
 * ({@code vm_event_states}, summed by {@code all_vm_events()}): one shared array, incremented by
 * every fault ({@code VMA_LOCK_SUCCESS}), was a line that two tasks faulting on disjoint VMAs both
 * wrote on every fault. A reader sums every thread's block; the totals are the same once no thread
 * is counting (like the kernel's, a sum taken during faults is no consistent cut).
 */
@IfConfig("PER_VMA_LOCK_STATS")
public final class VmEventCounters {
  // 16 longs = 128 bytes unused on either side of a thread's counters, so that no other object's
  // words share their two lines (the adjacent-line prefetcher moves lines in pairs).
  private static final int PAD = 16;

  private final Tracer tracer;
  // Every thread's block that ever counted; added to once per thread, read by get()/snapshot().
  private final List<AtomicLongArray> blocks = new CopyOnWriteArrayList<>();
  private final ThreadLocal<AtomicLongArray> mine = ThreadLocal.withInitial(this::newBlock);

  VmEventCounters(Tracer tracer) {
    this.tracer = tracer;
  }

  private AtomicLongArray newBlock() {
    AtomicLongArray b = new AtomicLongArray(PAD + VmaLockEvent.values().length + PAD);
    blocks.add(b);
    return b;
  }

  /** {@code count_vm_vma_lock_event(event)}. */
  public void count(VmaLockEvent event) {
    // Only this thread writes its block: an opaque load and store, as the kernel's this_cpu_inc()
    // is a plain per-CPU add that readers see without ordering.
    AtomicLongArray b = mine.get();
    int i = PAD + event.ordinal();
    b.setOpaque(i, b.getOpaque(i) + 1);
    tracer.emit(new VmaLockCountEvent(event, Task.current().name()));
  }

  /** The current value of {@code event}'s counter, summed over every thread. */
  public long get(VmaLockEvent event) {
    long sum = 0;
    for (AtomicLongArray b : blocks) {
      sum += b.getOpaque(PAD + event.ordinal());
    }
    return sum;
  }

  /** All counters, in declaration order. */
  public Map<VmaLockEvent, Long> snapshot() {
    Map<VmaLockEvent, Long> out = new EnumMap<>(VmaLockEvent.class);
    for (VmaLockEvent e : VmaLockEvent.values()) {
      out.put(e, get(e));
    }
    return out;
  }
}
