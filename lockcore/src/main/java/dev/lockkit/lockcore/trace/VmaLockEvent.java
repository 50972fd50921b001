package dev.lockkit.lockcore.trace;

import dev.lockkit.lockcore.config.IfConfig;

/** The per-VMA lock items of {@code enum vm_event_item} ({@code CONFIG_PER_VMA_LOCK_STATS}). */
@IfConfig("PER_VMA_LOCK_STATS")
public enum VmaLockEvent {
  /** A fault was handled under the VMA lock. */
  VMA_LOCK_SUCCESS,
  /** The VMA could not be locked (or was the wrong one); the fault falls back to mmap_lock. */
  VMA_LOCK_ABORT,
  /** The fault under the VMA lock asked to be retried under mmap_lock. */
  VMA_LOCK_RETRY,
  /** The VMA was detached under the lockless lookup; the lookup was retried. */
  VMA_LOCK_MISS
}
