/**
 * Reporters: compiler-style text, JSON (schema in {@code analyzer/README.md}), SARIF 2.1.0, JUnit
 * XML, and the cycle graph as DOT and Mermaid. Every format is a pure function of the {@link
 * dev.lockkit.analyzer.report.Report}, so equal input gives byte-identical output.
 */
package dev.lockkit.analyzer.report;
