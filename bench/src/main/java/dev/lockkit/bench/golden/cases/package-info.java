/**
 * The comparison cases of {@code LincheckVsGolden}: small unmodified classes (a lost update, a
 * check-then-act, AB-BA, a lost wake-up, an executor race, and correct versions), run by Lincheck
 * as they are and by golden through its instrumenting class loader.
 */
package dev.lockkit.bench.golden.cases;
