package dev.lockkit.analyzer.progress;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A one-line progress bar, redrawn in place with {@code \r}: {@code lockkit: compiling variants
 * [######### ] 7/12}. The line is cleared when the work is done, so the command's own output starts
 * on a clean line.
 *
 * <p>{@link #NONE} draws nothing; {@link #onTerminal} gives a bar only when stderr is a terminal (a
 * redirected stderr or a CI log gets no bar, hence no {@code \r}) and the user did not ask for
 * quiet. The bar is redrawn once per percent, so calling {@link #update} per item costs nothing
 * measurable. Thread-safe.
 */
public class Progress {

  /** Draws nothing. */
  public static final Progress NONE = new Progress(null);

  private static final int WIDTH = 30;

  private final PrintWriter err;
  private String lastLine = "";
  private String lastWhat = "";
  private int lastPercent = -1;

  private Progress(PrintWriter err) {
    this.err = err;
  }

  /**
   * A bar on {@code err} when stderr is a terminal, this is not a CI run ({@code CI=true}) and
   * {@code quiet} is false; otherwise {@link #NONE}.
   */
  public static Progress onTerminal(PrintWriter err, boolean quiet) {
    boolean show = !quiet && !"true".equalsIgnoreCase(System.getenv("CI")) && stderrIsTerminal();
    return show ? new Progress(err) : NONE;
  }

  /**
   * Whether stderr is a terminal. Java 17 has no isatty: {@code System.console()} says only that
   * stdin and stdout are, so on Linux the target of {@code /proc/self/fd/2} decides (a terminal is
   * {@code /dev/pts/N} or {@code /dev/ttyN}; a file or a pipe is not), which keeps {@code 2>log}
   * free of carriage returns. Elsewhere {@code System.console()} is the best test there is.
   */
  static boolean stderrIsTerminal() {
    if (System.console() == null) {
      return false;
    }
    Path fd = Path.of("/proc/self/fd/2");
    if (!Files.exists(fd, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    try {
      return isTerminalDevice(Files.readSymbolicLink(fd).toString());
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return true;
    }
  }

  static boolean isTerminalDevice(String target) {
    return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
  }

  /** A bar on {@code err} whatever the terminal (for tests of the drawing). */
  public static Progress always(PrintWriter err) {
    return new Progress(err);
  }

  /** Whether this draws anything. */
  public boolean enabled() {
    return err != null;
  }

  /** Shows {@code done} of {@code total} items of {@code what}. */
  public synchronized void update(String what, int done, int total) {
    if (err == null || total <= 0) {
      return;
    }
    int percent = (int) (100L * Math.min(done, total) / total);
    // One redraw per percent (and per change of label): a bar updated for every one of 100,000
    // files would cost more than the work it shows.
    if (percent == lastPercent && what.equals(lastWhat)) {
      return;
    }
    lastPercent = percent;
    lastWhat = what;
    int filled = (int) ((long) Math.min(done, total) * WIDTH / total);
    String line =
        "lockkit: "
            + what
            + " ["
            + "#".repeat(filled)
            + " ".repeat(WIDTH - filled)
            + "] "
            + done
            + "/"
            + total;
    if (line.equals(lastLine)) {
      return;
    }
    String pad = " ".repeat(Math.max(0, lastLine.length() - line.length()));
    err.print("\r" + line + pad);
    err.flush();
    lastLine = line;
  }

  /** Clears the bar (if one is drawn). */
  public synchronized void done() {
    if (err == null || lastLine.isEmpty()) {
      return;
    }
    err.print("\r" + " ".repeat(lastLine.length()) + "\r");
    err.flush();
    lastLine = "";
    lastWhat = "";
    lastPercent = -1;
  }
}
