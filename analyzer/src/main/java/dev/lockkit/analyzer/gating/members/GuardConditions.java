package dev.lockkit.analyzer.gating.members;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import dev.lockkit.analyzer.pc.Expr;
import dev.lockkit.analyzer.pc.Guards;
import java.util.Optional;

/**
 * Translates Java conditions into presence conditions.
 *
 * <p>A guard may mix {@code isEnabled(X)} with ordinary run-time tests ({@code cfg.isEnabled(MMU)
 * && vma != null}). Such a test is opaque, so the translation is one-sided: {@link
 * #when(Expression, boolean) when(e, true)} is a formula implied by {@code e} being true and {@code
 * when(e, false)} one implied by {@code e} being false — opaque parts become {@code true}, negation
 * swaps the side, and De Morgan applies. Code in a branch therefore gets a condition that is sound
 * (never claims a branch exists where it does not) and exact whenever the guard is purely made of
 * {@code isEnabled} calls, which is also exactly what the variant materialiser folds.
 */
final class GuardConditions {
  private GuardConditions() {}

  /** The option an {@code isEnabled(X)} call tests, or empty if {@code e} is not such a call. */
  static Optional<String> option(Expression e) {
    if (e instanceof MethodCallExpr call
        && call.getNameAsString().equals(Guards.IS_ENABLED)
        && call.getArguments().size() == 1) {
      return Guards.optionOf(source(call.getArgument(0)));
    }
    return Optional.empty();
  }

  /**
   * The source text of a guard argument as {@link Expression#toString()} prints it. Why not just
   * call that: it runs JavaParser's pretty printer, and the walk asks for the option of every guard
   * several times — that printing was two thirds of the walk. Names, qualified names and string
   * literals, the only arguments that name an option, are rebuilt directly. ({@link
   * ReferenceResolver} uses it for type qualifiers, for the same reason.)
   */
  static String source(Expression arg) {
    if (arg instanceof NameExpr n) {
      return n.getNameAsString();
    }
    if (arg instanceof FieldAccessExpr f
        && (f.getScope() instanceof NameExpr || f.getScope() instanceof FieldAccessExpr)) {
      return source(f.getScope()) + "." + f.getNameAsString();
    }
    if (arg instanceof StringLiteralExpr lit) {
      return "\"" + lit.getValue() + "\"";
    }
    return arg.toString();
  }

  /** Whether {@code e} contains an {@code isEnabled(X)} guard anywhere. */
  static boolean hasGuard(Expression e) {
    return option(e).isPresent()
        || e.findFirst(MethodCallExpr.class, c -> option(c).isPresent()).isPresent();
  }

  /** A presence condition implied by {@code e} evaluating to {@code value}. */
  static Expr when(Expression e, boolean value) {
    if (e instanceof EnclosedExpr en) {
      return when(en.getInner(), value);
    }
    if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      return when(u.getExpression(), !value);
    }
    if (e instanceof BinaryExpr b) {
      if (b.getOperator() == BinaryExpr.Operator.AND) {
        Expr l = when(b.getLeft(), value);
        Expr r = when(b.getRight(), value);
        return value ? Expr.and(l, r) : Expr.or(l, r);
      }
      if (b.getOperator() == BinaryExpr.Operator.OR) {
        Expr l = when(b.getLeft(), value);
        Expr r = when(b.getRight(), value);
        return value ? Expr.or(l, r) : Expr.and(l, r);
      }
    }
    if (e instanceof BooleanLiteralExpr lit) {
      return lit.getValue() == value ? Expr.TRUE : Expr.FALSE;
    }
    Optional<String> opt = option(e);
    if (opt.isPresent()) {
      Expr s = Expr.sym(opt.get());
      return value ? s : Expr.not(s);
    }
    return Expr.TRUE;
  }

  /** Whether {@code s} never completes normally (return, throw, break, continue, or all arms). */
  static boolean exits(Statement s) {
    if (s instanceof ReturnStmt
        || s instanceof ThrowStmt
        || s instanceof BreakStmt
        || s instanceof ContinueStmt) {
      return true;
    }
    if (s instanceof BlockStmt b) {
      return !b.getStatements().isEmpty() && exits(b.getStatements().getLast().orElseThrow());
    }
    if (s instanceof IfStmt i) {
      return i.getElseStmt().isPresent() && exits(i.getThenStmt()) && exits(i.getElseStmt().get());
    }
    return false;
  }
}
