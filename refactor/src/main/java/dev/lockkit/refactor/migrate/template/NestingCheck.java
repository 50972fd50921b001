package dev.lockkit.refactor.migrate.template;

/**
 * Refuses template text nested deeper than the recursive-descent parser and the tree walks after it
 * can take without overflowing the stack ({@code ((((...))))} or {@code !!!!...x} thousands deep):
 * a located one-line error instead of a {@link StackOverflowError}. Real templates nest a few
 * levels; the limit is far above that and far below what a default thread stack survives.
 */
final class NestingCheck {

  /** The deepest nesting of brackets, or the longest run of prefix operators, accepted. */
  static final int LIMIT = 300;

  private NestingCheck() {}

  /** The 1-based line where {@code text} first nests deeper than {@link #LIMIT}, or 0. */
  static int tooDeepAt(String text) {
    int depth = 0;
    int prefixRun = 0;
    int line = 1;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        continue;
      }
      if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        while (i + 1 < n && text.charAt(i + 1) != '\n') {
          i++;
        }
        continue;
      }
      if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        i += 2;
        while (i + 1 < n && !(text.charAt(i) == '*' && text.charAt(i + 1) == '/')) {
          if (text.charAt(i) == '\n') {
            line++;
          }
          i++;
        }
        i++;
        continue;
      }
      if (c == '"' || c == '\'') {
        i++;
        while (i < n && text.charAt(i) != c && text.charAt(i) != '\n') {
          if (text.charAt(i) == '\\') {
            i++;
          }
          i++;
        }
        continue;
      }
      if (Character.isWhitespace(c)) {
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      }
      prefixRun = (c == '!' || c == '~' || c == '-' || c == '+') ? prefixRun + 1 : 0;
      if (depth > LIMIT || prefixRun > LIMIT) {
        return line;
      }
    }
    return 0;
  }
}
