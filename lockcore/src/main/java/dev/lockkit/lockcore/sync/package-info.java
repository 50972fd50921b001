/**
 * Synchronisation primitives with kernel semantics (rwsem, seqcount, refcount_t, rcuwait, RCU,
 * lockdep), built over the {@link dev.lockkit.lockcore.sync.Platform} SPI so that the golden
 * harness can schedule every shared-memory operation.
 */
package dev.lockkit.lockcore.sync;
