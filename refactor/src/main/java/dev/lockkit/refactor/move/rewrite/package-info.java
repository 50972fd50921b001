/**
 * Finding and rewriting what a move touches: every reference to a moved member across the project,
 * every name inside a moved member that must be re-qualified or imported at its destination, and
 * the minimal text edits (and import additions/removals) that express the move.
 */
package dev.lockkit.refactor.move.rewrite;
