/**
 * Canonical trace text: the events of one schedule (tracepoints, counters, operation results,
 * scheduling decisions) and the scrubbing that makes them byte-identical run to run (identity
 * hashes, thread names and times replaced by stable placeholders).
 *
 * <p>The lowest layer of the harness: it depends on nothing else in golden.
 */
package dev.lockkit.golden.trace;
