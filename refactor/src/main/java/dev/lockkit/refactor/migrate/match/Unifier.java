package dev.lockkit.refactor.migrate.match;

import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.lockkit.refactor.migrate.resolve.Symbols;
import dev.lockkit.refactor.migrate.template.Ref;
import dev.lockkit.refactor.migrate.template.Template;
import java.util.List;
import java.util.Optional;

/**
 * Unifies one template body with one target site.
 *
 * <p>Implementation overview. Unification walks the template and the target in step, ignoring
 * parentheses on both sides (precedence is restored when rendering). Names are compared by what
 * they resolve to, never by spelling: a template method matches a call of the same declaration or
 * of an override of it ({@link Members}), as javac resolved the target (a target javac has no
 * answer for is unresolved); fields, constructors and types match by declaring type and name.
 * Placeholders are bound by {@link PlaceholderUnifier}, calls of {@code @Placeholder} methods by
 * {@link PlaceholderMethodUnifier}, statements and declared types by {@link StatementUnifier}; the
 * shared state and reasons are in {@link UnifierBase}. This class is the structural walk. The first
 * failure ends unification and is returned as a {@link Mismatch} whose depth counts the template
 * nodes matched so far, so the caller can report the nearest miss. Resolution failures in the
 * target are reported as unresolved, never as plain mismatches, so an unresolvable site is never
 * silently skipped.
 */
public final class Unifier extends StatementUnifier {

  private Unifier(Template template, Bindings bindings, Symbols symbols) {
    super(template, bindings, symbols);
  }

  /** Unifies an expression template's body with {@code target}; null on success. */
  static Mismatch expression(Template template, Expression target, Bindings into, Symbols symbols) {
    Unifier u = new Unifier(template, into, symbols);
    return template.negated()
        ? u.negated(template.expression(), target)
        : u.expr(template.expression(), target);
  }

  /** Unifies the negation of template expression {@code tRaw} with {@code xRaw}. */
  private Mismatch negated(Expression tRaw, Expression xRaw) {
    Expression t = unwrap(tRaw);
    Expression x = unwrap(xRaw);
    Ref ref = template.refs().get(t);
    if (ref != null && ref.kind() == Ref.Kind.ANY_OF) {
      // The negation of anyOf(a, b) is anyOf(!a, !b): 'length() > 0' for 'length() <= 0'.
      return anyOf((MethodCallExpr) t, xRaw, true);
    }
    if (t instanceof UnaryExpr tu && tu.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      return expr(tu.getExpression(), xRaw);
    }
    if (t instanceof BinaryExpr tb) {
      BinaryExpr.Operator op = tb.getOperator();
      BinaryExpr.Operator complement = complement(op);
      if (complement != null) {
        if (!(x instanceof BinaryExpr xb) || xb.getOperator() != complement) {
          return fail(x, "expected operator " + complement.asString());
        }
        matched(x);
        if (op == BinaryExpr.Operator.AND || op == BinaryExpr.Operator.OR) {
          Mismatch m = negated(tb.getLeft(), xb.getLeft());
          return m != null ? m : negated(tb.getRight(), xb.getRight());
        }
        Mismatch m = expr(tb.getLeft(), xb.getLeft());
        return m != null ? m : expr(tb.getRight(), xb.getRight());
      }
    }
    if (x instanceof UnaryExpr xu && xu.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      return first(matched(x), expr(tRaw, xu.getExpression()));
    }
    return fail(x, "expected the negation of '" + Describe.code(t) + "'");
  }

  /**
   * The operator of the negated comparison (De Morgan for {@code &&}/{@code ||}), or null; the
   * matcher and the after-template writer negate the same way.
   */
  public static BinaryExpr.Operator complement(BinaryExpr.Operator op) {
    return switch (op) {
      case EQUALS -> BinaryExpr.Operator.NOT_EQUALS;
      case NOT_EQUALS -> BinaryExpr.Operator.EQUALS;
      case LESS -> BinaryExpr.Operator.GREATER_EQUALS;
      case GREATER_EQUALS -> BinaryExpr.Operator.LESS;
      case GREATER -> BinaryExpr.Operator.LESS_EQUALS;
      case LESS_EQUALS -> BinaryExpr.Operator.GREATER;
      case AND -> BinaryExpr.Operator.OR;
      case OR -> BinaryExpr.Operator.AND;
      default -> null;
    };
  }

  /** Unifies a statement template's body with consecutive {@code targets}; null on success. */
  static Mismatch statements(
      Template template, List<Statement> targets, Bindings into, Symbols symbols) {
    Unifier u = new Unifier(template, into, symbols);
    List<Statement> ts = template.statements();
    for (int i = 0; i < ts.size(); i++) {
      Mismatch m = u.stmt(ts.get(i), targets.get(i));
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  @Override
  Mismatch expr(Expression tRaw, Expression xRaw) {
    Expression t = unwrap(tRaw);
    Expression x = unwrap(xRaw);
    Ref ref = template.refs().get(t);
    if (ref != null && ref.kind() == Ref.Kind.PLACEHOLDER) {
      return placeholder(ref.name(), xRaw, x);
    }
    if (ref != null && ref.kind() == Ref.Kind.PLACEHOLDER_METHOD) {
      return placeholderMethod((MethodCallExpr) t, xRaw, x);
    }
    if (ref != null && ref.kind() == Ref.Kind.LOCAL) {
      String bound = bindings.locals.get(ref.name());
      return bound != null && bound.equals(variableName(x))
          ? matched(x)
          : fail(x, "expected the variable bound to '" + ref.name() + "'");
    }
    if (ref != null && ref.kind() == Ref.Kind.ANY_OF) {
      return anyOf((MethodCallExpr) t, xRaw, false);
    }
    if (t instanceof MethodReferenceExpr tm) {
      return methodReference(tm, ref, x);
    }
    if (t instanceof LambdaExpr tl) {
      return lambda(tl, x);
    }
    if (ref != null && ref.kind() == Ref.Kind.CLASS_OF) {
      return x instanceof ClassExpr xc
          ? classOf((MethodCallExpr) t, ref, xc.getType(), x)
          : fail(x, "expected a class literal, found " + Describe.target(x, symbols));
    }
    if (ref != null && ref.kind() == Ref.Kind.INSTANCE_OF) {
      if (!(x instanceof InstanceOfExpr xi) || xi.getPattern().isPresent()) {
        return fail(x, "expected an instanceof, found " + Describe.target(x, symbols));
      }
      Mismatch m = classOf((MethodCallExpr) t, ref, xi.getType(), x);
      return m != null ? m : expr(((MethodCallExpr) t).getArgument(0), xi.getExpression());
    }
    if (ref != null && ref.kind() == Ref.Kind.METHOD) {
      return call((MethodCallExpr) t, ref, x);
    }
    if (ref != null && ref.kind() == Ref.Kind.FIELD) {
      return field(t, ref, x);
    }
    if (ref != null && ref.kind() == Ref.Kind.ARRAY_LENGTH) {
      // The scopes' unification types the target's scope: only an array has 'length' there.
      return x instanceof FieldAccessExpr xf && xf.getNameAsString().equals("length")
          ? first(matched(x), expr(((FieldAccessExpr) t).getScope(), xf.getScope()))
          : fail(x, "expected an array's length, found " + Describe.target(x, symbols));
    }
    if (t instanceof ObjectCreationExpr tc) {
      return creation(tc, ref, x);
    }
    if (t instanceof LiteralExpr) {
      // Compared as printed without comments: '/* parallel= */ false' is the literal false.
      return t.getClass() == x.getClass() && Describe.sameCode(t, x)
          ? matched(x)
          : fail(x, "expected the literal " + t + ", found " + Describe.target(x, symbols));
    }
    if (t instanceof BinaryExpr tb && x instanceof BinaryExpr xb) {
      if (tb.getOperator() != xb.getOperator()) {
        return fail(x, "expected operator " + tb.getOperator().asString());
      }
      matched(x);
      Mismatch m = expr(tb.getLeft(), xb.getLeft());
      return m != null ? m : expr(tb.getRight(), xb.getRight());
    }
    if (t instanceof UnaryExpr tu && x instanceof UnaryExpr xu) {
      return tu.getOperator() != xu.getOperator()
          ? fail(x, "expected operator " + tu.getOperator().asString())
          : first(matched(x), expr(tu.getExpression(), xu.getExpression()));
    }
    if (t instanceof ConditionalExpr tc && x instanceof ConditionalExpr xc) {
      matched(x);
      Mismatch m = expr(tc.getCondition(), xc.getCondition());
      m = m != null ? m : expr(tc.getThenExpr(), xc.getThenExpr());
      return m != null ? m : expr(tc.getElseExpr(), xc.getElseExpr());
    }
    if (t instanceof AssignExpr ta && x instanceof AssignExpr xa) {
      if (ta.getOperator() != xa.getOperator()) {
        return fail(x, "expected operator " + ta.getOperator().asString());
      }
      matched(x);
      Mismatch m = expr(ta.getTarget(), xa.getTarget());
      return m != null ? m : expr(ta.getValue(), xa.getValue());
    }
    if (t instanceof ArrayAccessExpr ta && x instanceof ArrayAccessExpr xa) {
      matched(x);
      Mismatch m = expr(ta.getName(), xa.getName());
      return m != null ? m : expr(ta.getIndex(), xa.getIndex());
    }
    if (t instanceof CastExpr tc && x instanceof CastExpr xc) {
      Mismatch m = type(tc.getType(), xc.getType());
      return m != null ? m : first(matched(x), expr(tc.getExpression(), xc.getExpression()));
    }
    if (t instanceof InstanceOfExpr ti && x instanceof InstanceOfExpr xi) {
      if (xi.getPattern().isPresent()) {
        return fail(x, "instanceof with a pattern");
      }
      Mismatch m = type(ti.getType(), xi.getType());
      return m != null ? m : first(matched(x), expr(ti.getExpression(), xi.getExpression()));
    }
    if (t instanceof ClassExpr tc && x instanceof ClassExpr xc) {
      return first(type(tc.getType(), xc.getType()), matched(x));
    }
    if (t instanceof ThisExpr && x instanceof ThisExpr) {
      return matched(x);
    }
    if (t instanceof VariableDeclarationExpr tv && x instanceof VariableDeclarationExpr xv) {
      return declaration(tv, xv);
    }
    return fail(x, "expected '" + Describe.code(t) + "', found " + Describe.target(x, symbols));
  }

  /**
   * {@code Refaster.<T>clazz()} or {@code isInstance}: the code's class literal or instanceof type
   * binds T, and is kept to be written by the after. A primitive or {@code void} has no instanceof
   * and a parameterized type no class literal, so neither converts to the other form.
   */
  private Mismatch classOf(MethodCallExpr t, Ref ref, Type xt, Expression x) {
    if (xt.isPrimitiveType()
        || xt.isVoidType()
        || !xt.findAll(ClassOrInterfaceType.class, c -> c.getTypeArguments().isPresent())
            .isEmpty()) {
      return fail(x, "the type " + xt + " has no class literal and instanceof form alike");
    }
    // Bound as the raw type a class literal or instanceof names ('Map.Entry' for Map.Entry.class),
    // which type()'s check for raw uses of a generic type would refuse.
    String xs = symbols.typeOf(xt);
    if (xs == null) {
      return unresolved(xt, "javac gives it no type");
    }
    String why = bindings.bind(ref.name(), xs);
    if (why != null) {
      return fail(x, "type " + xs + why);
    }
    bindings.typeTexts.putIfAbsent(ref.name(), xt);
    return matched(x);
  }

  private Mismatch anyOf(MethodCallExpr t, Expression xRaw, boolean negated) {
    Mismatch best = null;
    for (Expression alternative : t.getArguments()) {
      Bindings fork = bindings.copy();
      Unifier u = new Unifier(template, fork, symbols);
      u.depth = depth;
      Mismatch m = negated ? u.negated(alternative, xRaw) : u.expr(alternative, xRaw);
      if (m == null) {
        bindings.adopt(fork);
        depth = u.depth;
        return null;
      }
      if (best == null || m.depth() > best.depth()) {
        best = m;
      }
    }
    return best;
  }

  private Mismatch call(MethodCallExpr t, Ref ref, Expression x) {
    String repeated = repeatedLast(t);
    int fixed = repeated == null ? t.getArguments().size() : t.getArguments().size() - 1;
    if (!(x instanceof MethodCallExpr xc)
        || !xc.getNameAsString().equals(ref.name())
        || (repeated == null
            ? xc.getArguments().size() != fixed
            : xc.getArguments().size() < fixed)) {
      return fail(
          x, "expected a call of " + ref.display() + ", found " + Describe.target(x, symbols));
    }
    // On a Refaster.anyOf receiver the template's method is one alternative's (Set.isEmpty for
    // anyOf(map.keySet(), map.values())) or their common supertype's, so a method
    // the template's overrides is the same one there. The receiver's unification checks the rest.
    boolean anyOfReceiver =
        t.getScope()
            .map(sc -> template.refs().get(unwrap(sc)))
            .filter(r -> r.kind() == Ref.Kind.ANY_OF)
            .isPresent();
    String called = called(xc, ref, anyOfReceiver);
    if (called != null) {
      return called.startsWith("unresolved:")
          ? new Mismatch(xc, true, called, depth)
          : fail(xc, "calls " + called + ", not " + ref.display());
    }
    matched(xc);
    if (!ref.isStatic()) {
      if (xc.getScope().isEmpty()) {
        return fail(xc, "the receiver is an implicit 'this'; the template names it explicitly");
      }
      Mismatch m = receiver(t.getScope().get(), xc.getScope().get());
      if (m != null) {
        return m;
      }
    }
    for (int i = 0; i < fixed; i++) {
      Mismatch m = expr(t.getArgument(i), xc.getArgument(i));
      if (m != null) {
        return m;
      }
    }
    return repeated == null
        ? null
        : repeatedArguments(
            repeated, xc.getArguments().subList(fixed, xc.getArguments().size()), xc);
  }

  /**
   * A method reference matches a reference to the same method (or constructor), whatever the
   * spelling of its qualifier: the target's is resolved, and a placeholder qualifier binds.
   */
  private Mismatch methodReference(MethodReferenceExpr t, Ref ref, Expression x) {
    if (!(x instanceof MethodReferenceExpr xm) || !xm.getIdentifier().equals(t.getIdentifier())) {
      return fail(
          x, "expected the method reference " + t + ", found " + Describe.target(x, symbols));
    }
    if (ref != null && ref.kind() == Ref.Kind.CONSTRUCTOR) {
      return xm.getScope() instanceof TypeExpr xt && t.getScope() instanceof TypeExpr tt
          ? first(type(tt.getType(), xt.getType()), matched(x))
          : fail(x, "expected " + t);
    }
    String called = ref == null ? null : called(xm, ref);
    if (ref == null || called != null) {
      if (called != null && called.startsWith("unresolved:")) {
        return new Mismatch(xm, true, called, depth);
      }
      return fail(xm, "refers to " + (called == null ? "another method" : called) + ", not " + t);
    }
    matched(xm);
    Ref scope = template.refs().get(t.getScope());
    if (scope != null && (scope.kind() == Ref.Kind.PLACEHOLDER || scope.kind() == Ref.Kind.LOCAL)) {
      // A variable qualifier ('map::get'): JavaParser reads a simple name there as a type, on
      // both sides; it binds like any expression.
      return expr(t.getScope(), xm.getScope());
    }
    if (t.getScope() instanceof TypeExpr tt) {
      if (!(xm.getScope() instanceof TypeExpr xt)) {
        return fail(xm, "expected a type qualifier");
      }
      Ref variable = template.refs().get(tt.getType());
      // A type variable qualifier (T::compareTo) is bound to the target's qualifier type, as
      // any other use of T is.
      return variable != null && variable.kind() == Ref.Kind.TYPE_VARIABLE
          ? type(tt.getType(), xt.getType())
          : null;
    }
    return xm.getScope() instanceof TypeExpr
        ? fail(xm, "expected an expression qualifier")
        : expr(t.getScope(), xm.getScope());
  }

  /** A lambda matches one with as many parameters, its parameters bound like template locals. */
  private Mismatch lambda(LambdaExpr t, Expression x) {
    if (!(x instanceof LambdaExpr xl) || xl.getParameters().size() != t.getParameters().size()) {
      return fail(x, "expected a lambda like '" + Describe.code(t) + "'");
    }
    for (int i = 0; i < t.getParameters().size(); i++) {
      bindings.locals.put(
          t.getParameter(i).getNameAsString(), xl.getParameter(i).getNameAsString());
    }
    matched(x);
    return stmt(t.getBody(), xl.getBody());
  }

  /** A receiver mismatch says what the code reaches the member through: the report's reason. */
  private Mismatch receiver(Expression t, Expression x) {
    Mismatch m = expr(t, x);
    if (m == null || m.unresolved() || m.at() != unwrap(x)) {
      return m;
    }
    Ref ref = template.refs().get(unwrap(t));
    String wanted = ref == null ? "'" + Describe.code(t) + "'" : ref.display();
    return new Mismatch(
        m.at(), false, Describe.receiverReason(unwrap(x), wanted, m, symbols), m.depth());
  }

  private Mismatch field(Expression t, Ref ref, Expression x) {
    if (!(x instanceof FieldAccessExpr) && !(x instanceof NameExpr)) {
      return fail(x, "expected field " + ref.display() + ", found " + Describe.target(x, symbols));
    }
    Symbols.Answer a = symbols.field(x);
    if (a instanceof Symbols.Unresolved u) {
      return unresolved(x, u.problem());
    }
    if (!(a instanceof Symbols.Member m)) {
      return unresolved(x, NO_ANSWER);
    }
    Optional<String> owner = m.owner().isEmpty() ? Optional.empty() : Optional.of(m.owner());
    String name = m.name();
    if (owner.isEmpty() || !owner.get().equals(ref.owner()) || !name.equals(ref.name())) {
      return fail(x, "expected field " + ref.display() + ", found " + Describe.target(x, symbols));
    }
    matched(x);
    if (ref.isStatic()) {
      return null;
    }
    if (!(x instanceof FieldAccessExpr xf)) {
      return fail(x, "the field is reached through an implicit 'this'");
    }
    return receiver(((FieldAccessExpr) t).getScope(), xf.getScope());
  }

  private Mismatch creation(ObjectCreationExpr t, Ref ref, Expression x) {
    if (!(x instanceof ObjectCreationExpr xc)
        || xc.getAnonymousClassBody().isPresent()
        || xc.getArguments().size() != t.getArguments().size()) {
      return fail(x, "expected " + (ref == null ? "new" : ref.display()));
    }
    Mismatch m = type(t.getType(), xc.getType());
    if (m != null) {
      return m;
    }
    matched(x);
    for (int i = 0; i < t.getArguments().size(); i++) {
      m = expr(t.getArgument(i), xc.getArgument(i));
      if (m != null) {
        return m;
      }
    }
    return null;
  }
}
