package dev.lockkit.refactor.migrate.report;

/**
 * A small JSON writer with two-space indentation; callers emit fields in a fixed order so the
 * output depends only on the data. Strings are escaped per RFC 8259.
 */
final class JsonWriter {
  private final StringBuilder out = new StringBuilder();
  private int depth;
  private boolean first = true;
  private boolean afterName;

  JsonWriter begin(char open) {
    value();
    out.append(open);
    depth++;
    first = true;
    return this;
  }

  JsonWriter end(char close) {
    depth--;
    if (!first) {
      newline();
    }
    out.append(close);
    first = false;
    return this;
  }

  JsonWriter name(String name) {
    separator();
    string(name);
    out.append(": ");
    afterName = true;
    return this;
  }

  JsonWriter value(String s) {
    value();
    string(s);
    return this;
  }

  JsonWriter value(long n) {
    value();
    out.append(n);
    return this;
  }

  JsonWriter value(boolean b) {
    value();
    out.append(b);
    return this;
  }

  private void value() {
    if (afterName) {
      afterName = false;
      return;
    }
    separator();
  }

  private void separator() {
    if (depth > 0) {
      if (!first) {
        out.append(',');
      }
      newline();
    }
    first = false;
  }

  private void newline() {
    out.append('\n');
    out.append("  ".repeat(depth));
  }

  private void string(String s) {
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
    out.append('"');
  }

  @Override
  public String toString() {
    return out.toString() + "\n";
  }
}
