package dev.lockkit.refactor.migrate.match;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import dev.lockkit.refactor.migrate.resolve.Symbols;
import dev.lockkit.refactor.migrate.template.Ref;
import dev.lockkit.refactor.migrate.template.Template;

/**
 * The state of one unification ({@link Unifier}) and what every part of it shares: the template,
 * the bindings so far, the depth reached (for the nearest miss), the mismatch and unresolved
 * reasons, and the question which method a call or method reference denotes (javac's answer where
 * it attributed the code; a node it has no answer for is unresolved; compared by {@link Members}).
 */
abstract class UnifierBase {

  final Template template;
  final Bindings bindings;
  final Symbols symbols;
  final Conditions conditions;
  int depth;

  UnifierBase(Template template, Bindings bindings, Symbols symbols) {
    this.template = template;
    this.bindings = bindings;
    this.symbols = symbols;
    this.conditions = new Conditions(symbols);
  }

  Mismatch fail(Node at, String reason) {
    return new Mismatch(at, false, reason, depth);
  }

  Mismatch unresolved(Node at, RuntimeException e) {
    return unresolved(at, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }

  Mismatch unresolved(Node at, String m) {
    return new Mismatch(
        at,
        true,
        "unresolved: cannot resolve '"
            + Describe.code(at)
            + "' ("
            + m.lines().findFirst().orElse(m)
            + (dev.lockkit.refactor.javac.Attribution.classPathMayHelp(m)
                ? "); pass its library with --classpath"
                : ")"),
        depth);
  }

  /** Why a node javac has no tree for (a body it did not attribute) is unresolved. */
  static final String NO_ANSWER = "javac has no answer for it";

  Mismatch matched(Node target) {
    depth++;
    bindings.consumed.add(target);
    return null;
  }

  static Mismatch first(Mismatch a, Mismatch b) {
    return a != null ? a : b;
  }

  /**
   * The variable a simple name denotes, also where JavaParser reads it as a type (the qualifier of
   * {@code v::m}); null for anything else.
   */
  static String variableName(Expression x) {
    if (x instanceof com.github.javaparser.ast.expr.NameExpr n) {
      return n.getNameAsString();
    }
    if (x instanceof com.github.javaparser.ast.expr.TypeExpr te
        && te.getType() instanceof com.github.javaparser.ast.type.ClassOrInterfaceType ct
        && ct.getScope().isEmpty()
        && ct.getTypeArguments().isEmpty()) {
      return ct.getNameAsString();
    }
    return null;
  }

  static Expression unwrap(Expression e) {
    while (e.isEnclosedExpr()) {
      e = e.asEnclosedExpr().getInner();
    }
    return e;
  }

  /**
   * Null when the call or method reference {@code x} denotes {@code ref}'s method (or an override
   * of it); else the qualified name of the method it denotes, or an {@code unresolved:} reason.
   * javac decides; a node javac has no answer for is unresolved.
   */
  String called(Expression x, Ref ref) {
    return called(x, ref, false);
  }

  /** As above; {@code overridden} also accepts a method that {@code ref}'s method overrides. */
  String called(Expression x, Ref ref, boolean overridden) {
    Symbols.Answer a = symbols.method(x);
    if (a instanceof Symbols.Unresolved u) {
      return unresolved(x, u.problem()).reason();
    }
    if (a instanceof Symbols.Member m) {
      return Members.sameMethod(ref, m) || (overridden && Members.overriddenBy(ref, m))
          ? null
          : m.owner() + "." + m.name();
    }
    return unresolved(x, NO_ANSWER).reason();
  }
}
