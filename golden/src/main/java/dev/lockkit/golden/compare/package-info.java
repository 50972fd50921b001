/**
 * Comparison of two sets of approved golden files that sorts every difference into <b>behaviour</b>
 * (the outcome set, each outcome's result lines, maps and counters, failures, graded verdicts) and
 * <b>exploration</b> (schedule counts, bound-cut counts, first-schedule strings, the interleaving
 * of a first schedule's trace). A change to a lock's synchronisation sequence shifts exploration
 * figures in hundreds of files without changing behaviour; this package tells such a re-recording
 * apart from one that changes what the code does ({@code lockkit golden compare}).
 *
 * <p>It reads only the text of approved files (no target, no explorer runs), so it can compare a
 * re-recording with the files of any earlier commit.
 */
package dev.lockkit.golden.compare;
