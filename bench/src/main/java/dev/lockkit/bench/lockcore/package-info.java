/**
 * JMH benchmarks of lockcore on the real JVM platform: read round trips of the per-VMA lock,
 * mmap_lock and the rwsem under it, and page faults on disjoint VMAs alone, in pairs, and beside an
 * mprotect loop, each with and without DEBUG_LOCK_ALLOC and TRACING.
 */
package dev.lockkit.bench.lockcore;
