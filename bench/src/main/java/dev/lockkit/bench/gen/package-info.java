/**
 * Deterministic input generators for the analyzer suite: a large Java project with realistic
 * cross-package references and a few cycles, a dense package graph, and a large Kconfig feature
 * model with {@code @IfConfig}-gated code. The same seed always writes the same bytes.
 */
package dev.lockkit.bench.gen;
