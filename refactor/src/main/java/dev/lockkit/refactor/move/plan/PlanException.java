package dev.lockkit.refactor.move.plan;

/**
 * A plan that cannot be carried out as written. The message always starts with {@code file:line:}
 * of the offending plan line (or the file alone when it cannot be read), so the CLI prints it as
 * is.
 */
public final class PlanException extends Exception {

  public PlanException(String message) {
    super(message);
  }

  /** An error about {@code op}, prefixed with its plan location. */
  public static PlanException at(MoveOp op, String reason) {
    return new PlanException(op.where() + ": " + reason);
  }
}
