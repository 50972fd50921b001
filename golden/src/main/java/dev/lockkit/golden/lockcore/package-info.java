/**
 * The lockcore adapter of the scenario driver: boots lockcore for a variant, builds the address
 * space, performs each scenario operation through lockcore's fault path and mm writers, forwards
 * its tracepoints and reports to the harness, and snapshots the outcome.
 */
package dev.lockkit.golden.lockcore;
