/**
 * Fray runs (the {@code fray} Maven profile only): lockcore on the real platform, real threads,
 * scheduled by Fray, as a check independent of golden's own controlled platform.
 */
package dev.lockkit.golden.lockcore.fray;
