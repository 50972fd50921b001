package dev.lockkit.analyzer.pc;

/**
 * A condition nested deeper than {@link ExprParser#MAX_DEPTH}. Unlike other syntax errors, which
 * are findings about one condition, callers treat it as input the tool refuses (exit status 2):
 * such a text is not a mistake in a real condition but generated or hostile input.
 */
public final class ExprTooDeepException extends ExprSyntaxException {
  public ExprTooDeepException(int offset) {
    super("expression nested too deep (limit " + ExprParser.MAX_DEPTH + ")", offset);
  }
}
