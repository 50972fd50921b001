/**
 * Whole-process timing: runs several commands side by side, round after round, so that the ratios
 * between them survive a noisy 2-core machine, and records wall time, peak resident memory and the
 * largest Java heap seen at a garbage collection.
 */
package dev.lockkit.bench.proc;
