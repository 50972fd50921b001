package dev.lockkit.refactor.source;

import java.util.HashSet;
import java.util.Set;

/**
 * The words of a Java source's text: runs of Java identifier characters, wherever they stand
 * (comments and strings included, keywords and parts of numbers too). A text scan, no parse: it
 * tells whether a file can name something, as a superset, and Unicode escapes are not decoded.
 */
public final class Words {

  private Words() {}

  /** Every word of {@code text}. */
  public static Set<String> of(String text) {
    Set<String> out = new HashSet<>();
    scan(
        text,
        (start, end) -> {
          out.add(text.substring(start, end));
          return false;
        });
    return out;
  }

  /** The offset of the first word of {@code text} that is one of {@code names}, or -1. */
  public static int firstOf(String text, Set<String> names) {
    int[] at = {-1};
    scan(
        text,
        (start, end) -> {
          if (names.contains(text.substring(start, end))) {
            at[0] = start;
            return true;
          }
          return false;
        });
    return at[0];
  }

  /** Calls {@code word} with each word's span until it returns true. */
  private static void scan(String text, Span word) {
    int n = text.length();
    for (int i = 0; i < n; ) {
      if (Character.isJavaIdentifierStart(text.charAt(i))) {
        int j = i + 1;
        while (j < n && Character.isJavaIdentifierPart(text.charAt(j))) {
          j++;
        }
        if (word.stop(i, j)) {
          return;
        }
        i = j;
      } else {
        i++;
      }
    }
  }

  @FunctionalInterface
  private interface Span {
    boolean stop(int start, int end);
  }
}
