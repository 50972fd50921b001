package dev.lockkit.analyzer.source;

/**
 * The input cannot be analysed at all (a path that does not exist, a directory without Java
 * sources): the command line reports the message on one line and exits with status 2.
 */
public final class InputException extends Exception {
  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
