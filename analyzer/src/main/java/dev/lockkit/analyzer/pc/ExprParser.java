package dev.lockkit.analyzer.pc;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for condition expressions.
 *
 * <p>Grammar, loosest binding first: {@code or := and ('||' and)*}, {@code and := cmp ('&&' cmp)*},
 * {@code cmp := unary (('=' | '!=') unary)?} (Kconfig dialect only), {@code unary := '!' unary |
 * '(' or ')' | IDENT}. In the Kconfig dialect {@code y} and {@code n} (optionally quoted) are the
 * constants; in the {@code @IfConfig} dialect {@code true} and {@code false} are. Every symbol
 * occurrence is returned with its offset so that later checks (unknown symbol) can point at the
 * exact column inside an annotation string.
 */
public final class ExprParser {

  /** Which surface syntax to accept. */
  public enum Dialect {
    /** {@code @IfConfig("...")}: identifiers, {@code ! && || ( )}, {@code true}/{@code false}. */
    ANNOTATION,
    /** Kconfig: additionally {@code = !=} and the constants {@code y}/{@code n}. */
    KCONFIG
  }

  /** A symbol occurrence: its name and 0-based offset in the text. */
  public record SymbolUse(String name, int offset) {}

  /** The parsed formula and every symbol occurrence in source order. */
  public record Parsed(Expr expr, List<SymbolUse> uses) {
    public Parsed {
      uses = List.copyOf(uses);
    }
  }

  /**
   * How deeply {@code (} and {@code !} may nest. Why a limit: the parser and every later walk of
   * the formula recurse once per level, so thousands of levels would overflow the stack; real
   * conditions nest a handful of levels.
   */
  public static final int MAX_DEPTH = 200;

  private final String text;
  private final Dialect dialect;
  private final List<SymbolUse> uses = new ArrayList<>();
  private int pos;
  private int depth;

  private ExprParser(String text, Dialect dialect) {
    this.text = text;
    this.dialect = dialect;
  }

  /** Parses {@code text} completely or throws with the offset of the first error. */
  public static Parsed parse(String text, Dialect dialect) throws ExprSyntaxException {
    ExprParser p = new ExprParser(text, dialect);
    p.skipSpace();
    if (p.pos >= text.length()) {
      throw new ExprSyntaxException("empty condition", 0);
    }
    Expr e = p.parseOr();
    p.skipSpace();
    if (p.pos < text.length()) {
      throw new ExprSyntaxException(
          "unexpected '" + text.charAt(p.pos) + "' after a complete expression", p.pos);
    }
    return new Parsed(e, p.uses);
  }

  private Expr parseOr() throws ExprSyntaxException {
    List<Expr> ops = new ArrayList<>();
    ops.add(parseAnd());
    while (accept("||")) {
      ops.add(parseAnd());
    }
    return Expr.or(ops);
  }

  private Expr parseAnd() throws ExprSyntaxException {
    List<Expr> ops = new ArrayList<>();
    ops.add(parseCompare());
    while (accept("&&")) {
      ops.add(parseCompare());
    }
    return Expr.and(ops);
  }

  private Expr parseCompare() throws ExprSyntaxException {
    Expr left = parseUnary();
    if (dialect == Dialect.KCONFIG) {
      if (accept("!=")) {
        return Expr.not(Expr.iff(left, parseUnary()));
      }
      if (accept("=")) {
        return Expr.iff(left, parseUnary());
      }
    }
    return left;
  }

  private Expr parseUnary() throws ExprSyntaxException {
    skipSpace();
    if (pos >= text.length()) {
      throw new ExprSyntaxException("expression ends where an operand was expected", pos);
    }
    char c = text.charAt(pos);
    if (c == '!' && !text.startsWith("!=", pos)) {
      enter();
      pos++;
      Expr e = Expr.not(parseUnary());
      depth--;
      return e;
    }
    if (c == '(') {
      enter();
      int open = pos;
      pos++;
      Expr inner = parseOr();
      if (!accept(")")) {
        throw new ExprSyntaxException(
            "missing ')' to close the '(' at offset " + open, Math.min(pos, text.length()));
      }
      depth--;
      return inner;
    }
    if (dialect == Dialect.KCONFIG && c == '"') {
      int end = text.indexOf('"', pos + 1);
      if (end < 0) {
        throw new ExprSyntaxException("unterminated string", pos);
      }
      String word = text.substring(pos + 1, end);
      int start = pos;
      pos = end + 1;
      return word(word, start);
    }
    if (Character.isJavaIdentifierStart(c)) {
      int start = pos;
      while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
        pos++;
      }
      return word(text.substring(start, pos), start);
    }
    throw new ExprSyntaxException("unexpected '" + c + "' where an operand was expected", pos);
  }

  private void enter() throws ExprTooDeepException {
    if (++depth > MAX_DEPTH) {
      throw new ExprTooDeepException(pos);
    }
  }

  private Expr word(String w, int offset) throws ExprSyntaxException {
    if (dialect == Dialect.KCONFIG) {
      if (w.equals("y")) {
        return Expr.TRUE;
      }
      if (w.equals("n")) {
        return Expr.FALSE;
      }
      if (w.equals("m")) {
        throw new ExprSyntaxException("tristate value 'm' is not supported (bool only)", offset);
      }
    } else {
      if (w.equals("true")) {
        return Expr.TRUE;
      }
      if (w.equals("false")) {
        return Expr.FALSE;
      }
    }
    if (w.isEmpty()) {
      throw new ExprSyntaxException("empty symbol name", offset);
    }
    uses.add(new SymbolUse(w, offset));
    return Expr.sym(w);
  }

  private boolean accept(String token) {
    skipSpace();
    if (text.startsWith(token, pos)) {
      // '&' or '|' alone is a common typo; the caller reports it as unexpected.
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
