package dev.lockkit.analyzer.baseline;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.io.OutputException;
import dev.lockkit.analyzer.io.OutputFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A set of known findings, identified by {@link Finding#baselineKey()} (rule and endpoints, never a
 * line number or a message), so a baseline survives edits elsewhere in a file.
 *
 * <p>File format: UTF-8, {@code \n} line ends, a fixed header comment, then one key per line in
 * sorted order without duplicates. Writing the same findings therefore gives the same bytes on
 * every run and every machine, and a diff of a baseline shows exactly which findings were fixed or
 * accepted. Lines starting with {@code #} and blank lines are ignored when reading.
 */
public final class Baseline {

  static final String HEADER =
      "# lockkit baseline v1: one finding key (rule|key) per line, sorted.\n"
          + "# Findings listed here are not reported; delete a line once its finding is fixed.\n";

  private final SortedSet<String> keys;

  private Baseline(SortedSet<String> keys) {
    this.keys = keys;
  }

  /** A baseline holding the keys of these findings. */
  public static Baseline of(Collection<Finding> findings) {
    SortedSet<String> keys = new TreeSet<>();
    for (Finding f : findings) {
      keys.add(f.baselineKey());
    }
    return new Baseline(keys);
  }

  /** A baseline holding these keys ({@code rule|key}), e.g. a subset of another baseline's. */
  public static Baseline ofKeys(Collection<String> keys) {
    return new Baseline(new TreeSet<>(keys));
  }

  /** An empty baseline. */
  public static Baseline empty() {
    return new Baseline(new TreeSet<>());
  }

  /**
   * Reads a baseline file. Every line that is not blank or a {@code #} comment must be a key as
   * {@link #write} writes it ({@code rule/id|key}); anything else — a JSON or SARIF report given by
   * mistake, say — is an error at that line, because silently treating it as keys would report
   * every finding as new (or, worse, hide none and pass for the wrong reason).
   *
   * @throws IOException when the file cannot be read or is not UTF-8
   * @throws FormatException when a line is not a baseline key
   */
  public static Baseline read(Path file) throws IOException, FormatException {
    SortedSet<String> keys = new TreeSet<>();
    int n = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      n++;
      // A byte-order mark (an editor's, on Windows) is not part of the first key.
      String t = (n == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line).strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      if (!KEY.matcher(t).matches()) {
        throw new FormatException(
            file
                + ":"
                + n
                + ": not a baseline line (expected rule|key, as --write-baseline writes it)"
                + (n == 1 && looksLikeJson(t) ? "; this looks like JSON" : ""));
      }
      keys.add(t);
    }
    return new Baseline(keys);
  }

  /**
   * A first line that opens a JSON object or array ({@code {}, {@code [{}, {@code ["}, {@code [1},
   * {@code []}), not a TOML or INI section header such as {@code [analyze]}.
   */
  private static boolean looksLikeJson(String first) {
    return first.startsWith("{") || first.matches("\\[\\s*([\\[{\"\\]0-9-].*)?");
  }

  /** A baseline key: a rule id ({@code cycle/package}) and the finding's key after a bar. */
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(/[a-z0-9-]+)+\\|.+");

  /** A file that is not a baseline; the message is {@code file:line: what}. */
  public static final class FormatException extends Exception {
    public FormatException(String message) {
      super(message);
    }
  }

  /** The file's bytes, as {@link #write} stores them. */
  public String text() {
    StringBuilder out = new StringBuilder(HEADER);
    for (String k : keys) {
      out.append(k).append('\n');
    }
    return out.toString();
  }

  /**
   * Writes the baseline (atomically, keeping the mode of a file it replaces; see {@link
   * OutputFiles}). To write it together with other files, add {@link #text()} to an {@link
   * OutputFiles} instead.
   */
  public void write(Path file) throws OutputException {
    OutputFiles.write(file, text());
  }

  public boolean contains(Finding f) {
    return keys.contains(f.baselineKey());
  }

  /** The findings this baseline does not list, in their original order. */
  public List<Finding> newFindings(List<Finding> findings) {
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings) {
      if (!contains(f)) {
        out.add(f);
      }
    }
    return out;
  }

  /** The keys, sorted. */
  public SortedSet<String> keys() {
    return java.util.Collections.unmodifiableSortedSet(keys);
  }
}
