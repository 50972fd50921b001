package dev.lockkit.lockcore.trace;

/** Receives trace events synchronously, on the emitting task, in emission order per task. */
@FunctionalInterface
public interface TraceSink {
  /** One event. */
  void accept(TraceEvent event);
}
