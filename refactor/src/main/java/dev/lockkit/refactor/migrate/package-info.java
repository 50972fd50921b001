/**
 * {@code lockkit migrate}: Refaster-style before/after templates applied type-aware, with minimal
 * text edits, a gating check, and the list of sites left.
 *
 * <p>Pipeline: {@link dev.lockkit.refactor.migrate.resolve} parses and resolves the tree; {@link
 * dev.lockkit.refactor.migrate.template} reads the rules; {@link
 * dev.lockkit.refactor.migrate.match} finds matches and near misses; {@link
 * dev.lockkit.refactor.migrate.gate} refuses rewrites that would break a configuration; {@link
 * dev.lockkit.refactor.migrate.rewrite} renders the after templates and the imports; {@link
 * dev.lockkit.refactor.migrate.report} prints what happened. {@link
 * dev.lockkit.refactor.migrate.Migration} runs it; {@link
 * dev.lockkit.refactor.migrate.MigrateCommand} is the command line. Sub-packages never depend on
 * this package, so there is no package cycle.
 */
package dev.lockkit.refactor.migrate;
