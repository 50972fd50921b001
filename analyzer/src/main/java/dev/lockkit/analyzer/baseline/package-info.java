/**
 * Baseline files: the stable keys of accepted findings, sorted, so that a CI run reports only what
 * is new and the file is byte-identical run to run.
 */
package dev.lockkit.analyzer.baseline;
