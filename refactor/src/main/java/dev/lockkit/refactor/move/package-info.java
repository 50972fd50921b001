/**
 * {@code lockkit move}: relocates static members and top-level types as a plan file says.
 *
 * <p>Pipeline: {@link dev.lockkit.refactor.move.plan} parses the plan; {@link
 * dev.lockkit.refactor.move.model} parses the sources and resolves each element; {@link
 * dev.lockkit.refactor.move.rewrite} finds every reference and computes minimal text edits; {@link
 * dev.lockkit.refactor.move.check} decides presence conditions and access, and runs the analyzer's
 * graph rules on the graph the plan would produce. Only when nothing blocks are the edits written,
 * all files or none, through {@link dev.lockkit.refactor.edit.ChangeSet}.
 */
package dev.lockkit.refactor.move;
