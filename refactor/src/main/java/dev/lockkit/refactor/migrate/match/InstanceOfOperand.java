package dev.lockkit.refactor.migrate.match;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.lockkit.refactor.migrate.resolve.Symbols;
import dev.lockkit.refactor.migrate.template.Ref;
import dev.lockkit.refactor.migrate.template.Rule;
import java.util.Map;

/**
 * Whether an after template's {@code Refaster.<T>isInstance(x)}, written as {@code x instanceof T},
 * compiles at a site. {@code T.class.isInstance(x)} compiles for any {@code x}, but {@code x
 * instanceof T} only when {@code x}'s type can be cast to {@code T} ({@code Integer i; i instanceof
 * String} is an error). javac's cast test is not available once it has closed, so the rewrite is
 * made only where it holds by construction: the operand is typed {@code Object}, or {@code T}
 * itself. Elsewhere the site is left, with the reason.
 */
final class InstanceOfOperand {

  private InstanceOfOperand() {}

  static Mismatch check(Rule rule, Node site, Bindings bindings, Symbols symbols) {
    if (rule.after().isEmpty()) {
      return null;
    }
    for (Map.Entry<Node, Ref> e : rule.after().get().refs().entrySet()) {
      if (e.getValue().kind() != Ref.Kind.INSTANCE_OF
          || !(e.getKey() instanceof MethodCallExpr call)
          || call.getArguments().isEmpty()) {
        continue;
      }
      Expression operand = bindings.placeholder(call.getArgument(0).toString());
      String type = operand == null ? null : symbols.typeOf(operand);
      String target = bindings.typeVariables.get(e.getValue().name());
      if (type == null || !(type.equals("java.lang.Object") || type.equals(target))) {
        return new Mismatch(
            site,
            false,
            "'x instanceof "
                + (target == null ? e.getValue().name() : target)
                + "' compiles only where x's type casts to it; here x is "
                + (operand == null ? "a lambda parameter" : "'" + Describe.code(operand) + "'")
                + (type == null ? "" : " of type " + type),
            Integer.MAX_VALUE - 1);
      }
    }
    return null;
  }
}
