package dev.lockkit.refactor.migrate.match;

import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.type.Type;
import dev.lockkit.refactor.migrate.resolve.Symbols;
import dev.lockkit.refactor.migrate.template.Ref;
import dev.lockkit.refactor.migrate.template.Template;

/**
 * The statement half of unification: a statement template's statements ({@code if}, {@code throw},
 * {@code return}, enhanced {@code for}, blocks, expression statements) matched in step with the
 * target's, local variable declarations, and written types (of declarations, casts, {@code
 * instanceof}, class literals), compared (or a type variable bound) by the types javac gives the
 * template's and the target's written types. Expressions are {@link Unifier}'s.
 */
abstract class StatementUnifier extends PlaceholderMethodUnifier {

  StatementUnifier(Template template, Bindings bindings, Symbols symbols) {
    super(template, bindings, symbols);
  }

  Mismatch stmt(Statement t, Statement x) {
    if (t instanceof ExpressionStmt te && x instanceof ExpressionStmt xe) {
      return first(matched(x), expr(te.getExpression(), xe.getExpression()));
    }
    if (t instanceof ReturnStmt tr && x instanceof ReturnStmt xr) {
      if (tr.getExpression().isPresent() != xr.getExpression().isPresent()) {
        return fail(x, "return statements differ");
      }
      matched(x);
      return tr.getExpression().isEmpty()
          ? null
          : expr(tr.getExpression().get(), xr.getExpression().get());
    }
    if (t instanceof ThrowStmt tt && x instanceof ThrowStmt xt) {
      return first(matched(x), expr(tt.getExpression(), xt.getExpression()));
    }
    if (t instanceof IfStmt ti && x instanceof IfStmt xi) {
      if (ti.getElseStmt().isPresent() != xi.getElseStmt().isPresent()) {
        return fail(x, "if statements differ in their else branch");
      }
      matched(x);
      Mismatch m = expr(ti.getCondition(), xi.getCondition());
      m = m != null ? m : stmt(ti.getThenStmt(), xi.getThenStmt());
      return m != null || ti.getElseStmt().isEmpty()
          ? m
          : stmt(ti.getElseStmt().get(), xi.getElseStmt().get());
    }
    if (t instanceof ForEachStmt tf && x instanceof ForEachStmt xf) {
      // The iterable first, so that its placeholder binds the element type before the loop
      // variable's declared type is compared; the variable binds like a template local.
      matched(x);
      Mismatch m = expr(tf.getIterable(), xf.getIterable());
      m = m != null ? m : declaration(tf.getVariable(), xf.getVariable());
      m = m != null ? m : stmt(tf.getBody(), xf.getBody());
      return m != null ? m : loopInvariant(xf);
    }
    if (t instanceof BlockStmt tb && x instanceof BlockStmt xb) {
      if (tb.getStatements().size() != xb.getStatements().size()) {
        return fail(x, "blocks have different numbers of statements");
      }
      matched(x);
      for (int i = 0; i < tb.getStatements().size(); i++) {
        Mismatch m = stmt(tb.getStatement(i), xb.getStatement(i));
        if (m != null) {
          return m;
        }
      }
      return null;
    }
    return fail(x, "expected a statement like '" + Describe.code(t) + "'");
  }

  /**
   * A loop template's after runs once what the loop ran per element ({@code for (E e : from)
   * to.add(e);} becomes {@code to.addAll(from)}), so the code a placeholder binds in the loop's
   * body must mean the same outside it, evaluated once: it may not use the loop variable ({@code
   * m.get(k).add(k)} would read another {@code k}, or none), nor call, assign, increment or create
   * anything (a {@code lists.get(i++)} per element would become one).
   */
  private static final java.util.Set<UnaryExpr.Operator> STEPS =
      java.util.EnumSet.of(
          UnaryExpr.Operator.PREFIX_INCREMENT,
          UnaryExpr.Operator.PREFIX_DECREMENT,
          UnaryExpr.Operator.POSTFIX_INCREMENT,
          UnaryExpr.Operator.POSTFIX_DECREMENT);

  private Mismatch loopInvariant(ForEachStmt loop) {
    String variable = loop.getVariable().getVariable(0).getNameAsString();
    for (Expression bound : bindings.boundExpressions()) {
      if (!loop.getBody().isAncestorOf(bound)) {
        continue;
      }
      boolean usesVariable =
          bound.findAll(NameExpr.class).stream()
              .anyMatch(n -> n.getNameAsString().equals(variable));
      if (usesVariable) {
        return fail(
            bound,
            "'"
                + Describe.code(bound)
                + "' uses the loop variable "
                + variable
                + ", which the rewrite takes out of the loop");
      }
      boolean effects =
          !bound.findAll(MethodCallExpr.class).isEmpty()
              || !bound.findAll(AssignExpr.class).isEmpty()
              || !bound.findAll(ObjectCreationExpr.class).isEmpty()
              || bound.findAll(UnaryExpr.class).stream()
                  .anyMatch(u -> STEPS.contains(u.getOperator()));
      if (effects) {
        return fail(
            bound,
            "'"
                + Describe.code(bound)
                + "' is evaluated once per element in the loop and would be evaluated once after"
                + " the rewrite");
      }
    }
    return null;
  }

  Mismatch declaration(VariableDeclarationExpr tv, VariableDeclarationExpr xv) {
    if (xv.getVariables().size() != 1) {
      return fail(xv, "declares several variables");
    }
    VariableDeclarator td = tv.getVariable(0);
    VariableDeclarator xd = xv.getVariable(0);
    Mismatch m = type(td.getType(), xd.getType());
    if (m != null) {
      return m;
    }
    if (td.getInitializer().isPresent() != xd.getInitializer().isPresent()) {
      return fail(xv, "initializer present in only one of template and code");
    }
    bindings.locals.put(td.getNameAsString(), xd.getNameAsString());
    matched(xv);
    return td.getInitializer().isEmpty()
        ? null
        : expr(td.getInitializer().get(), xd.getInitializer().get());
  }

  Mismatch type(Type t, Type x) {
    Ref ref = template.refs().get(t);
    String xs = symbols.typeOf(x);
    if (xs != null && ref != null && ref.kind() == Ref.Kind.TYPE_VARIABLE) {
      if (symbols.isRaw(x)) {
        return fail(x, "the raw type " + xs + " does not instantiate " + ref.owner());
      }
      String why = bindings.bind(ref.owner(), xs);
      return why == null ? null : fail(x, "type " + xs + why);
    }
    String ts = symbols.templateTypeOf(t);
    if (xs != null && ts != null) {
      return ts.equals(xs) ? null : fail(x, "expected type " + ts + ", found " + xs);
    }
    return unresolved(x, "javac gives it no type");
  }
}
