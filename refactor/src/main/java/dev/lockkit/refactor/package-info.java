/**
 * Checked refactorings of Java source trees: {@code move} (static members and types, checked on the
 * code graph before a byte is written) and {@code migrate} (call sites rewritten with
 * Refaster-style before/after templates). Both produce text edits at source positions and write
 * them through {@link dev.lockkit.refactor.edit}.
 */
package dev.lockkit.refactor;
