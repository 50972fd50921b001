package dev.lockkit.lockcore.trace;

/** One event delivered to a {@link TraceSink}. */
public interface TraceEvent {
  /** The task that emitted the event. */
  String task();

  /** The canonical one-line text of the event: deterministic, no identity hashes or times. */
  String canonical();
}
