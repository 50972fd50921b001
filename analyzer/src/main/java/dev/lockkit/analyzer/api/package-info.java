/**
 * The dependency check as a library: {@link dev.lockkit.analyzer.api.Analyzer} runs the front end
 * and every rule and returns an {@link dev.lockkit.analyzer.api.AnalysisResult}; {@link
 * dev.lockkit.analyzer.api.FindingSource} is the seam through which further rule sets (config
 * gating) join the same run.
 */
package dev.lockkit.analyzer.api;
