package dev.lockkit.lockcore.trace;

import dev.lockkit.lockcore.config.IfConfig;

/**
 * A {@code count_vm_vma_lock_event()} call, delivered to the sink in line with the tracepoints.
 *
 * @param event the counter incremented
 * @param task the counting task
 */
@IfConfig("PER_VMA_LOCK_STATS")
public record VmaLockCountEvent(VmaLockEvent event, String task) implements TraceEvent {
  @Override
  public String canonical() {
    return task + ": count_vm_vma_lock_event: " + event.name();
  }
}
