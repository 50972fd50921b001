package dev.lockkit.analyzer.pc;

/**
 * A malformed condition expression. {@link #offset()} is the 0-based character offset of the
 * offending token inside the expression text, so callers can turn it into a file:line:column.
 */
public class ExprSyntaxException extends Exception {
  private final int offset;

  public ExprSyntaxException(String message, int offset) {
    super(message);
    this.offset = offset;
  }

  /** 0-based offset of the error within the parsed text. */
  public int offset() {
    return offset;
  }
}
