/**
 * The move plan file: one {@code move ELEMENT to DESTINATION} operation a line, {@code #} comments.
 * Parsing is purely textual; whether an element exists is decided later, on the parsed sources, so
 * that every error can still name the plan file and line it came from.
 */
package dev.lockkit.refactor.move.plan;
