package dev.lockkit.refactor.migrate.template;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.lockkit.refactor.migrate.resolve.TemplateSymbols;
import java.util.Optional;
import java.util.Set;

/**
 * The operand rule: arithmetic, shift, relational and numeric unary operators take no {@code
 * boolean} (JLS 15.15–15.20), except {@code +} with a {@code String} operand, which concatenates.
 * javac gives such an operation no type, so an after template built that way ({@code s.isEmpty() +
 * 1}) would be written into user code that javac refuses; this names the operator in an after
 * expression when the file is read, from javac's types of the operands.
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
  static Optional<String> booleanOperand(TemplateSymbols javac, Expression expression) {
    for (BinaryExpr b : expression.findAll(BinaryExpr.class)) {
      if (!NUMERIC.contains(b.getOperator())) {
        continue;
      }
      boolean left = JavacTypes.isBoolean(javac.typeOf(b.getLeft()));
      boolean right = JavacTypes.isBoolean(javac.typeOf(b.getRight()));
      if (!left && !right) {
        continue;
      }
      // '+' concatenates when either side is a String: refused only when both types are known.
      if (b.getOperator() == BinaryExpr.Operator.PLUS
          && (javac.typeOf(b.getLeft()) == null
              || javac.typeOf(b.getRight()) == null
              || JavacTypes.isClass(javac.typeOf(b.getLeft()), "java.lang.String")
              || JavacTypes.isClass(javac.typeOf(b.getRight()), "java.lang.String"))) {
        continue;
      }
      return Optional.of(describe(b.getOperator().asString()));
    }
    for (UnaryExpr u : expression.findAll(UnaryExpr.class)) {
      if (NUMERIC_UNARY.contains(u.getOperator())
          && JavacTypes.isBoolean(javac.typeOf(u.getExpression()))) {
        return Optional.of(describe(u.getOperator().asString()));
      }
    }
    return Optional.empty();
  }

  private static String describe(String operator) {
    return "operator " + operator + " cannot be applied to a boolean operand";
  }
}
