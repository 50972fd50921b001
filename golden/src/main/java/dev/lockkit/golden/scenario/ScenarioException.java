package dev.lockkit.golden.scenario;

/** A scenario that cannot be used, with the file and line at fault. Its message is for users. */
public final class ScenarioException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;

  /** An error at {@code file:line} (line 0: the file as a whole). */
  public ScenarioException(String file, int line, String message) {
    super((line > 0 ? file + ":" + line : file) + ": " + message);
    this.file = file;
    this.line = line;
  }

  /** The file named in the message. */
  public String file() {
    return file;
  }

  /** The 1-based line, or 0 when the error concerns the whole file. */
  public int line() {
    return line;
  }
}
