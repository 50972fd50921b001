/**
 * The {@code lockkit migrate} speed benchmark (bench/run-migrate.sh): a migration of
 * jackson-databind-sized sources with 20 templates against the time Spoon needs to build its model
 * of the same sources, each in its own process, side by side in rounds; plus where the migration's
 * time goes (phases, and a sampling profile that separates javac's attribution from matching).
 */
package dev.lockkit.bench.migrate;
