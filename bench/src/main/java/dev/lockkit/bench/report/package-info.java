/**
 * Turns raw JMH results into the ratio tables of {@code bench/README.md}, each figure next to what
 * it is compared with and the target it is held to.
 */
package dev.lockkit.bench.report;
