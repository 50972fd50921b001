/**
 * What a change adds to the analyzer's findings: cycle groups with a member or an edge no cycle had
 * before, and layer violations with a new stable key ({@link
 * dev.lockkit.refactor.findings.AddedFindings}). Shared by {@code move} and {@code migrate}, so
 * both fail on exactly what they introduce and never on what the tree already had.
 */
package dev.lockkit.refactor.findings;
