/**
 * The model a migration matches on: the analysed files that can hold a site ({@link
 * dev.lockkit.refactor.migrate.resolve.Candidates}, a scan of their text), each parsed by
 * JavaParser for its own turn (positions and text: {@link
 * dev.lockkit.refactor.migrate.resolve.Workspace}), and javac's attribution of the same files (the
 * others on its source path) with the template file in one task ({@link
 * dev.lockkit.refactor.migrate.resolve.OneTask}), which decides what their calls, method references
 * and fields denote and what types their expressions have, copied into lockkit's records ({@link
 * dev.lockkit.refactor.migrate.resolve.Symbols}) before javac is let go.
 */
package dev.lockkit.refactor.migrate.resolve;
