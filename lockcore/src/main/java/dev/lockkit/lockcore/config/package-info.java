/**
 * The feature model of lockcore: the kernel options that change mmap_lock and per-VMA lock code,
 * their dependencies, the {@link dev.lockkit.lockcore.config.Config} a kernel is booted with, and
 * the {@link dev.lockkit.lockcore.config.IfConfig} / {@link
 * dev.lockkit.lockcore.config.VariantPoint} annotations that play the role of {@code #ifdef}.
 *
 * <p>Mirrors {@code mm/Kconfig}, {@code mm/Kconfig.debug}, {@code lib/Kconfig.debug} and the arch
 * Kconfig entries for the options listed in {@link dev.lockkit.lockcore.config.Option}. The same
 * rules are written in Kconfig syntax in {@code lockcore/Kconfig}; a test keeps the two in step.
 *
 * <p>{@link dev.lockkit.lockcore.config.HistoricalBug} is not an option: it names kernel bugs that
 * only {@code Kernel.bootWithHistoricalBug} (called by tests) can put back.
 */
package dev.lockkit.lockcore.config;
