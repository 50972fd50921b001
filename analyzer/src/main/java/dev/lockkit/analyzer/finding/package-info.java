/**
 * The result model shared by every analyzer rule, the refactorings and the reporters: a {@link
 * dev.lockkit.analyzer.finding.Finding} names its rule, severity, source location, a stable
 * identity for baselines and, for gating rules, the witness configuration that exhibits it.
 */
package dev.lockkit.analyzer.finding;
