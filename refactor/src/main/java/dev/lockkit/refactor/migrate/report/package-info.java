/**
 * The migration report: per rule, the sites rewritten and the sites of the old API left with their
 * reasons, printed as text or JSON. Output is a function of the data only (sorted, no timestamps,
 * paths relative to the base directory), so it can be approved as a golden file.
 */
package dev.lockkit.refactor.migrate.report;
