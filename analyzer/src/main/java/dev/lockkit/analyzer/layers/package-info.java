/**
 * Architecture rules read from a project's rules file (layers in order, forbidden package and
 * module dependencies, severity overrides) and the {@code layer/forbidden} rule that checks them.
 */
package dev.lockkit.analyzer.layers;
