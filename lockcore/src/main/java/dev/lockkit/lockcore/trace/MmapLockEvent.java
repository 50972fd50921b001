package dev.lockkit.lockcore.trace;

/**
 * One of the three mmap_lock tracepoints.
 *
 * @param point which tracepoint
 * @param task the emitting task
 * @param mm the mm's trace id
 * @param write whether the write lock is meant
 * @param success for {@link Tracepoint#ACQUIRE_RETURNED} only: whether the lock was taken
 */
public record MmapLockEvent(
    Tracepoint point, String task, String mm, boolean write, boolean success)
    implements TraceEvent {

  /** The tracepoints of {@code include/trace/events/mmap_lock.h}. */
  public enum Tracepoint {
    /** {@code mmap_lock_start_locking}. */
    START_LOCKING("mmap_lock_start_locking"),
    /** {@code mmap_lock_acquire_returned}. */
    ACQUIRE_RETURNED("mmap_lock_acquire_returned"),
    /** {@code mmap_lock_released}. */
    RELEASED("mmap_lock_released");

    private final String eventName;

    Tracepoint(String eventName) {
      this.eventName = eventName;
    }

    /** The kernel's event name. */
    public String eventName() {
      return eventName;
    }
  }

  @Override
  public String canonical() {
    String base = task + ": " + point.eventName() + ": mm=" + mm + " write=" + write;
    return point == Tracepoint.ACQUIRE_RETURNED ? base + " success=" + success : base;
  }
}
