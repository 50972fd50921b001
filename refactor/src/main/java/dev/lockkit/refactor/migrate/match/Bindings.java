package dev.lockkit.refactor.migrate.match;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
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

  final Map<String, String> locals;
  final List<Node> consumed;

  /**
   * The code's written type that bound a type variable through {@code Refaster.<T>clazz()} or
   * {@code isInstance}: an after template writes it as the code spelled it.
   */
  final Map<String, Node> typeTexts = new LinkedHashMap<>();

  Bindings() {
    this(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>());
  }

  private Bindings(
      Map<String, Expression> placeholders,
      Map<String, String> typeVariables,
      Map<String, String> locals,
      List<Node> consumed) {
    this.placeholders = placeholders;
    this.typeVariables = typeVariables;
    this.locals = locals;
    this.consumed = consumed;
  }

  Bindings copy() {
    Bindings b =
        new Bindings(
            new LinkedHashMap<>(placeholders),
            new LinkedHashMap<>(typeVariables),
            new LinkedHashMap<>(locals),
            new ArrayList<>(consumed));
    b.repeated.putAll(repeated);
    b.placeholderArguments.putAll(placeholderArguments);
    b.typeTexts.putAll(typeTexts);
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
    locals.clear();
    locals.putAll(other.locals);
    consumed.clear();
    consumed.addAll(other.consumed);
    typeTexts.clear();
    typeTexts.putAll(other.typeTexts);
  }

  /** Binds type variable {@code name} to a type javac printed ({@link TypeFit#print}). */
  String bind(String name, String printed) {
    String bound = typeVariables.putIfAbsent(name, printed);
    return bound == null || bound.equals(printed)
        ? null
        : " (" + name + " is already bound to " + bound + ")";
  }

  /**
   * Adds javac's bindings of one placeholder ({@link TypeFit.Fits}); null if they agree with the
   * bindings so far and a bound on another variable ({@code T extends S}) holds for what that
   * variable is bound to (still unbound, it cannot be checked, so the site is not matched). On a
   * conflict the bindings may be partly added: the caller drops the match or restores a copy.
   */
  String bind(TypeFit.Fits fit) {
    for (Map.Entry<String, String> e : fit.bindings().entrySet()) {
      String why = bind(e.getKey(), e.getValue());
      if (why != null) {
        return why;
      }
    }
    for (TypeFit.Deferred d : fit.deferred()) {
      String other = typeVariables.get(d.bound());
      if (other == null || !d.supertypes().contains(other)) {
        return " (outside the bound of " + d.variable() + ")";
      }
    }
    return null;
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

  /** The code's type node that type variable {@code name} was bound from, or null. */
  public Node typeText(String name) {
    return typeTexts.get(name);
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
