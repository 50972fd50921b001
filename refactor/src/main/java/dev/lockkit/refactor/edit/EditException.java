package dev.lockkit.refactor.edit;

/**
 * A change set that cannot be applied as recorded: overlapping edits, a file changed on disk since
 * it was read, or a file that cannot be written. Nothing has been written when it is thrown.
 */
public final class EditException extends Exception {

  public EditException(String message) {
    super(message);
  }

  public EditException(String message, Throwable cause) {
    super(message, cause);
  }
}
