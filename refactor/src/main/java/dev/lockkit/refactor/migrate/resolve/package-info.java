/**
 * The resolved model a migration matches on: the analysed files parsed by JavaParser with its
 * symbol solver over the JDK, the files' own source roots and the {@code --classpath} ({@link
 * dev.lockkit.refactor.migrate.resolve.Workspace}), and javac's attribution of the same files
 * ({@link dev.lockkit.refactor.migrate.resolve.Symbols}), which decides what their calls, method
 * references and fields denote.
 */
package dev.lockkit.refactor.migrate.resolve;
