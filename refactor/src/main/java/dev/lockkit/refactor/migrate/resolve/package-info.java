/**
 * The resolved model a migration matches on: the analysed files parsed by JavaParser with its
 * symbol solver over the JDK, the files' own source roots and the {@code --classpath}.
 */
package dev.lockkit.refactor.migrate.resolve;
