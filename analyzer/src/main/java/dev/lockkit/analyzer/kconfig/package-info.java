/**
 * The kernel's Kconfig language, as far as configuration gating needs it, and the feature model it
 * denotes: {@link dev.lockkit.analyzer.kconfig.KconfigParser} reads a tree of files (with {@code
 * source} and the macro language), {@code ModelBuilder} gives every symbol one constraint with
 * Kconfig's own evaluation rules in tristate logic (visibility, defaults, {@code select} overriding
 * dependencies, {@code imply}, choices), and {@link dev.lockkit.analyzer.kconfig.FeatureModel}
 * answers questions about valid configurations through the SAT layer. The supported language is
 * listed in the analyzer README's Kconfig section.
 */
package dev.lockkit.analyzer.kconfig;
