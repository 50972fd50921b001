/**
 * Unmodified concurrent classes for the engine's tests: a package outside golden's core, so the
 * instrumenting class loader instruments it as it would a user's code.
 */
package dev.lockkit.golden.jvmcases;
