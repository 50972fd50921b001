/**
 * The comparison points of the analyzer suite, each a small main run as its own JVM so every figure
 * includes JVM start: a bare JavaParser parse of the same sources, ArchUnit's import plus slice
 * cycle check of the same library's jar, and an in-process timer of the gating check.
 */
package dev.lockkit.bench.analyzer;
