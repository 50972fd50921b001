/**
 * Dependency cycles: strongly connected groups (iterative Tarjan), a deterministic shortest witness
 * cycle per group and a suggested cut weighted by reference count; the {@code cycle/type}, {@code
 * cycle/package} and {@code cycle/module} rules. Elementary cycles are never enumerated.
 */
package dev.lockkit.analyzer.cycles;
