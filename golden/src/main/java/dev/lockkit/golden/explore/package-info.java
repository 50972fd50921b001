/**
 * Exploration of a concurrent {@link dev.lockkit.golden.explore.Program} under the controlled
 * platform: the modes (fixed order, exhaustive DFS with a CHESS preemption bound, optionally
 * focused so that preemptions happen only inside named methods, PCT with a seed, replay of a
 * schedule string), and the grouping of the schedules into distinct outcomes that becomes the
 * golden text.
 */
package dev.lockkit.golden.explore;
