package dev.lockkit.refactor.migrate.match;

import dev.lockkit.refactor.migrate.resolve.Symbols;
import dev.lockkit.refactor.migrate.template.Ref;

/**
 * Whether a resolved method is a template's method: the same declaration (owner, name, erased
 * parameter types), or an instance method overriding it (the owner's supertypes include the
 * template's owner, same signature), as javac's symbols say.
 */
public final class Members {

  private Members() {}

  /** Whether javac's member is {@code ref}'s method or an override of it. */
  public static boolean sameMethod(Ref ref, Symbols.Member m) {
    if (!m.name().equals(ref.name())) {
      return false;
    }
    if (m.owner().equals(ref.owner())) {
      return m.signature().equals(ref.signature());
    }
    if (!ref.isStatic() && m.overrides(ref.owner(), ref.name(), ref.signature())) {
      return true; // a generic method overridden for one instantiation: String.compareTo(String)
    }
    return !ref.isStatic()
        && !m.isStatic()
        && m.signature().equals(ref.signature())
        && m.ownerSupertypes().contains(ref.owner());
  }

  /** Whether javac's member is a method that {@code ref}'s method overrides (same signature). */
  public static boolean overriddenBy(Ref ref, Symbols.Member m) {
    return !ref.isStatic()
        && !m.isStatic()
        && m.name().equals(ref.name())
        && m.signature().equals(ref.signature())
        && ref.ownerSupertypes().contains(m.owner());
  }
}
