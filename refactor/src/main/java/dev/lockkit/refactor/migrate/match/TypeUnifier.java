package dev.lockkit.refactor.migrate.match;

import com.github.javaparser.resolution.declarations.ResolvedTypeParameterDeclaration;
import com.github.javaparser.resolution.types.ResolvedReferenceType;
import com.github.javaparser.resolution.types.ResolvedType;
import com.github.javaparser.utils.Pair;
import dev.lockkit.refactor.migrate.resolve.TypeFit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Placeholder types: "assignable to", with the template method's type variables bound on first use.
 *
 * <p>Implementation overview. A type without the method's type variables is checked with the symbol
 * solver's assignability ({@code String} accepts a {@code String} expression, never a {@code
 * CharSequence}). A bare type variable binds to the actual type (checked against its bounds) or, if
 * already bound, must equal the binding. A parameterised type that mentions a type variable ({@code
 * List<T>}) is matched against the actual type's ancestor with the same erasure and unified
 * argument by argument; {@code ? extends T} unifies {@code T} with the argument's upper bound. This
 * is deliberately stricter than Java inference (no capture conversion): a site it cannot type is
 * reported, not rewritten.
 */
final class TypeUnifier {

  private final Set<String> typeVariables;
  private final Bindings bindings;

  TypeUnifier(Set<String> typeVariables, Bindings bindings) {
    this.typeVariables = typeVariables;
    this.bindings = bindings;
  }

  /** Null if {@code actual} fits {@code wanted}; otherwise a suffix explaining why not. */
  String unify(ResolvedType wanted, ResolvedType actual) {
    try {
      if (!mentionsVariable(wanted)) {
        return wanted.isAssignableBy(actual) ? null : "";
      }
      if (wanted.isTypeVariable()) {
        return bindChecked(wanted.asTypeParameter(), actual);
      }
      if (wanted.isArray()) {
        return actual.isArray()
            ? unify(
                wanted.asArrayType().getComponentType(), actual.asArrayType().getComponentType())
            : "";
      }
      if (wanted.isReferenceType() && actual.isReferenceType()) {
        return unifyArguments(wanted.asReferenceType(), actual.asReferenceType());
      }
      return "";
    } catch (RuntimeException e) {
      return " (its type could not be compared: " + e.getClass().getSimpleName() + ")";
    }
  }

  private String unifyArguments(ResolvedReferenceType wanted, ResolvedReferenceType actual) {
    Optional<ResolvedReferenceType> ancestor = ancestor(actual, wanted.getQualifiedName());
    if (ancestor.isEmpty()) {
      return "";
    }
    List<Pair<ResolvedTypeParameterDeclaration, ResolvedType>> w = wanted.getTypeParametersMap();
    List<Pair<ResolvedTypeParameterDeclaration, ResolvedType>> a =
        ancestor.get().getTypeParametersMap();
    if (w.size() != a.size()) {
      return " (raw type)";
    }
    for (int i = 0; i < w.size(); i++) {
      ResolvedType wt = w.get(i).b;
      ResolvedType at = a.get(i).b;
      String why;
      if (wt.isWildcard() && wt.asWildcard().isBounded()) {
        ResolvedType bound = wt.asWildcard().getBoundedType();
        ResolvedType actualBound =
            at.isWildcard() && at.asWildcard().isBounded() ? at.asWildcard().getBoundedType() : at;
        why =
            wt.asWildcard().isExtends()
                ? unify(bound, actualBound)
                : sameOrBind(bound, actualBound);
      } else {
        why = sameOrBind(wt, at);
      }
      if (why != null) {
        return why;
      }
    }
    return null;
  }

  private String sameOrBind(ResolvedType wanted, ResolvedType actual) {
    if (wanted.isTypeVariable() && typeVariables.contains(wanted.asTypeParameter().getName())) {
      return bind(wanted.asTypeParameter().getName(), actual);
    }
    if (mentionsVariable(wanted)) {
      return unify(wanted, actual);
    }
    return wanted.describe().equals(actual.describe()) ? null : "";
  }

  /**
   * True if {@code t} is, or descends from, the class {@code name}. The solver's reflection model
   * of a JDK enum lists no {@code java.lang.Enum} ancestor, so an enum is asked directly.
   */
  private static boolean hasErasedAncestor(ResolvedReferenceType t, String name) {
    if (name.equals("java.lang.Enum")
        && t.getTypeDeclaration().map(d -> d.isEnum()).orElse(false)) {
      return true;
    }
    return ancestor(t, name).isPresent();
  }

  private static Optional<ResolvedReferenceType> ancestor(ResolvedReferenceType t, String name) {
    if (t.getQualifiedName().equals(name)) {
      return Optional.of(t);
    }
    return t.getAllAncestors().stream().filter(a -> a.getQualifiedName().equals(name)).findFirst();
  }

  private String bindChecked(ResolvedTypeParameterDeclaration tp, ResolvedType actual) {
    for (ResolvedTypeParameterDeclaration.Bound b : tp.getBounds()) {
      if (!b.isExtends()) {
        continue;
      }
      // A bound that mentions the variable itself (T extends Enum<T>, T extends Comparable<? super
      // T>) is checked on its erasure: an Object is no Enum, whatever T is. Unchecked, such a
      // rule would turn Objects.equals(a, b) on any objects into a == b.
      boolean fits;
      try {
        ResolvedType boundVariable =
            b.getType().isTypeVariable() && mentionsVariable(b.getType())
                ? bindings.solverTypes.get(b.getType().asTypeParameter().getName())
                : null;
        // A bound that is another of the rule's variables (T extends S): checked against what S
        // is bound to; still unbound, the bound cannot be checked, so the site is not matched.
        fits =
            b.getType().isTypeVariable() && mentionsVariable(b.getType())
                ? boundVariable != null && boundVariable.isAssignableBy(actual)
                : mentionsVariable(b.getType())
                    ? b.getType().isReferenceType()
                        && actual.isReferenceType()
                        && hasErasedAncestor(
                            actual.asReferenceType(),
                            b.getType().asReferenceType().getQualifiedName())
                    : b.getType().isAssignableBy(actual);
      } catch (RuntimeException | StackOverflowError e) {
        fits = false;
      }
      if (!fits) {
        return " (outside the bound of " + tp.getName() + ")";
      }
    }
    return bind(tp.getName(), actual);
  }

  /** Binds type variable {@code name}; null if bound now or already bound to the same type. */
  String bind(String name, ResolvedType actual) {
    String why = bind(name, TypeFit.print(actual.describe()));
    if (why == null) {
      bindings.solverTypes.putIfAbsent(name, actual);
    }
    return why;
  }

  /** Binds type variable {@code name} to a type javac printed ({@link TypeFit#print}). */
  String bind(String name, String printed) {
    String bound = bindings.typeVariables.get(name);
    if (bound == null) {
      bindings.typeVariables.put(name, printed);
      return null;
    }
    return bound.equals(printed) ? null : " (" + name + " is already bound to " + bound + ")";
  }

  /**
   * Adds javac's bindings of one placeholder ({@link TypeFit.Fits}); null if they agree with the
   * bindings so far, and a bound on another variable ({@code T extends S}) holds for what that
   * variable is bound to (still unbound, it cannot be checked, so the site is not matched).
   */
  String bind(TypeFit.Fits fit) {
    for (java.util.Map.Entry<String, String> e : fit.bindings().entrySet()) {
      String why = bind(e.getKey(), e.getValue());
      if (why != null) {
        return why;
      }
    }
    for (TypeFit.Deferred d : fit.deferred()) {
      String other = bindings.typeVariables.get(d.bound());
      if (other == null || !d.supertypes().contains(other)) {
        return " (outside the bound of " + d.variable() + ")";
      }
    }
    return null;
  }

  private boolean mentionsVariable(ResolvedType t) {
    if (t.isTypeVariable()) {
      return typeVariables.contains(t.asTypeParameter().getName());
    }
    if (t.isArray()) {
      return mentionsVariable(t.asArrayType().getComponentType());
    }
    if (t.isWildcard()) {
      return t.asWildcard().isBounded() && mentionsVariable(t.asWildcard().getBoundedType());
    }
    if (t.isReferenceType()) {
      return t.asReferenceType().typeParametersValues().stream().anyMatch(this::mentionsVariable);
    }
    return false;
  }
}
