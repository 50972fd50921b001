/**
 * Build variants as real builds (product-based analysis): {@link
 * dev.lockkit.analyzer.variants.VariantBuilder} materialises a configuration of a source tree with
 * Spoon and compiles it in memory with {@code javax.tools}; {@link
 * dev.lockkit.analyzer.variants.VariantsCommand} is {@code lockkit variants}.
 */
package dev.lockkit.analyzer.variants;
