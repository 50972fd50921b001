package dev.lockkit.analyzer.source;

import java.io.IOException;

/**
 * Input beyond one of the tool's documented limits (a condition nested too deep, say), refused as a
 * whole run: the message is already located ({@code file:line:col: what (limit N)}) and the command
 * exits with status 2. An {@link IOException} because it travels the same way as a file that cannot
 * be read: out of worker threads and through file-reading APIs.
 */
public final class InputLimitException extends IOException {
  public InputLimitException(String message) {
    super(message);
  }
}
