package dev.lockkit.refactor.migrate.rewrite;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.UnaryExpr;

/**
 * Java operator precedence, to add parentheses exactly where substituted code needs them.
 *
 * <p>Levels follow JLS chapter 15, higher binding tighter: primary 16, postfix 15, prefix unary and
 * cast 14, multiplicative 13 down to {@code ||} 4, conditional 3, assignment 2, lambda and switch
 * expressions 1. A child needs parentheses when its level is below what its slot demands: a
 * receiver or array needs a primary; the right operand of a binary operator needs a strictly higher
 * level (so {@code a - (b - c)} keeps its meaning), the left one at least the operator's level.
 * Argument, initializer and statement slots need nothing.
 */
public final class Precedence {

  private static final int PRIMARY = 16;
  private static final int POSTFIX = 15;
  private static final int UNARY = 14;

  /** The level of {@code <}, {@code >}, {@code <=}, {@code >=} and {@code instanceof}. */
  public static final int RELATIONAL = 10;

  private static final int CONDITIONAL = 3;

  private Precedence() {}

  /** The precedence level of an expression's top operator. */
  public static int level(Expression e) {
    if (e instanceof UnaryExpr u) {
      return u.isPostfix() ? POSTFIX : UNARY;
    }
    if (e instanceof CastExpr) {
      return UNARY;
    }
    if (e instanceof BinaryExpr b) {
      return binary(b.getOperator());
    }
    if (e instanceof InstanceOfExpr
        || (e instanceof com.github.javaparser.ast.expr.MethodCallExpr m
            && dev.lockkit.refactor.migrate.template.RefResolver.isRefaster(m, "isInstance"))) {
      return RELATIONAL; // an after template's Refaster.<T>isInstance(x) is written 'x instanceof
      // T'
    }
    if (e instanceof ConditionalExpr) {
      return CONDITIONAL;
    }
    if (e instanceof AssignExpr) {
      return 2;
    }
    if (e instanceof LambdaExpr || e instanceof SwitchExpr) {
      return 1;
    }
    return PRIMARY;
  }

  private static int binary(BinaryExpr.Operator op) {
    return switch (op) {
      case MULTIPLY, DIVIDE, REMAINDER -> 13;
      case PLUS, MINUS -> 12;
      case LEFT_SHIFT, SIGNED_RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT -> 11;
      case LESS, GREATER, LESS_EQUALS, GREATER_EQUALS -> RELATIONAL;
      case EQUALS, NOT_EQUALS -> 9;
      case BINARY_AND -> 8;
      case XOR -> 7;
      case BINARY_OR -> 6;
      case AND -> 5;
      case OR -> 4;
    };
  }

  /**
   * True if an expression of level {@code childLevel} placed where {@code slot} is, under {@code
   * parent}, needs parentheses to keep its meaning.
   */
  public static boolean needsParentheses(int childLevel, Node parent, Node slot) {
    if (parent instanceof EnclosedExpr) {
      return false;
    }
    if ((parent instanceof MethodCallExpr m && m.getScope().orElse(null) == slot)
        || (parent instanceof FieldAccessExpr f && f.getScope() == slot)
        || (parent instanceof MethodReferenceExpr r && r.getScope() == slot)
        || (parent instanceof ArrayAccessExpr a && a.getName() == slot)) {
      return childLevel < PRIMARY;
    }
    if (parent instanceof UnaryExpr u) {
      return childLevel < (u.isPostfix() ? POSTFIX : UNARY);
    }
    if (parent instanceof CastExpr) {
      return childLevel < UNARY;
    }
    if (parent instanceof BinaryExpr b) {
      int p = binary(b.getOperator());
      return b.getLeft() == slot ? childLevel < p : childLevel <= p;
    }
    if (parent instanceof InstanceOfExpr) {
      return childLevel <= RELATIONAL;
    }
    if (parent instanceof ConditionalExpr c) {
      return c.getCondition() == slot ? childLevel <= CONDITIONAL : childLevel < CONDITIONAL;
    }
    if (parent instanceof AssignExpr a) {
      return a.getTarget() == slot && childLevel < PRIMARY;
    }
    return false;
  }
}
