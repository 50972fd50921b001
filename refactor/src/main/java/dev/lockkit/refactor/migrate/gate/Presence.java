package dev.lockkit.refactor.migrate.gate;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.IfStmt;
import dev.lockkit.analyzer.pc.Expr;
import dev.lockkit.analyzer.pc.ExprParser;
import dev.lockkit.analyzer.pc.ExprSyntaxException;
import dev.lockkit.analyzer.pc.Guards;
import dev.lockkit.refactor.migrate.ifconfig.IfConfigAnnotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The presence condition of a piece of code: where it exists, as the analyzer defines it.
 *
 * <p>Implementation overview. Walking up from the node: an {@code @IfConfig("expr")} on an
 * enclosing declaration contributes {@code expr}; being in the then branch of {@code if (g)} (or of
 * {@code g ? a : b}, or right of {@code g && ...}) contributes what {@code g} implies, the else
 * branch what {@code !g} implies. A guard is read as a pair (implied when true, implied when
 * false): {@code isEnabled(X)} gives {@code (X, !X)}, {@code !} swaps, {@code &&} and {@code ||}
 * combine soundly, and any other condition gives {@code (true, true)} — it implies nothing, so the
 * site is assumed to exist in more configurations, never fewer. Over-approximating where a site
 * exists can only make the gating check refuse more rewrites, never accept a wrong one.
 */
public final class Presence {

  private Presence() {}

  private record Guard(Expr whenTrue, Expr whenFalse) {}

  /**
   * The condition under which {@code n} exists; throws for an {@code @IfConfig} that is invalid.
   */
  public static Expr of(Node n) throws ExprSyntaxException {
    List<Expr> parts = new ArrayList<>();
    Node child = n;
    Optional<Node> cur = n.getParentNode();
    if (n instanceof BodyDeclaration<?> b) {
      addAnnotations(b, parts);
    }
    while (cur.isPresent()) {
      Node p = cur.get();
      if (p instanceof BodyDeclaration<?> b) {
        addAnnotations(b, parts);
      } else if (p instanceof IfStmt s && s.getCondition() != child) {
        Guard g = guard(s.getCondition());
        parts.add(s.getThenStmt() == child ? g.whenTrue() : g.whenFalse());
      } else if (p instanceof ConditionalExpr c && c.getCondition() != child) {
        Guard g = guard(c.getCondition());
        parts.add(c.getThenExpr() == child ? g.whenTrue() : g.whenFalse());
      } else if (p instanceof BinaryExpr b && b.getRight() == child) {
        if (b.getOperator() == BinaryExpr.Operator.AND) {
          parts.add(guard(b.getLeft()).whenTrue());
        } else if (b.getOperator() == BinaryExpr.Operator.OR) {
          parts.add(guard(b.getLeft()).whenFalse());
        }
      }
      child = p;
      cur = p.getParentNode();
    }
    return Expr.and(parts);
  }

  private static void addAnnotations(BodyDeclaration<?> b, List<Expr> parts)
      throws ExprSyntaxException {
    for (AnnotationExpr a : b.getAnnotations()) {
      if (IfConfigAnnotation.is(a)) {
        Optional<String> v = IfConfigAnnotation.value(a);
        if (v.isPresent()) {
          parts.add(parse(v.get()));
        }
      }
    }
  }

  /** Parses an {@code @IfConfig} expression. */
  public static Expr parse(String condition) throws ExprSyntaxException {
    return ExprParser.parse(condition, ExprParser.Dialect.ANNOTATION).expr();
  }

  private static Guard guard(Expression e) {
    if (e.isEnclosedExpr()) {
      return guard(e.asEnclosedExpr().getInner());
    }
    if (e instanceof MethodCallExpr m
        && m.getNameAsString().equals(Guards.IS_ENABLED)
        && m.getArguments().size() == 1) {
      Optional<String> option = Guards.optionOf(m.getArgument(0).toString());
      if (option.isPresent()) {
        Expr x = Expr.sym(option.get());
        return new Guard(x, Expr.not(x));
      }
    }
    if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      Guard g = guard(u.getExpression());
      return new Guard(g.whenFalse(), g.whenTrue());
    }
    if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.AND) {
      Guard l = guard(b.getLeft());
      Guard r = guard(b.getRight());
      return new Guard(Expr.and(l.whenTrue(), r.whenTrue()), Expr.or(l.whenFalse(), r.whenFalse()));
    }
    if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.OR) {
      Guard l = guard(b.getLeft());
      Guard r = guard(b.getRight());
      return new Guard(Expr.or(l.whenTrue(), r.whenTrue()), Expr.and(l.whenFalse(), r.whenFalse()));
    }
    return new Guard(Expr.TRUE, Expr.TRUE);
  }
}
