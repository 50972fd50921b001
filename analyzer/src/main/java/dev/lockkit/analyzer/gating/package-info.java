/**
 * Config gating across every build variant at once (family-based analysis): {@link
 * dev.lockkit.analyzer.gating.GatingAnalyzer} runs the {@code gate/*} rules on the member-level
 * code model against the Kconfig feature model, each finding with a witness configuration from the
 * SAT solver.
 */
package dev.lockkit.analyzer.gating;
