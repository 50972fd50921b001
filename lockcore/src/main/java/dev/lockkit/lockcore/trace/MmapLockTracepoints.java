package dev.lockkit.lockcore.trace;

import dev.lockkit.lockcore.config.IfConfig;
import dev.lockkit.lockcore.sync.Task;

/**
 * The {@code CONFIG_TRACING} emitters of {@code mm/mmap_lock.c}: {@code
 * __mmap_lock_do_trace_start_locking()}, {@code _acquire_returned()} and {@code _released()}.
 */
@IfConfig("TRACING")
public final class MmapLockTracepoints {
  private final Tracer tracer;

  MmapLockTracepoints(Tracer tracer) {
    this.tracer = tracer;
  }

  /** {@code tracepoint_enabled(mmap_lock_*)}. */
  public boolean enabled() {
    return tracer.enabled();
  }

  /** {@code __mmap_lock_do_trace_start_locking(mm, write)}. */
  public void startLocking(TraceSubject mm, boolean write) {
    tracer.emit(
        new MmapLockEvent(
            MmapLockEvent.Tracepoint.START_LOCKING,
            Task.current().name(),
            mm.traceId(),
            write,
            false));
  }

  /** {@code __mmap_lock_do_trace_acquire_returned(mm, write, success)}. */
  public void acquireReturned(TraceSubject mm, boolean write, boolean success) {
    tracer.emit(
        new MmapLockEvent(
            MmapLockEvent.Tracepoint.ACQUIRE_RETURNED,
            Task.current().name(),
            mm.traceId(),
            write,
            success));
  }

  /** {@code __mmap_lock_do_trace_released(mm, write)}. */
  public void released(TraceSubject mm, boolean write) {
    tracer.emit(
        new MmapLockEvent(
            MmapLockEvent.Tracepoint.RELEASED, Task.current().name(), mm.traceId(), write, false));
  }
}
