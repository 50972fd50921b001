package dev.lockkit.golden.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * One line a target's {@link Operations.Reader} reads: its words (split at white space, comment
 * removed) with the column of each, the line number and the task it belongs to. A reader reports a
 * problem with {@link #error(int, String)}, which points at the word at fault: the parser turns it
 * into {@code file:line:column: message}.
 */
public final class OpLine {

  private final int number;
  private final int task;
  private final List<String> words;
  private final List<Integer> columns;

  private OpLine(int number, int task, List<String> words, List<Integer> columns) {
    this.number = number;
    this.task = task;
    this.words = List.copyOf(words);
    this.columns = List.copyOf(columns);
  }

  /**
   * The line {@code text} (comment already removed), number {@code number} (0: not from a file), of
   * task {@code task} ({@code -1} for a setup line).
   */
  public static OpLine of(int number, int task, String text) {
    List<String> words = new ArrayList<>();
    List<Integer> columns = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        words.add(text.substring(start, i));
        columns.add(start + 1);
      }
    }
    if (words.isEmpty()) {
      throw new IllegalArgumentException("an operation line needs at least one word");
    }
    return new OpLine(number, task, words, columns);
  }

  /** The 1-based line number in the scenario file; 0 for a scenario built in Java. */
  public int number() {
    return number;
  }

  /** The task ({@code T<task>}) whose operation this is; {@code -1} for a setup line. */
  public int task() {
    return task;
  }

  /** The first word: the operation's or setup directive's name. */
  public String name() {
    return words.get(0);
  }

  /** Every word, the name first. */
  public List<String> words() {
    return words;
  }

  /** The number of words, the name included. */
  public int size() {
    return words.size();
  }

  /** Word {@code i} (0 is the name). */
  public String word(int i) {
    return words.get(i);
  }

  /** The 1-based column of word {@code i} in the file's line. */
  public int column(int i) {
    return columns.get(Math.max(0, Math.min(i, columns.size() - 1)));
  }

  /** The words after the name. */
  public List<String> args() {
    return words.subList(1, words.size());
  }

  /** The line's words joined by one space. */
  public String text() {
    return String.join(" ", words);
  }

  /**
   * An error at word {@code i} (clamped to the line's words) saying {@code message}; throw it. Any
   * other {@link IllegalArgumentException} a reader throws is located at the line's first word.
   */
  public Error error(int i, String message) {
    return new Error(number, column(i), message);
  }

  /**
   * Throws "expected '{@code usage}'" unless the line has between {@code min} and {@code max}
   * words, the name included: at the first surplus word, or at the name when words are missing.
   */
  public void arity(int min, int max, String usage) {
    if (size() < min || size() > max) {
      throw error(size() > max ? max : 0, "expected '" + usage + "'");
    }
  }

  /** A reader's complaint about one word of a line: the message for users, and its column. */
  public static final class Error extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    Error(int line, int column, String message) {
      super(message);
      this.line = line;
      this.column = column;
    }

    /**
     * The line's number ({@link OpLine#number()}): a reader's {@code finish} may blame any line.
     */
    public int line() {
      return line;
    }

    /** The 1-based column of the word at fault. */
    public int column() {
      return column;
    }
  }
}
