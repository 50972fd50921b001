package dev.lockkit.refactor.migrate.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The simple names of the top-level types a source file declares, read from its text without
 * parsing: for a file that javac does not attribute (not a {@link Candidates candidate}), whose
 * types the import plan must still know (a rewrite must not import a name that clashes with a type
 * of the file's package), and to tell whether javac finds the file on its source path by its name.
 *
 * <p>A character scanner: it skips comments and string, text block and character literals, tracks
 * braces, and at brace depth 0 takes the identifier after {@code class}, {@code interface}, {@code
 * enum} (or {@code @interface}) not preceded by a {@code .} ({@code Foo.class} in an annotation),
 * and after {@code record} when a {@code (} or {@code <} follows the name. Empty when the text has
 * something it does not follow (an unclosed comment or literal, unbalanced braces): the caller then
 * has javac read the file.
 */
final class TopLevelScan {

  private final String text;
  private int at;

  private TopLevelScan(String text) {
    this.text = text;
  }

  static Optional<List<String>> typesOf(String text) {
    return Optional.ofNullable(new TopLevelScan(text).scan());
  }

  private List<String> scan() {
    List<String> out = new ArrayList<>();
    int depth = 0;
    // The last significant token at depth 0 ('.', '@', or an identifier) and the pending keyword.
    char previous = ' ';
    String keyword = null;
    boolean record = false;
    String recordName = null;
    int n = text.length();
    while (at < n) {
      char c = text.charAt(at);
      if (Character.isWhitespace(c)) {
        at++;
      } else if (text.startsWith("//", at)) {
        while (at < n && text.charAt(at) != '\n' && text.charAt(at) != '\r') {
          at++;
        }
      } else if (text.startsWith("/*", at)) {
        int close = text.indexOf("*/", at + 2);
        if (close < 0) {
          return null;
        }
        at = close + 2;
      } else if (text.startsWith("\"\"\"", at)) {
        int close = text.indexOf("\"\"\"", at + 3);
        while (close > 0 && escaped(close)) {
          close = text.indexOf("\"\"\"", close + 1);
        }
        if (close < 0) {
          return null;
        }
        at = close + 3;
        previous = '"';
      } else if (c == '"' || c == '\'') {
        at++;
        while (at < n && text.charAt(at) != c && text.charAt(at) != '\n') {
          at += text.charAt(at) == '\\' ? 2 : 1;
        }
        if (at >= n || text.charAt(at) != c) {
          return null;
        }
        at++;
        previous = '"';
      } else if (Character.isJavaIdentifierStart(c)) {
        int start = at;
        while (at < n && Character.isJavaIdentifierPart(text.charAt(at))) {
          at++;
        }
        String word = text.substring(start, at);
        if (depth == 0) {
          if (keyword != null) {
            out.add(word);
            keyword = null;
          } else if (record) {
            recordName = word;
            record = false;
          } else if (previous != '.'
              && (word.equals("class") || word.equals("interface") || word.equals("enum"))) {
            keyword = word;
          } else if (previous != '.' && word.equals("record")) {
            record = true;
          } else {
            recordName = null;
          }
        }
        previous = 'a';
      } else {
        if (c == '{') {
          depth++;
        } else if (c == '}') {
          depth--;
          if (depth < 0) {
            return null;
          }
        }
        if (depth == 0 || (c == '{' && depth == 1)) {
          if (recordName != null && (c == '(' || c == '<')) {
            out.add(recordName);
          }
          recordName = null;
          record = false;
          keyword = null; // 'class' not followed by a name: not a declaration
        }
        previous = c;
        at++;
      }
    }
    return depth == 0 ? out : null;
  }

  /** True if the character at {@code i} follows an odd number of backslashes. */
  private boolean escaped(int i) {
    int k = 0;
    while (i - k - 1 >= 0 && text.charAt(i - k - 1) == '\\') {
      k++;
    }
    return k % 2 == 1;
  }
}
