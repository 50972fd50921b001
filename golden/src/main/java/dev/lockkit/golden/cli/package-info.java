/**
 * {@code lockkit golden record|verify|report}: the picocli command over a scenario directory and a
 * Kconfig, the run that checks every scenario on every variant (or one shard of them), and the
 * variant × scenario table in Markdown and JUnit XML. {@link
 * dev.lockkit.golden.cli.GoldenRun#verifyAll} is the entry point {@code lockkit check} calls.
 */
package dev.lockkit.golden.cli;
