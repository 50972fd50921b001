package dev.lockkit.golden.scenario;

import java.util.Set;
import java.util.TreeSet;

/**
 * A configuration selector: {@code all}, or a boolean expression over option names with {@code !},
 * {@code &&}, {@code ||} and parentheses, as in Kconfig's {@code depends on}. It says on which
 * variants a scenario runs.
 */
public final class Selector {

  private interface Expr {
    boolean eval(Set<String> enabled);

    void symbols(Set<String> out);
  }

  private final String text;
  private final Expr expr;

  private Selector(String text, Expr expr) {
    this.text = text;
    this.expr = expr;
  }

  /** The selector that holds on every variant. */
  public static Selector all() {
    return new Selector(
        "all",
        new Expr() {
          @Override
          public boolean eval(Set<String> enabled) {
            return true;
          }

          @Override
          public void symbols(Set<String> out) {}
        });
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming the column and what was expected
   */
  public static Selector parse(String text) {
    String t = text.strip();
    if (t.equals("all")) {
      return all();
    }
    Parser p = new Parser(t);
    Expr e = p.or();
    p.skip();
    if (p.pos < t.length()) {
      throw new IllegalArgumentException(
          "unexpected '" + t.charAt(p.pos) + "' at column " + (p.pos + 1) + " of config selector");
    }
    return new Selector(t, e);
  }

  /** Whether the selector holds for a variant with exactly {@code enabled} options on. */
  public boolean matches(Set<String> enabled) {
    return expr.eval(enabled);
  }

  /** The option names the selector mentions, sorted. */
  public Set<String> symbols() {
    Set<String> out = new TreeSet<>();
    expr.symbols(out);
    return out;
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Selector s && s.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /**
   * How deeply '!' and parentheses may nest: deeper input is refused with a message instead of
   * overflowing the parser's (recursive) stack.
   */
  public static final int MAX_DEPTH = 256;

  private static final class Parser {
    private final String s;
    private int pos;
    private int depth;

    Parser(String s) {
      this.s = s;
    }

    void skip() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    boolean eat(String token) {
      skip();
      if (s.startsWith(token, pos)) {
        pos += token.length();
        return true;
      }
      return false;
    }

    Expr or() {
      Expr left = and();
      while (eat("||")) {
        Expr l = left;
        Expr r = and();
        left = binary(l, r, false);
      }
      return left;
    }

    Expr and() {
      Expr left = unary();
      while (eat("&&")) {
        Expr l = left;
        Expr r = unary();
        left = binary(l, r, true);
      }
      return left;
    }

    Expr unary() {
      if (depth >= MAX_DEPTH) {
        throw new IllegalArgumentException(
            "expression nested too deep (limit " + MAX_DEPTH + ") at column " + (pos + 1));
      }
      depth++;
      try {
        return nested();
      } finally {
        depth--;
      }
    }

    private Expr nested() {
      if (eat("!")) {
        Expr inner = unary();
        return new Expr() {
          @Override
          public boolean eval(Set<String> enabled) {
            return !inner.eval(enabled);
          }

          @Override
          public void symbols(Set<String> out) {
            inner.symbols(out);
          }
        };
      }
      if (eat("(")) {
        Expr inner = or();
        if (!eat(")")) {
          throw new IllegalArgumentException(
              "missing ')' at column " + (pos + 1) + " of config selector");
        }
        return inner;
      }
      skip();
      int start = pos;
      while (pos < s.length()
          && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
        pos++;
      }
      if (start == pos) {
        throw new IllegalArgumentException(
            (pos < s.length() ? "unexpected '" + s.charAt(pos) + "'" : "expression ends")
                + " at column "
                + (pos + 1)
                + " of config selector, expected an option name, '!' or '('");
      }
      String name = s.substring(start, pos);
      String symbol = name.startsWith("CONFIG_") ? name.substring(7) : name;
      return new Expr() {
        @Override
        public boolean eval(Set<String> enabled) {
          return enabled.contains(symbol);
        }

        @Override
        public void symbols(Set<String> out) {
          out.add(symbol);
        }
      };
    }

    private static Expr binary(Expr l, Expr r, boolean and) {
      return new Expr() {
        @Override
        public boolean eval(Set<String> enabled) {
          return and ? l.eval(enabled) && r.eval(enabled) : l.eval(enabled) || r.eval(enabled);
        }

        @Override
        public void symbols(Set<String> out) {
          l.symbols(out);
          r.symbols(out);
        }
      };
    }
  }
}
