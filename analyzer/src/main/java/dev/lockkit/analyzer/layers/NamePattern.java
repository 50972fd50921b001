package dev.lockkit.analyzer.layers;

import java.util.regex.Pattern;

/**
 * A pattern over dotted names (packages, types) or module names.
 *
 * <p>Syntax: segments separated by {@code .}; a segment is a Java identifier or {@code *} (exactly
 * one segment). A final {@code .**} matches the name itself and everything below it ({@code a.b.**}
 * matches {@code a.b} and {@code a.b.c.d}); {@code **} alone matches every name. Nothing else is
 * allowed, so a typo such as {@code a..b} or {@code a.b*} is an error, not a pattern that silently
 * matches nothing.
 */
public final class NamePattern {

  private final String text;
  private final Pattern regex;

  private NamePattern(String text, Pattern regex) {
    this.text = text;
    this.regex = regex;
  }

  /**
   * Parses a pattern.
   *
   * @return the pattern
   * @throws IllegalArgumentException with a message naming the offending character (0-based offset
   *     in brackets at the start, e.g. {@code "[3] ..."}) when the text is not a pattern
   */
  public static NamePattern parse(String text) {
    if (text.equals("**")) {
      return new NamePattern(text, Pattern.compile(".*"));
    }
    String body = text;
    boolean subtree = false;
    if (body.endsWith(".**")) {
      body = body.substring(0, body.length() - 3);
      subtree = true;
    }
    if (body.isEmpty()) {
      throw new IllegalArgumentException("[0] empty pattern");
    }
    StringBuilder re = new StringBuilder();
    int offset = 0;
    for (String seg : body.split("\\.", -1)) {
      if (re.length() > 0) {
        re.append("\\.");
      }
      if (seg.equals("*")) {
        re.append("[^.]+");
      } else if (isIdentifier(seg)) {
        re.append(Pattern.quote(seg));
      } else {
        throw new IllegalArgumentException(
            "["
                + offset
                + "] '"
                + seg
                + "' is not a name segment (use Java identifiers, '*' for one segment,"
                + " a final '.**' for a whole subtree)");
      }
      offset += seg.length() + 1;
    }
    if (subtree) {
      re.append("(\\..+)?");
    }
    return new NamePattern(text, Pattern.compile(re.toString()));
  }

  private static boolean isIdentifier(String s) {
    if (s.isEmpty() || !Character.isJavaIdentifierStart(s.codePointAt(0))) {
      return false;
    }
    return s.codePoints().allMatch(Character::isJavaIdentifierPart);
  }

  public boolean matches(String name) {
    return regex.matcher(name).matches();
  }

  @Override
  public String toString() {
    return text;
  }
}
