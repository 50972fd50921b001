/**
 * The build-variant matrix: {@link dev.lockkit.golden.matrix.Variant} (one valid configuration) and
 * {@link dev.lockkit.golden.matrix.VariantSource}, the one small interface behind which the valid
 * configurations come from lockcore's {@code Config.allValid()} or a Kconfig model.
 */
package dev.lockkit.golden.matrix;
