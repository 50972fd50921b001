/**
 * lockkit's checks as JUnit 5 tests, in the style of ArchUnit: a test class says what to analyse
 * ({@link dev.lockkit.junit.LockkitAnalyze} or {@link dev.lockkit.junit.LockkitProject}) and which
 * rules must hold ({@link dev.lockkit.junit.LockkitRules}); each finding is one JUnit failure with
 * its file and line, and {@link dev.lockkit.junit.LockkitRule#frozen} adopts a codebase that
 * already has violations through a frozen-violation store in lockkit's baseline format.
 */
package dev.lockkit.junit;
