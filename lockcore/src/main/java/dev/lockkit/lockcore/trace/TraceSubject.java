package dev.lockkit.lockcore.trace;

/**
 * Something a trace event can name: implemented by {@code types.MmStruct}. The kernel's tracepoint
 * takes a {@code struct mm_struct *}; an interface here keeps trace below types (the kernel breaks
 * the same header loop with a forward declaration).
 */
public interface TraceSubject {
  /** A stable, deterministic identifier such as {@code "mm1"}; never an identity hash. */
  String traceId();
}
