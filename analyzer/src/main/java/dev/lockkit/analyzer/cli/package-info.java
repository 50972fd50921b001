/** The {@code lockkit analyze} command (picocli), registered by the launcher as a subcommand. */
package dev.lockkit.analyzer.cli;
