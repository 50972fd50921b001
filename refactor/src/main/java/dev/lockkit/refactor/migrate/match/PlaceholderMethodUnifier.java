package dev.lockkit.refactor.migrate.match;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.lockkit.refactor.migrate.resolve.Symbols;
import dev.lockkit.refactor.migrate.resolve.TypeFit;
import dev.lockkit.refactor.migrate.template.PlaceholderMethod;
import dev.lockkit.refactor.migrate.template.Template;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Binding a call of a {@code @Placeholder} method ({@link PlaceholderMethod}): the call {@code
 * f(v)} binds the target expression that stands in its place when that expression's type fits the
 * method's return type and it uses the template's local variables (the bound lambda parameters)
 * only inside code the call's arguments match. An argument without {@code @MayOptionallyUse} must
 * occur; without {@code allowsIdentity} the expression may not be just an argument. Bound twice, it
 * must be the same code. This is Refaster's {@code UPlaceholderExpression} for the forms Picnic
 * writes (arguments built from lambda parameters, checked when the template file is read).
 */
abstract class PlaceholderMethodUnifier extends PlaceholderUnifier {

  PlaceholderMethodUnifier(Template template, Bindings bindings, Symbols symbols) {
    super(template, bindings, symbols);
  }

  /** The structural walk of the subclass, used to find the arguments' occurrences. */
  abstract Mismatch expr(Expression t, Expression x);

  Mismatch placeholderMethod(MethodCallExpr t, Expression written, Expression x) {
    PlaceholderMethod p = template.placeholderMethods().get(t.getNameAsString());
    Set<Node> inArguments = Collections.newSetFromMap(new IdentityHashMap<>());
    List<List<Expression>> uses = new ArrayList<>();
    for (int i = 0; i < t.getArguments().size(); i++) {
      List<Expression> found = occurrences(t.getArgument(i), x);
      uses.add(found);
      if (found.isEmpty() && !p.mayOptionallyUse().get(i)) {
        return fail(
            x,
            "'"
                + Describe.code(x)
                + "' does not use "
                + t.getArgument(i)
                + " (placeholder "
                + p.name()
                + ")");
      }
      for (Expression f : found) {
        if (f == x && !p.allowsIdentity()) {
          return fail(x, "placeholder " + p.name() + " does not allow the identity");
        }
        inArguments.addAll(f.findAll(Node.class));
      }
    }
    Set<String> locals = Set.copyOf(bindings.locals.values());
    for (NameExpr n : x.findAll(NameExpr.class)) {
      if (locals.contains(n.getNameAsString()) && !inArguments.contains(n)) {
        return fail(
            n,
            "'"
                + Describe.code(x)
                + "' uses "
                + n
                + " other than through the arguments of placeholder "
                + p.name());
      }
    }
    String key = p.bindingKey();
    Expression bound = bindings.placeholders.get(key);
    if (bound != null) {
      return Describe.sameCode(unwrap(bound), x)
          ? null
          : fail(x, "placeholder " + p.name() + " is already bound to different code");
    }
    TypeFit fit = symbols.fit(x, p.declaration().getName());
    Mismatch m =
        fit != null
            ? javacFit(fit, x, p.declaration().getTypeAsString())
            : unresolved(x, "javac gives it no type");
    if (m != null) {
      return m;
    }
    bindings.placeholders.put(key, written);
    bindings.placeholderArguments.put(key, uses);
    depth++;
    return null;
  }

  /**
   * The subexpressions of {@code x} (outermost first, none inside another) that {@code arg} matches
   * with the bindings so far; the bindings are left as they were.
   */
  private List<Expression> occurrences(Expression arg, Expression x) {
    List<Expression> out = new ArrayList<>();
    Set<Node> covered = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Expression s : x.findAll(Expression.class)) {
      if (covered.contains(s)) {
        continue;
      }
      Bindings saved = bindings.copy();
      int savedDepth = depth;
      Mismatch m = expr(arg, s);
      bindings.adopt(saved);
      depth = savedDepth;
      if (m == null) {
        out.add(s);
        covered.addAll(s.findAll(Node.class));
      }
    }
    return out;
  }
}
