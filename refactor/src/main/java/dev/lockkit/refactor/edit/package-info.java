/**
 * Minimal, atomic source edits shared by every refactoring.
 *
 * <p>A refactoring never re-prints a file: it records {@link dev.lockkit.refactor.edit.TextEdit}s
 * (replace a span of the original text) in a {@link dev.lockkit.refactor.edit.ChangeSet}, so every
 * byte outside a rewritten span stays exactly as it was. The change set renders a unified diff for
 * {@code --dry-run} and writes all files or none.
 */
package dev.lockkit.refactor.edit;
