/**
 * Turning matches into minimal text edits: rendering an after template with the matched code's
 * original text ({@link dev.lockkit.refactor.migrate.rewrite.AfterRenderer}), parentheses only
 * where precedence needs them ({@link dev.lockkit.refactor.migrate.rewrite.Precedence}), and the
 * imports the rewrite adds or leaves unused ({@link
 * dev.lockkit.refactor.migrate.rewrite.ImportPlan}).
 */
package dev.lockkit.refactor.migrate.rewrite;
