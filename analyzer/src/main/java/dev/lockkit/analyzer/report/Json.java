package dev.lockkit.analyzer.report;

/**
 * A minimal streaming JSON writer with two-space indentation. Reporters emit fields in a fixed
 * order, so the bytes depend only on the data. Strings are escaped per RFC 8259 (control characters
 * as {@code \\uXXXX}); non-ASCII characters are written as they are (the output is UTF-8).
 *
 * <p>Public because every lockkit report that prints JSON (the analyzer's reporters, {@code
 * migrate}'s report, {@code move}'s string literals) shares this one writer and its escaping.
 */
public final class Json {

  private final StringBuilder out = new StringBuilder();
  private int depth;
  private boolean first = true;
  private boolean afterName;

  public Json beginObject() {
    value();
    out.append('{');
    depth++;
    first = true;
    return this;
  }

  public Json endObject() {
    return close('}');
  }

  public Json beginArray() {
    value();
    out.append('[');
    depth++;
    first = true;
    return this;
  }

  public Json endArray() {
    return close(']');
  }

  private Json close(char c) {
    depth--;
    if (!first) {
      newline();
    }
    out.append(c);
    first = false;
    return this;
  }

  public Json name(String name) {
    separator();
    string(name);
    out.append(": ");
    afterName = true;
    return this;
  }

  public Json value(String s) {
    value();
    string(s);
    return this;
  }

  public Json value(long n) {
    value();
    out.append(n);
    return this;
  }

  public Json value(boolean b) {
    value();
    out.append(b);
    return this;
  }

  public Json field(String name, String value) {
    return name(name).value(value);
  }

  public Json field(String name, long value) {
    return name(name).value(value);
  }

  public Json field(String name, boolean value) {
    return name(name).value(value);
  }

  private void value() {
    if (afterName) {
      afterName = false;
      return;
    }
    separator();
  }

  private void separator() {
    if (depth == 0) {
      return;
    }
    if (!first) {
      out.append(',');
    }
    newline();
    first = false;
  }

  private void newline() {
    out.append('\n');
    for (int i = 0; i < depth; i++) {
      out.append("  ");
    }
  }

  private void string(String s) {
    quote(s, out);
  }

  /** {@code s} as a JSON string literal, quotes included. */
  public static String quote(String s) {
    return quote(s, new StringBuilder(s.length() + 2)).toString();
  }

  private static StringBuilder quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }

  @Override
  public String toString() {
    return out + "\n";
  }
}
