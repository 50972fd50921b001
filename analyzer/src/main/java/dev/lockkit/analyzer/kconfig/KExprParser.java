package dev.lockkit.analyzer.kconfig;

import dev.lockkit.analyzer.pc.ExprSyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one Kconfig expression, with the grammar of the kernel's {@code scripts/kconfig/parser.y}:
 * {@code expr := expr '||' expr | expr '&&' expr | '!' expr | '(' expr ')' | symbol [op symbol]},
 * {@code op} one of {@code = != < <= > >=}, {@code &&} binding tighter than {@code ||}, {@code !}
 * tighter than both, comparisons only between two symbols or constants. A symbol is an unquoted
 * word of letters, digits, {@code _}, {@code -} and {@code .} (it may start with a digit: {@code
 * !64BIT}); a quoted {@code "y"}, {@code "m"} or {@code "n"} is the tristate constant, any other
 * quoted text a string constant (never a symbol).
 *
 * <p>Nesting of {@code !} and parentheses is limited to {@link #DEPTH_LIMIT}: the recursion would
 * otherwise overflow the stack on hostile input, and real Kconfig files nest a few levels at most.
 * Chains of {@code &&} and {@code ||} are read iteratively and may be of any length.
 */
final class KExprParser {
  /** How deep {@code !} and parentheses may nest. */
  static final int DEPTH_LIMIT = 200;

  /** Marker the macro expander leaves for an unknown result: {@code $?} followed by its number. */
  static final String UNKNOWN_MARK = "$?";

  private final String text;
  private int pos;
  private int depth;

  private KExprParser(String text) {
    this.text = text;
  }

  /** Parses {@code text} completely, or throws with the offset of the first problem. */
  static KExpr parse(String text) throws ExprSyntaxException {
    KExprParser p = new KExprParser(text);
    p.skipSpace();
    if (p.pos >= text.length()) {
      throw new ExprSyntaxException("empty expression", 0);
    }
    KExpr e = p.parseOr();
    p.skipSpace();
    if (p.pos < text.length()) {
      throw new ExprSyntaxException(
          "unexpected '" + text.charAt(p.pos) + "' after a complete expression", p.pos);
    }
    return e;
  }

  private KExpr parseOr() throws ExprSyntaxException {
    List<KExpr> ops = new ArrayList<>();
    ops.add(parseAnd());
    while (accept("||")) {
      ops.add(parseAnd());
    }
    return ops.size() == 1 ? ops.get(0) : new KExpr.Or(ops);
  }

  private KExpr parseAnd() throws ExprSyntaxException {
    List<KExpr> ops = new ArrayList<>();
    ops.add(parseUnary());
    while (accept("&&")) {
      ops.add(parseUnary());
    }
    return ops.size() == 1 ? ops.get(0) : new KExpr.And(ops);
  }

  private KExpr parseUnary() throws ExprSyntaxException {
    skipSpace();
    if (pos >= text.length()) {
      throw new ExprSyntaxException("expression ends where an operand was expected", pos);
    }
    char c = text.charAt(pos);
    if ((c == '!' && !text.startsWith("!=", pos)) || c == '(') {
      if (++depth > DEPTH_LIMIT) {
        throw new ExprSyntaxException(
            "expression nested too deep (limit " + DEPTH_LIMIT + ")", pos);
      }
      int open = pos++;
      KExpr inner;
      if (c == '!') {
        inner = new KExpr.Not(parseUnary());
      } else {
        inner = parseOr();
        if (!accept(")")) {
          throw new ExprSyntaxException(
              "missing ')' to close the '(' at offset " + open, Math.min(pos, text.length()));
        }
      }
      depth--;
      return inner;
    }
    KExpr left = operand();
    skipSpace();
    for (String op : new String[] {"!=", "<=", ">=", "=", "<", ">"}) {
      if (text.startsWith(op, pos)) {
        pos += op.length();
        skipSpace();
        return new KExpr.Cmp(op, left, operand());
      }
    }
    return left;
  }

  private KExpr operand() throws ExprSyntaxException {
    skipSpace();
    if (pos >= text.length()) {
      throw new ExprSyntaxException("expression ends where an operand was expected", pos);
    }
    int start = pos;
    char c = text.charAt(pos);
    if (c == '"' || c == '\'') {
      int end = text.indexOf(c, pos + 1);
      if (end < 0) {
        throw new ExprSyntaxException("unterminated string", pos);
      }
      String s = text.substring(pos + 1, end);
      pos = end + 1;
      return switch (s) {
        case "y" -> new KExpr.Const(2);
        case "m" -> new KExpr.Const(1);
        case "n" -> new KExpr.Const(0);
        default -> new KExpr.Str(s, start);
      };
    }
    if (text.startsWith(UNKNOWN_MARK, pos)) {
      pos += UNKNOWN_MARK.length();
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      return new KExpr.Unknown(
          Integer.parseInt(text.substring(start + UNKNOWN_MARK.length(), pos)));
    }
    while (pos < text.length() && isWordChar(text.charAt(pos))) {
      pos++;
    }
    if (pos == start) {
      throw new ExprSyntaxException("unexpected '" + c + "' where an operand was expected", pos);
    }
    String w = text.substring(start, pos);
    return switch (w) {
      case "y" -> new KExpr.Const(2);
      case "m" -> new KExpr.Const(1);
      case "n" -> new KExpr.Const(0);
      default -> new KExpr.Word(w, start);
    };
  }

  static boolean isWordChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.');
  }

  private boolean accept(String token) {
    skipSpace();
    if (text.startsWith(token, pos)) {
      pos += token.length();
      return true;
    }
    return false;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}
