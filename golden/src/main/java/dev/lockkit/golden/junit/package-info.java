/**
 * JUnit 5 integration: {@link dev.lockkit.golden.junit.VariantMatrixTest} runs a test method once
 * per variant of the matrix, each a test of its own with the variant in its display name, and
 * {@link dev.lockkit.golden.junit.GoldenAssertions} checks golden text against approved files.
 */
package dev.lockkit.golden.junit;
