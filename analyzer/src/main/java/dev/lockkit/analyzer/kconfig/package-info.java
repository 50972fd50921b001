/**
 * The Kconfig subset lockkit reads and the feature model it denotes: {@link
 * dev.lockkit.analyzer.kconfig.KconfigParser} reads files (with {@code source}), {@link
 * dev.lockkit.analyzer.kconfig.FeatureModel} turns the entries into one boolean constraint per
 * symbol with Kconfig's own semantics (visibility, defaults, {@code select} overriding
 * dependencies, {@code imply}) and answers questions about valid configurations through the SAT
 * layer.
 */
package dev.lockkit.analyzer.kconfig;
