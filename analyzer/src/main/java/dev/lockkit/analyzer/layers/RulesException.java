package dev.lockkit.analyzer.layers;

/** A rules file that cannot be used; the message starts with {@code path:line:col:}. */
public final class RulesException extends Exception {
  public RulesException(String message) {
    super(message);
  }
}
