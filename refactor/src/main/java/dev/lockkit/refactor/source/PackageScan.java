package dev.lockkit.refactor.source;

import java.util.Optional;

/**
 * The package a source file declares, read from its text without parsing the file: what comes
 * before a package declaration can only be whitespace, comments and the package's annotations
 * ({@code package-info.java}). The source roots javac's task is given must be known before javac
 * runs, and a JavaParser tree of every file only for its first line was the peak of a migration's
 * memory; a what-if indexes the files it does not parse by their package. Unicode escapes are not
 * decoded: a caller whose text has them decodes it first.
 */
public final class PackageScan {

  private final String text;
  private int at;

  private PackageScan(String text) {
    this.text = text;
  }

  /**
   * The package name ({@code com.example.util}, whitespace and comments inside dropped); empty when
   * the file has no package declaration or its start is not what the scan understands (then the
   * file's own directory is its root, as for a file that does not parse).
   */
  public static Optional<String> packageOf(String text) {
    return Optional.ofNullable(new PackageScan(text).scan());
  }

  private String scan() {
    if (text.startsWith("\uFEFF")) {
      at = 1;
    }
    while (true) {
      trivia();
      if (!peek('@') || keywordAt(at + 1, "interface")) {
        break;
      }
      at++;
      if (qualifiedName() == null) {
        return null;
      }
      trivia();
      if (peek('(') && !skipParenthesised()) {
        return null;
      }
    }
    if (!keywordAt(at, "package")) {
      return null;
    }
    at += "package".length();
    String name = qualifiedName();
    if (name == null) {
      return null;
    }
    trivia();
    return peek(';') ? name : null;
  }

  private boolean peek(char c) {
    return at < text.length() && text.charAt(at) == c;
  }

  private boolean keywordAt(int from, String word) {
    int end = from + word.length();
    return text.startsWith(word, from)
        && (end >= text.length() || !Character.isJavaIdentifierPart(text.charAt(end)));
  }

  /** Skips whitespace and comments (an unclosed block comment runs to the end). */
  private void trivia() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (Character.isWhitespace(c)) {
        at++;
      } else if (text.startsWith("//", at)) {
        // A line comment ends at \n, \r\n or a lone \r (JLS 3.4).
        at += 2;
        while (at < text.length() && text.charAt(at) != '\n' && text.charAt(at) != '\r') {
          at++;
        }
      } else if (text.startsWith("/*", at)) {
        int close = text.indexOf("*/", at + 2);
        at = close < 0 ? text.length() : close + 2;
      } else {
        return;
      }
    }
  }

  /** {@code a.b.c} with trivia around the dots; null if no identifier comes first. */
  private String qualifiedName() {
    StringBuilder name = new StringBuilder();
    while (true) {
      trivia();
      int start = at;
      if (at >= text.length() || !Character.isJavaIdentifierStart(text.charAt(at))) {
        return null;
      }
      while (at < text.length() && Character.isJavaIdentifierPart(text.charAt(at))) {
        at++;
      }
      name.append(text, start, at);
      int beforeDot = at;
      trivia();
      if (!peek('.')) {
        at = beforeDot;
        return name.toString();
      }
      at++;
      name.append('.');
    }
  }

  /**
   * Skips an annotation's arguments, {@code (...)} with nested parentheses, string, text block and
   * character literals and comments; false if they do not close.
   */
  private boolean skipParenthesised() {
    int depth = 0;
    while (at < text.length()) {
      trivia();
      if (at >= text.length()) {
        return false;
      }
      char c = text.charAt(at);
      if (c == '(') {
        depth++;
        at++;
      } else if (c == ')') {
        depth--;
        at++;
        if (depth == 0) {
          return true;
        }
      } else if (text.startsWith("\"\"\"", at)) {
        int close = text.indexOf("\"\"\"", at + 3);
        while (close > 0 && escaped(close)) {
          close = text.indexOf("\"\"\"", close + 1);
        }
        if (close < 0) {
          return false;
        }
        at = close + 3;
      } else if (c == '"' || c == '\'') {
        at++;
        while (at < text.length() && text.charAt(at) != c && text.charAt(at) != '\n') {
          at += text.charAt(at) == '\\' ? 2 : 1;
        }
        if (!peek(c)) {
          return false;
        }
        at++;
      } else {
        at++;
      }
    }
    return false;
  }

  /** True if the character at {@code i} follows an odd number of backslashes. */
  private boolean escaped(int i) {
    int n = 0;
    while (i - n - 1 >= 0 && text.charAt(i - n - 1) == '\\') {
      n++;
    }
    return n % 2 == 1;
  }
}
