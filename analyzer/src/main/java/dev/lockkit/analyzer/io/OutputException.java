package dev.lockkit.analyzer.io;

/**
 * An output path that cannot be written, said in the user's terms ({@code out/r.txt: directory out
 * does not exist}). Commands print the message on one line and exit with status 2.
 */
public final class OutputException extends Exception {
  public OutputException(String message, Throwable cause) {
    super(message, cause);
  }
}
