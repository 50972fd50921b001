package dev.lockkit.refactor.migrate.template;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.resolution.types.ResolvedType;
import java.util.Optional;
import java.util.Set;

/**
 * The operand rule JavaParser's type calculation does not apply: arithmetic, shift, relational and
 * numeric unary operators take no {@code boolean} (JLS 15.15–15.20), except {@code +} with a {@code
 * String} operand, which concatenates. The solver types {@code s.isEmpty() + 1} without complaint,
 * so an after template built that way would be written into user code that javac refuses; this
 * finds such an operator in an after expression when the file is read.
 */
final class OperandCheck {

  private static final Set<BinaryExpr.Operator> NUMERIC =
      Set.of(
          BinaryExpr.Operator.PLUS,
          BinaryExpr.Operator.MINUS,
          BinaryExpr.Operator.MULTIPLY,
          BinaryExpr.Operator.DIVIDE,
          BinaryExpr.Operator.REMAINDER,
          BinaryExpr.Operator.LEFT_SHIFT,
          BinaryExpr.Operator.SIGNED_RIGHT_SHIFT,
          BinaryExpr.Operator.UNSIGNED_RIGHT_SHIFT,
          BinaryExpr.Operator.LESS,
          BinaryExpr.Operator.LESS_EQUALS,
          BinaryExpr.Operator.GREATER,
          BinaryExpr.Operator.GREATER_EQUALS);

  private static final Set<UnaryExpr.Operator> NUMERIC_UNARY =
      Set.of(
          UnaryExpr.Operator.PLUS,
          UnaryExpr.Operator.MINUS,
          UnaryExpr.Operator.BITWISE_COMPLEMENT,
          UnaryExpr.Operator.PREFIX_INCREMENT,
          UnaryExpr.Operator.PREFIX_DECREMENT,
          UnaryExpr.Operator.POSTFIX_INCREMENT,
          UnaryExpr.Operator.POSTFIX_DECREMENT);

  private OperandCheck() {}

  /** The first operator in {@code expression} applied to a boolean, described, or empty. */
  static Optional<String> booleanOperand(Expression expression) {
    for (BinaryExpr b : expression.findAll(BinaryExpr.class)) {
      if (!NUMERIC.contains(b.getOperator())) {
        continue;
      }
      boolean left = isBoolean(b.getLeft());
      boolean right = isBoolean(b.getRight());
      if (!left && !right) {
        continue;
      }
      // '+' concatenates when either side is a String: refused only when both types are known.
      if (b.getOperator() == BinaryExpr.Operator.PLUS
          && (typeOf(b.getLeft()) == null
              || typeOf(b.getRight()) == null
              || isString(b.getLeft())
              || isString(b.getRight()))) {
        continue;
      }
      return Optional.of(describe(b.getOperator().asString()));
    }
    for (UnaryExpr u : expression.findAll(UnaryExpr.class)) {
      if (NUMERIC_UNARY.contains(u.getOperator()) && isBoolean(u.getExpression())) {
        return Optional.of(describe(u.getOperator().asString()));
      }
    }
    return Optional.empty();
  }

  private static String describe(String operator) {
    return "operator " + operator + " cannot be applied to a boolean operand";
  }

  private static boolean isBoolean(Expression e) {
    ResolvedType t = typeOf(e);
    return t != null
        && ((t.isPrimitive() && t.asPrimitive().describe().equals("boolean"))
            || (t.isReferenceType()
                && t.asReferenceType().getQualifiedName().equals("java.lang.Boolean")));
  }

  private static boolean isString(Expression e) {
    ResolvedType t = typeOf(e);
    return t != null
        && t.isReferenceType()
        && t.asReferenceType().getQualifiedName().equals("java.lang.String");
  }

  // A type the solver cannot give is no evidence either way: that operand is left to the site.
  private static ResolvedType typeOf(Expression e) {
    try {
      return e.calculateResolvedType();
    } catch (RuntimeException | StackOverflowError unknown) {
      return null;
    }
  }
}
