package dev.lockkit.analyzer.source;

/**
 * A cheap pass over a Java file's text before JavaParser sees it, refusing the shapes on which the
 * parser (and the recursive walks after it) cost far more than the file's size: brackets nested
 * thousands deep, a field-access or call chain of thousands of segments, generics nested hundreds
 * deep, and very long lines. Measured on JavaParser 3.28 (see analyzer/README.md): a 40,000-deep
 * field-access chain took 25 CPU s, a 100,000-deep one 9 minutes, a 5 MB one-line file 2.4 GB. Real
 * code stays far below every limit; a file above one is reported at the offending position as an
 * {@code input/parse} error and not analysed, and the rest of the project is.
 *
 * <p>One linear pass; comments, string and character literals and text blocks are skipped, so their
 * content counts for nothing but line length.
 */
public final class NestingScan {
  /** Deepest nesting of {@code ( [ {} allowed. */
  public static final int MAX_BRACKETS = 500;

  /** Most {@code .} of one chain ({@code a.b().c.d()...}) allowed. */
  public static final int MAX_CHAIN = 1_000;

  /** Deepest nesting of {@code <} within one statement allowed (generics). */
  public static final int MAX_ANGLES = 100;

  /** Longest line allowed, in characters. */
  public static final int MAX_LINE = 100_000;

  private NestingScan() {}

  /** Where and why a file is refused; {@code line} and {@code column} are 1-based. */
  public record Refusal(int line, int column, String message) {}

  /** The first limit {@code text} exceeds, or null when it is within all of them. */
  public static Refusal check(String text) {
    int line = 1;
    int lineStart = 0;
    int brackets = 0;
    int chain = 0;
    int angles = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        if (i - lineStart > MAX_LINE) {
          return tooLong(line, i - lineStart);
        }
        line++;
        lineStart = i + 1;
        continue;
      }
      if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        int end = text.indexOf('\n', i);
        i = (end < 0 ? n : end) - 1;
        continue;
      }
      if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        int stop = end < 0 ? n : end + 2;
        for (int k = i; k < stop; k++) {
          if (text.charAt(k) == '\n') {
            if (k - lineStart > MAX_LINE) {
              return tooLong(line, k - lineStart);
            }
            line++;
            lineStart = k + 1;
          }
        }
        i = stop - 1;
        continue;
      }
      if (c == '"' || c == '\'') {
        boolean block = c == '"' && text.startsWith("\"\"\"", i);
        int k = i + (block ? 3 : 1);
        while (k < n) {
          char d = text.charAt(k);
          if (d == '\\') {
            k += 2;
            continue;
          }
          if (d == '\n') {
            if (!block) {
              break; // unterminated: the parser reports it
            }
            if (k - lineStart > MAX_LINE) {
              return tooLong(line, k - lineStart);
            }
            line++;
            lineStart = k + 1;
          }
          if (block ? text.startsWith("\"\"\"", k) : d == c) {
            k += block ? 3 : 1;
            break;
          }
          k++;
        }
        i = k - 1;
        chain = 0;
        continue;
      }
      switch (c) {
        case '(', '[', '{' -> {
          if (++brackets > MAX_BRACKETS) {
            return new Refusal(
                line, i - lineStart + 1, "nested too deep (limit " + MAX_BRACKETS + " brackets)");
          }
          if (c == '{') {
            angles = 0;
            chain = 0;
          }
        }
        case ')', ']', '}' -> {
          brackets = Math.max(0, brackets - 1);
          if (c == '}') {
            angles = 0;
            chain = 0;
          }
        }
        case '.' -> {
          if (++chain > MAX_CHAIN) {
            return new Refusal(
                line,
                i - lineStart + 1,
                "chain of field accesses or calls too long (limit " + MAX_CHAIN + ")");
          }
        }
        case '<' -> {
          if (++angles > MAX_ANGLES) {
            return new Refusal(
                line,
                i - lineStart + 1,
                "type arguments nested too deep (limit " + MAX_ANGLES + ")");
          }
        }
        case '>' -> angles = Math.max(0, angles - 1);
        case ';', ',', '=', '+', '-', '*', '/', '%', '&', '|', '?', ':', '!', '^', '~' -> {
          // A new operand starts: the chain so far is closed. (An operator also ends a run of
          // comparisons that are not type arguments.)
          chain = 0;
          if (c == ';') {
            angles = 0;
          }
        }
        default -> {}
      }
    }
    if (n - lineStart > MAX_LINE) {
      return tooLong(line, n - lineStart);
    }
    return null;
  }

  private static Refusal tooLong(int line, int length) {
    return new Refusal(
        line,
        MAX_LINE + 1,
        String.format("line is %,d characters long (limit %,d)", length, MAX_LINE));
  }
}
