/**
 * The sources a move works on: every Java file under the given paths parsed with JavaParser (kept
 * with its exact text, which edits index), a project-wide type index, per-file name resolution as
 * javac would do it for the cases a move touches, and resolution of plan elements to declarations.
 */
package dev.lockkit.refactor.move.model;
