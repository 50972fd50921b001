package dev.lockkit.refactor.source;

/**
 * Java's Unicode escapes ({@code \u0066}, any number of {@code u}s), decoded as the compiler's
 * first translation step decodes them (JLS 3.3). JavaParser keeps them as written, so a name it
 * reports may be {@code \u0073ize} where javac reads {@code size}; the refactorings compare names
 * as javac reads them.
 */
public final class UnicodeEscapes {

  private UnicodeEscapes() {}

  /**
   * {@code text} with every Unicode escape decoded. A backslash is an escape's only when an even
   * number of backslashes stand before it ({@code \\u0066} is a backslash and {@code u0066}); an
   * escape that is not followed by four hexadecimal digits is left as written (javac rejects it).
   */
  public static String decode(String text) {
    int at = text.indexOf('\\');
    if (at < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    out.append(text, 0, at);
    int n = text.length();
    for (int i = at; i < n; ) {
      char c = text.charAt(i);
      if (c != '\\') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 < n && text.charAt(i + 1) == '\\') {
        out.append("\\\\"); // an escaped backslash: neither of the two starts an escape
        i += 2;
        continue;
      }
      int u = i + 1;
      while (u < n && text.charAt(u) == 'u') {
        u++;
      }
      if (u > i + 1 && u + 4 <= n && isHex(text, u)) {
        out.append((char) Integer.parseInt(text.substring(u, u + 4), 16));
        i = u + 4;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean isHex(String s, int from) {
    for (int k = from; k < from + 4; k++) {
      if (Character.digit(s.charAt(k), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
