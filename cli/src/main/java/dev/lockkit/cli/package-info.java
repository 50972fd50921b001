/**
 * The {@code lockkit} command line: one picocli entry point over the analyzer, the golden harness
 * and the refactorings. Exit codes are shared by every subcommand: 0 clean, 1 findings at or above
 * the failure threshold, 2 usage errors or unreadable input.
 */
package dev.lockkit.cli;
