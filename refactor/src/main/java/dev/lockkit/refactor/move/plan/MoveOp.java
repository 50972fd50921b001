package dev.lockkit.refactor.move.plan;

/**
 * One {@code move} line of a plan.
 *
 * @param file the plan file as given (for messages)
 * @param line 1-based line in the plan
 * @param element what to move
 * @param destination a type for a member; a package or enclosing type for a type
 */
public record MoveOp(String file, int line, ElementRef element, String destination) {

  /** {@code file:line}, the prefix of every message about this operation. */
  public String where() {
    return file + ":" + line;
  }

  @Override
  public String toString() {
    return "move " + element + " to " + destination;
  }
}
