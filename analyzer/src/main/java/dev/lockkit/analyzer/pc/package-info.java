/**
 * Presence conditions: the boolean expressions over configuration options that say in which build
 * variants a piece of code exists. {@link dev.lockkit.analyzer.pc.Expr} is the immutable formula
 * (used by the Kconfig model, the SAT layer and the gating rules alike), {@link
 * dev.lockkit.analyzer.pc.ExprParser} reads the {@code @IfConfig} / Kconfig expression syntax with
 * the offset of every error and symbol, and {@link dev.lockkit.analyzer.pc.Guards} names the Java
 * idioms that carry a condition.
 */
package dev.lockkit.analyzer.pc;
