package dev.lockkit.analyzer.kconfig;

import java.util.List;

/**
 * A Kconfig expression as written, before it is given a meaning: Kconfig evaluates expressions in
 * three-valued (tristate) logic, so they are kept in this form until {@link TristateEncoder} knows
 * every symbol's type and turns them into boolean formulas.
 */
sealed interface KExpr
    permits KExpr.Const,
        KExpr.Word,
        KExpr.Str,
        KExpr.Unknown,
        KExpr.Not,
        KExpr.And,
        KExpr.Or,
        KExpr.Cmp {

  /** The tristate constants {@code n}, {@code m} and {@code y}, as 0, 1 and 2. */
  record Const(int value) implements KExpr {}

  /**
   * An unquoted word: a symbol name (which may start with a digit, as {@code 64BIT} does) or a
   * number; which one is decided against the symbol table.
   *
   * @param offset where it starts in the expression text
   */
  record Word(String name, int offset) implements KExpr {}

  /** A quoted string other than {@code "y"}, {@code "m"} or {@code "n"}. */
  record Str(String text, int offset) implements KExpr {}

  /** The result of a macro that needs a toolchain ({@code $(shell,...)}): unknown, free. */
  record Unknown(int id) implements KExpr {}

  record Not(KExpr operand) implements KExpr {}

  record And(List<KExpr> operands) implements KExpr {}

  record Or(List<KExpr> operands) implements KExpr {}

  /** {@code left op right}, op one of {@code = != < <= > >=}. */
  record Cmp(String op, KExpr left, KExpr right) implements KExpr {}

  KExpr TRUE = new Const(2);
  KExpr FALSE = new Const(0);

  /** Conjunction; {@code y} operands dropped. */
  static KExpr and(List<KExpr> operands) {
    List<KExpr> ops = operands.stream().filter(e -> !e.equals(TRUE)).toList();
    return ops.isEmpty() ? TRUE : ops.size() == 1 ? ops.get(0) : new And(ops);
  }

  /** Every word of the expression, in source order. */
  default void words(List<Word> out) {
    if (this instanceof Word w) {
      out.add(w);
    } else if (this instanceof Not n) {
      n.operand().words(out);
    } else if (this instanceof And a) {
      a.operands().forEach(o -> o.words(out));
    } else if (this instanceof Or o) {
      o.operands().forEach(x -> x.words(out));
    } else if (this instanceof Cmp c) {
      c.left().words(out);
      c.right().words(out);
    }
  }
}
