package dev.lockkit.refactor.migrate.rewrite;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.lockkit.refactor.migrate.match.Unifier;
import java.util.function.Function;

/**
 * The negation an after template's {@code !p} writes when {@code p} is bound to code that negates
 * simply, as Refaster's inliner writes it: {@code !x} gives {@code x}, a comparison the opposite
 * comparison ({@code a < b} gives {@code a >= b}), {@code &&} and {@code ||} De Morgan's form of
 * the negated operands. Anything else (or code with a comment in it, which the new operator would
 * move) is left to the caller, which writes {@code !(code)}.
 */
final class Negation {

  private static final int UNARY =
      Precedence.level(
          new UnaryExpr(
              new com.github.javaparser.ast.expr.NameExpr("x"),
              UnaryExpr.Operator.LOGICAL_COMPLEMENT));

  private Negation() {}

  /** The negated text of {@code bound}, with its level of precedence, or null. */
  static Negated of(Expression bound, Function<Expression, String> text) {
    Expression e = unwrap(bound);
    if (!e.getAllContainedComments().isEmpty()) {
      return null;
    }
    if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      Expression inner = unwrap(u.getExpression()); // its parentheses are added back if needed
      return new Negated(text.apply(inner), Precedence.level(inner));
    }
    if (!(e instanceof BinaryExpr b)) {
      return null;
    }
    BinaryExpr.Operator op = Unifier.complement(b.getOperator());
    if (op == null) {
      return null;
    }
    BinaryExpr shape = new BinaryExpr(b.getLeft().clone(), b.getRight().clone(), op);
    int level = Precedence.level(shape);
    String left;
    String right;
    if (op == BinaryExpr.Operator.AND || op == BinaryExpr.Operator.OR) {
      left = operand(b.getLeft(), text, level, false);
      right = operand(b.getRight(), text, level, true);
      if (left == null || right == null) {
        return null;
      }
    } else {
      left = text.apply(b.getLeft());
      right = text.apply(b.getRight());
    }
    return new Negated(left + " " + op.asString() + " " + right, level);
  }

  /** A De Morgan operand: its negation, parenthesised below the operator's level, else null. */
  private static String operand(
      Expression x, Function<Expression, String> text, int level, boolean right) {
    Negated n = of(x, text);
    String t;
    int l;
    if (n != null) {
      t = n.text();
      l = n.level();
    } else {
      Expression u = unwrap(x);
      String inner = text.apply(u);
      t = "!" + (Precedence.level(u) < UNARY ? "(" + inner + ")" : inner);
      l = UNARY;
    }
    return l < level || (right && l == level) ? "(" + t + ")" : t;
  }

  private static Expression unwrap(Expression e) {
    while (e instanceof EnclosedExpr p) {
      e = p.getInner();
    }
    return e;
  }

  /** Negated code and its level of precedence ({@link Precedence#level}). */
  record Negated(String text, int level) {}
}
