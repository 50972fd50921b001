package dev.lockkit.refactor.migrate.match;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.resolution.types.ResolvedType;
import dev.lockkit.refactor.migrate.resolve.TypeFit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a template bound while unifying with target code: placeholder name to the target expression
 * as written (parentheses included, so its original text is reused), type variable to type,
 * template local to target local name, and the target nodes the template's own structure matched (a
 * use of the old API inside them disappears with the rewrite; one inside a placeholder does not).
 * Mutable; {@link #copy()} forks it for {@code Refaster.anyOf} alternatives.
 */
public final class Bindings {

  final Map<String, Expression> placeholders;
  final Map<String, List<Expression>> repeated = new LinkedHashMap<>();

  /** Per {@code @Placeholder} method binding, per argument: where the bound code uses it. */
  final Map<String, List<List<Expression>>> placeholderArguments = new LinkedHashMap<>();

  /** Each bound type variable's type, printed ({@link TypeFit#print}). */
  final Map<String, String> typeVariables;

  /**
   * The symbol solver's type for a variable it bound (only where javac had no answer), for the
   * bound checks of a variable bounded by another.
   */
  final Map<String, ResolvedType> solverTypes;

  final Map<String, String> locals;
  final List<Node> consumed;

  Bindings() {
    this(
        new LinkedHashMap<>(),
        new LinkedHashMap<>(),
        new LinkedHashMap<>(),
        new LinkedHashMap<>(),
        new ArrayList<>());
  }

  private Bindings(
      Map<String, Expression> placeholders,
      Map<String, String> typeVariables,
      Map<String, ResolvedType> solverTypes,
      Map<String, String> locals,
      List<Node> consumed) {
    this.placeholders = placeholders;
    this.typeVariables = typeVariables;
    this.solverTypes = solverTypes;
    this.locals = locals;
    this.consumed = consumed;
  }

  Bindings copy() {
    Bindings b =
        new Bindings(
            new LinkedHashMap<>(placeholders),
            new LinkedHashMap<>(typeVariables),
            new LinkedHashMap<>(solverTypes),
            new LinkedHashMap<>(locals),
            new ArrayList<>(consumed));
    b.repeated.putAll(repeated);
    b.placeholderArguments.putAll(placeholderArguments);
    return b;
  }

  void adopt(Bindings other) {
    placeholders.clear();
    placeholders.putAll(other.placeholders);
    repeated.clear();
    repeated.putAll(other.repeated);
    placeholderArguments.clear();
    placeholderArguments.putAll(other.placeholderArguments);
    typeVariables.clear();
    typeVariables.putAll(other.typeVariables);
    solverTypes.clear();
    solverTypes.putAll(other.solverTypes);
    locals.clear();
    locals.putAll(other.locals);
    consumed.clear();
    consumed.addAll(other.consumed);
  }

  /** The target expression bound to placeholder {@code name}, as written. */
  /** Every bound placeholder's target expression (their text is kept by a rewrite). */
  public java.util.Collection<Expression> boundExpressions() {
    List<Expression> out = new ArrayList<>(placeholders.values());
    repeated.values().forEach(out::addAll);
    return java.util.Collections.unmodifiableList(out);
  }

  /**
   * The target arguments bound to {@code @Repeated} placeholder {@code name} (possibly none), or
   * null if it is not a repeated placeholder of the match.
   */
  public List<Expression> repeated(String name) {
    List<Expression> r = repeated.get(name);
    return r == null ? null : List.copyOf(r);
  }

  /**
   * For the {@code @Placeholder} method bound under {@code key}, per argument, the subexpressions
   * of the bound code that the argument matched (empty lists when it is not bound).
   */
  public List<List<Expression>> placeholderArguments(String key) {
    return placeholderArguments.getOrDefault(key, List.of());
  }

  public Expression placeholder(String name) {
    return placeholders.get(name);
  }

  /** The target's name for template local {@code name}. */
  public String local(String name) {
    return locals.get(name);
  }

  /** Target nodes matched by the template's own structure (not by a placeholder). */
  public List<Node> consumed() {
    return List.copyOf(consumed);
  }
}
