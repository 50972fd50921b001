/**
 * lockkit's benchmarks: JMH suites for lockcore against the JDK's locks, and whole-process
 * comparisons of the analyzer and the golden explorer. Built only with {@code -Pbench}; the numbers
 * and how to reproduce them are in {@code bench/README.md}.
 */
package dev.lockkit.bench;
