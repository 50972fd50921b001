package dev.lockkit.golden.scenario;

/**
 * A scenario that cannot be used, with the file, line and (for an operation line) column at fault.
 * Its message is for users: {@code file:line: message}, or {@code file:line:column: message}.
 */
public final class ScenarioException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;

  /** An error at {@code file:line} (line 0: the file as a whole). */
  public ScenarioException(String file, int line, String message) {
    this(file, line, 0, message);
  }

  /** An error at {@code file:line:column} (column 0: the line as a whole). */
  public ScenarioException(String file, int line, int column, String message) {
    super(location(file, line, column) + ": " + message);
    this.file = file;
    this.line = line;
    this.column = line > 0 ? column : 0;
  }

  private static String location(String file, int line, int column) {
    if (line <= 0) {
      return file;
    }
    return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
  }

  /** The file named in the message. */
  public String file() {
    return file;
  }

  /** The 1-based line, or 0 when the error concerns the whole file. */
  public int line() {
    return line;
  }

  /** The 1-based column, or 0 when the error concerns the whole line or file. */
  public int column() {
    return column;
  }
}
