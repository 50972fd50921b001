/**
 * lockkit as a Maven plugin: the goals {@code check} (dependency and gating check), {@code
 * variants} (the build-variant matrix), {@code golden-verify} and {@code migrate-check}, bound to
 * {@code verify} by default. Each goal's parameters mirror the CLI flags of the same command;
 * source roots, class path and output directory come from the project, never typed by hand.
 */
package dev.lockkit.maven;
