/**
 * Graded outcomes: a scenario's declared outcomes ({@code acceptable}, {@code interesting}, {@code
 * forbidden}, as in jcstress) judged against the distinct outcomes of a controlled exploration.
 */
package dev.lockkit.golden.grade;
