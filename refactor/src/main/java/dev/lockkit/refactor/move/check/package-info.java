/**
 * The what-if checks of a move: presence conditions (with the analyzer's SAT-based feature model),
 * access from the destination, name clashes, and the analyzer's graph rules (cycles, layering)
 * evaluated on the graph the plan would produce.
 */
package dev.lockkit.refactor.move.check;
