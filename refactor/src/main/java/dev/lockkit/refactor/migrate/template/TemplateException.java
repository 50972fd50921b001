package dev.lockkit.refactor.migrate.template;

/**
 * A template file that cannot be used: it does not parse, uses a Refaster feature outside the
 * supported subset, or is inconsistent. The message starts with {@code file:line:}.
 */
public final class TemplateException extends Exception {
  public TemplateException(String message) {
    super(message);
  }
}
