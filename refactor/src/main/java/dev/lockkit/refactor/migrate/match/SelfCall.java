package dev.lockkit.refactor.migrate.match;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.lockkit.refactor.migrate.template.Ref;
import dev.lockkit.refactor.migrate.template.Rule;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a rule's after template would make the method a site is in call itself: a rewrite of
 * {@code Comparators.min}'s own body {@code comparator.compare(a, b) <= 0 ? a : b} to {@code
 * Comparators.min(a, b, comparator)} (Picnic's {@code MinOfPairCustomOrder} on Guava) compiles and
 * recurses forever. The after's call is a self-call when it has the enclosing method's name and
 * arity (an overload of the same arity is refused too: a refusal is listed, a wrong rewrite is not)
 * and either names the enclosing type's method, or is an instance call whose receiver is bound to
 * {@code this} in an instance method: {@code this.size() == 0} in a collection's own {@code
 * isEmpty()} becomes {@code this.isEmpty()}, through an override of {@code Collection.isEmpty} that
 * the owner test alone does not see. A lambda does not stop the search: a lambda in the method's
 * body may run before it returns ({@code Optional.map}), so it recurses just as well.
 */
final class SelfCall {

  private SelfCall() {}

  /** A mismatch for {@code site} if {@code rule}'s after calls the method enclosing it; or null. */
  static Mismatch check(Rule rule, Node site, Bindings bindings) {
    Optional<MethodDeclaration> method = enclosingMethod(site);
    if (method.isEmpty() || rule.after().isEmpty()) {
      return null;
    }
    MethodDeclaration m = method.get();
    Optional<String> owner =
        m.getParentNode()
            .filter(p -> p instanceof TypeDeclaration<?>)
            .flatMap(p -> ((TypeDeclaration<?>) p).getFullyQualifiedName());
    if (owner.isEmpty()) {
      return null;
    }
    boolean varargs = m.getParameters().stream().anyMatch(p -> p.isVarArgs());
    for (Map.Entry<Node, Ref> e : rule.after().get().refs().entrySet()) {
      Ref r = e.getValue();
      if (r.kind() == Ref.Kind.METHOD
          && e.getKey() instanceof MethodCallExpr call
          && r.name().equals(m.getNameAsString())
          && (varargs || call.getArguments().size() == m.getParameters().size())
          && (r.owner().equals(owner.get()) || onThis(call, m, bindings))) {
        return new Mismatch(
            site,
            false,
            "the rewrite would call "
                + m.getNameAsString()
                + "(), the method this code is in, from its own body",
            Integer.MAX_VALUE);
      }
    }
    return null;
  }

  /**
   * True for an after call {@code x.m(...)} whose receiver placeholder {@code x} is bound to {@code
   * this} at a site in an instance method: the call dispatches to this object's {@code m}, which
   * may be the enclosing method by overriding whatever type the template names.
   */
  private static boolean onThis(MethodCallExpr call, MethodDeclaration m, Bindings bindings) {
    if (m.isStatic() || call.getScope().isEmpty() || !call.getScope().get().isNameExpr()) {
      return false;
    }
    Expression bound = bindings.placeholder(call.getScope().get().asNameExpr().getNameAsString());
    while (bound != null && bound.isEnclosedExpr()) {
      bound = bound.asEnclosedExpr().getInner();
    }
    return bound != null && bound.isThisExpr() && bound.asThisExpr().getTypeName().isEmpty();
  }

  /** The method whose body {@code n} is in (lambdas included), if no class body lies between. */
  private static Optional<MethodDeclaration> enclosingMethod(Node n) {
    Optional<Node> p = n.getParentNode();
    while (p.isPresent()) {
      Node x = p.get();
      if (x instanceof MethodDeclaration m) {
        return Optional.of(m);
      }
      if (x instanceof TypeDeclaration<?>
          || (x instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent())) {
        return Optional.empty(); // another class's method: its own body, not the outer one's
      }
      p = x.getParentNode();
    }
    return Optional.empty();
  }
}
