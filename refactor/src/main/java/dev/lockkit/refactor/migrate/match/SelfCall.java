package dev.lockkit.refactor.migrate.match;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
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
 * recurses forever. The method is compared by declaring type, name and number of parameters, so an
 * overload of the same arity is refused too: a refusal is listed, a wrong rewrite is not.
 */
final class SelfCall {

  private SelfCall() {}

  /** A mismatch for {@code site} if {@code rule}'s after calls the method enclosing it; or null. */
  static Mismatch check(Rule rule, Node site) {
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
          && r.owner().equals(owner.get())
          && (varargs || call.getArguments().size() == m.getParameters().size())) {
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

  /** The method whose body {@code n} is in, if no lambda or anonymous class lies between. */
  private static Optional<MethodDeclaration> enclosingMethod(Node n) {
    Optional<Node> p = n.getParentNode();
    while (p.isPresent()) {
      Node x = p.get();
      if (x instanceof MethodDeclaration m) {
        return Optional.of(m);
      }
      if (x instanceof LambdaExpr
          || x instanceof TypeDeclaration<?>
          || (x instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent())) {
        return Optional.empty(); // the code runs later or in another object: no recursion here
      }
      p = x.getParentNode();
    }
    return Optional.empty();
  }
}
