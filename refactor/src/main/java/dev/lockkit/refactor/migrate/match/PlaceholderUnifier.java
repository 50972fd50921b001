package dev.lockkit.refactor.migrate.match;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.lockkit.refactor.migrate.resolve.Symbols;
import dev.lockkit.refactor.migrate.resolve.TypeFit;
import dev.lockkit.refactor.migrate.template.Ref;
import dev.lockkit.refactor.migrate.template.Template;
import java.util.List;

/**
 * Binding placeholders: a placeholder binds an expression whose type, as javac gives it where the
 * expression stands, fits the placeholder's declared type ({@link TypeFit}, decided in the javac
 * task that attributed the template and the code; the rule's type variables bound on the way), and
 * that satisfies its {@code @Matches}/{@code @NotMatches} conditions ({@link Conditions}); bound
 * twice, it must be the same code. A {@code @Repeated} placeholder binds the trailing arguments of
 * a varargs call, each checked the same way. A lambda or method reference is typed by its position
 * in a call the template matched.
 */
abstract class PlaceholderUnifier extends UnifierBase {

  PlaceholderUnifier(Template template, Bindings bindings, Symbols symbols) {
    super(template, bindings, symbols);
  }

  Mismatch placeholder(String name, Expression written, Expression x) {
    Expression bound = bindings.placeholders.get(name);
    if (bound != null) {
      return Describe.sameCode(unwrap(bound), x)
          ? null
          : fail(x, "placeholder '" + name + "' is already bound to different code");
    }
    if (!typedByPosition(x)) {
      Mismatch m = placeholderType(name, x);
      if (m != null) {
        return m;
      }
    }
    for (Template.Condition c : template.conditions().getOrDefault(name, List.of())) {
      if (!conditions.holds(c, x)) {
        return fail(
            x,
            "'"
                + Describe.code(x)
                + "' does not satisfy @"
                + (c.negated() ? "NotMatches(" : "Matches(")
                + c.matcher()
                + ".class) of placeholder '"
                + name
                + "'");
      }
    }
    bindings.placeholders.put(name, written);
    depth++;
    return null;
  }

  /**
   * A lambda or method reference has no type of its own: javac types it by its target, the
   * parameter of the call it is an argument of. When that call is one the template's structure
   * matched (its method checked), the argument is typed by that position, as the template's
   * placeholder there is; it has no type standalone.
   */
  boolean typedByPosition(Expression x) {
    if (!(x instanceof LambdaExpr) && !(x instanceof MethodReferenceExpr)) {
      return false;
    }
    Node parent = x.getParentNode().orElse(null);
    while (parent instanceof com.github.javaparser.ast.expr.EnclosedExpr) {
      parent = parent.getParentNode().orElse(null);
    }
    Node call = parent;
    return (call instanceof MethodCallExpr || call instanceof ObjectCreationExpr)
        && bindings.consumed.stream().anyMatch(n -> n == call);
  }

  /** Null when the static type of {@code x} fits placeholder {@code name}'s (binding its types). */
  Mismatch placeholderType(String name, Expression x) {
    // javac's answer first: the type it gives x where x stands (a poly expression has its
    // target's type), compared with the placeholder's declared type in the same javac task.
    com.github.javaparser.ast.body.Parameter p =
        template.method().getParameterByName(name).orElse(null);
    TypeFit fit = p == null ? null : symbols.fit(x, p.getName());
    if (fit == null) {
      return unresolved(x, "javac gives it no type");
    }
    return javacFit(fit, x, p.getTypeAsString());
  }

  /** Null when javac's {@code fit} of {@code x} holds with the bindings so far (binding more). */
  Mismatch javacFit(TypeFit fit, Expression x, String wanted) {
    String why = fit instanceof TypeFit.NoFit no ? no.why() : bindings.bind((TypeFit.Fits) fit);
    return why == null
        ? null
        : fail(
            x,
            "'"
                + Describe.code(x)
                + "' has type "
                + symbols.typeOf(x)
                + ", not assignable to "
                + wanted
                + why);
  }

  /** The {@code @Repeated} placeholder that is the call's last argument, or null. */
  String repeatedLast(MethodCallExpr t) {
    if (t.getArguments().isEmpty()) {
      return null;
    }
    Expression last = unwrap(t.getArgument(t.getArguments().size() - 1));
    Ref ref = template.refs().get(last);
    return ref != null
            && ref.kind() == Ref.Kind.PLACEHOLDER
            && template.repeated().contains(ref.name())
        ? ref.name()
        : null;
  }

  /**
   * Binds a {@code @Repeated} placeholder to the trailing arguments of a varargs call (zero or
   * more), each of which must fit the placeholder's type and conditions; bound twice, the arguments
   * must be the same code.
   */
  Mismatch repeatedArguments(String name, List<Expression> args, Expression call) {
    List<Expression> bound = bindings.repeated.get(name);
    if (bound != null) {
      if (bound.size() != args.size()) {
        return fail(call, "placeholder '" + name + "' is already bound to different arguments");
      }
      for (int i = 0; i < args.size(); i++) {
        if (!Describe.sameCode(unwrap(bound.get(i)), unwrap(args.get(i)))) {
          return fail(args.get(i), "placeholder '" + name + "' is already bound to different code");
        }
      }
      return null;
    }
    for (Expression a : args) {
      Expression x = unwrap(a);
      if (!typedByPosition(x)) {
        Mismatch m = placeholderType(name, x);
        if (m != null) {
          return m;
        }
      }
      for (Template.Condition c : template.conditions().getOrDefault(name, List.of())) {
        if (!conditions.holds(c, x)) {
          return fail(x, "'" + Describe.code(x) + "' does not satisfy the condition of " + name);
        }
      }
    }
    bindings.repeated.put(name, new java.util.ArrayList<>(args));
    depth++;
    return null;
  }
}
