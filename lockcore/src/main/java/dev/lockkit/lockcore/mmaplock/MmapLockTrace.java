package dev.lockkit.lockcore.mmaplock;

import dev.lockkit.lockcore.config.VariantPoint;
import dev.lockkit.lockcore.types.MmStruct;

/**
 * {@code __mmap_lock_trace_start_locking()} and friends: real with TRACING ({@link
 * MmapLockTraceOn}), empty stubs without ({@link MmapLockTraceOff}).
 */
@VariantPoint
public interface MmapLockTrace {
  /** {@code __mmap_lock_trace_start_locking(mm, write)}. */
  void startLocking(MmStruct mm, boolean write);

  /** {@code __mmap_lock_trace_acquire_returned(mm, write, success)}. */
  void acquireReturned(MmStruct mm, boolean write, boolean success);

  /** {@code __mmap_lock_trace_released(mm, write)}. */
  void released(MmStruct mm, boolean write);
}
