package dev.lockkit.lockcore.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A parsed presence condition or Kconfig dependency: option names, {@code y}/{@code n}, {@code !},
 * {@code &&}, {@code ||} and parentheses, with Kconfig precedence ({@code !} binds tightest, then
 * {@code &&}, then {@code ||}).
 */
public abstract class ConfigExpr {

  /** The constant {@code y}. */
  public static final ConfigExpr TRUE = new Const(true);

  /** The constant {@code n}. */
  public static final ConfigExpr FALSE = new Const(false);

  ConfigExpr() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming the offending token and its column when the text is not
   *     a well-formed expression or names an unknown option
   */
  public static ConfigExpr parse(String text) {
    Parser p = new Parser(text);
    ConfigExpr e = p.or();
    p.skipSpace();
    if (p.pos != text.length()) {
      throw p.error("unexpected '" + text.charAt(p.pos) + "'");
    }
    return e;
  }

  /** Evaluates the expression with {@code enabled} telling which options are {@code y}. */
  public abstract boolean eval(Predicate<Option> enabled);

  /** Evaluates the expression in {@code config}. */
  public boolean eval(Config config) {
    return eval(config::isEnabled);
  }

  /** The top-level {@code &&} operands, in source order (the expression itself if it is no AND). */
  public List<ConfigExpr> conjuncts() {
    return List.of(this);
  }

  private static final class Const extends ConfigExpr {
    private final boolean value;

    Const(boolean value) {
      this.value = value;
    }

    @Override
    public boolean eval(Predicate<Option> enabled) {
      return value;
    }

    @Override
    public String toString() {
      return value ? "y" : "n";
    }
  }

  /** A single option. */
  public static final class Symbol extends ConfigExpr {
    private final Option option;

    Symbol(Option option) {
      this.option = option;
    }

    /** The option this symbol names. */
    public Option option() {
      return option;
    }

    @Override
    public boolean eval(Predicate<Option> enabled) {
      return enabled.test(option);
    }

    @Override
    public String toString() {
      return option.name();
    }
  }

  /** Negation. */
  public static final class Not extends ConfigExpr {
    private final ConfigExpr operand;

    Not(ConfigExpr operand) {
      this.operand = operand;
    }

    /** The negated expression. */
    public ConfigExpr operand() {
      return operand;
    }

    @Override
    public boolean eval(Predicate<Option> enabled) {
      return !operand.eval(enabled);
    }

    @Override
    public String toString() {
      return operand instanceof Binary ? "!(" + operand + ")" : "!" + operand;
    }
  }

  private static final class Binary extends ConfigExpr {
    private final boolean and;
    private final ConfigExpr left;
    private final ConfigExpr right;

    Binary(boolean and, ConfigExpr left, ConfigExpr right) {
      this.and = and;
      this.left = left;
      this.right = right;
    }

    @Override
    public boolean eval(Predicate<Option> enabled) {
      return and
          ? left.eval(enabled) && right.eval(enabled)
          : left.eval(enabled) || right.eval(enabled);
    }

    @Override
    public List<ConfigExpr> conjuncts() {
      if (!and) {
        return List.of(this);
      }
      List<ConfigExpr> out = new ArrayList<>(left.conjuncts());
      out.addAll(right.conjuncts());
      return out;
    }

    @Override
    public String toString() {
      String l =
          !and || !(left instanceof Binary) || ((Binary) left).and ? "" + left : "(" + left + ")";
      String r =
          !and || !(right instanceof Binary) || ((Binary) right).and
              ? "" + right
              : "(" + right + ")";
      return l + (and ? " && " : " || ") + r;
    }
  }

  /** Recursive-descent parser over the Kconfig expression subset. */
  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    ConfigExpr or() {
      ConfigExpr left = and();
      while (accept("||")) {
        left = new Binary(false, left, and());
      }
      return left;
    }

    ConfigExpr and() {
      ConfigExpr left = unary();
      while (accept("&&")) {
        left = new Binary(true, left, unary());
      }
      return left;
    }

    ConfigExpr unary() {
      if (accept("!")) {
        return new Not(unary());
      }
      if (accept("(")) {
        ConfigExpr inner = or();
        if (!accept(")")) {
          throw error("missing ')'");
        }
        return inner;
      }
      skipSpace();
      int start = pos;
      while (pos < text.length()
          && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
        pos++;
      }
      if (start == pos) {
        throw error(
            pos < text.length() ? "unexpected '" + text.charAt(pos) + "'" : "missing operand");
      }
      String name = text.substring(start, pos);
      if (name.equals("y")) {
        return TRUE;
      }
      if (name.equals("n")) {
        return FALSE;
      }
      try {
        return new Symbol(Option.valueOf(name));
      } catch (IllegalArgumentException e) {
        pos = start;
        throw error("unknown option '" + name + "'");
      }
    }

    boolean accept(String token) {
      skipSpace();
      if (text.startsWith(token, pos)) {
        pos += token.length();
        return true;
      }
      return false;
    }

    void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException(
          "bad config expression \"" + text + "\" at column " + (pos + 1) + ": " + what);
    }
  }
}
