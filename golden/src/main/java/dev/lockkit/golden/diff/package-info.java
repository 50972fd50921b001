/**
 * Differential mode: the same scenarios on two implementations behind the same scenario driver,
 * reporting, for each variant, the first event where their golden texts differ. Identical text on
 * every variant is the machine-checked form of "no functional change".
 */
package dev.lockkit.golden.diff;
