package dev.lockkit.refactor.migrate.template;

import java.util.Set;

/**
 * What a name or call in a template body means, resolved once when the template is read.
 *
 * <p>{@code owner} is the qualified name of the declaring type (for {@link Kind#TYPE}, the type
 * itself); {@code signature} identifies a method among overloads (its erased parameter types);
 * {@code ownerSupertypes}, for a method, the qualified names of the owner's supertypes, so that a
 * call of a method it overrides (the same call through a wider receiver type) is recognised.
 */
public record Ref(
    Kind kind,
    String owner,
    String name,
    String signature,
    boolean isStatic,
    Set<String> ownerSupertypes) {

  public Ref {
    ownerSupertypes = Set.copyOf(ownerSupertypes);
  }

  /** A reference whose owner's supertypes do not matter. */
  public Ref(Kind kind, String owner, String name, String signature, boolean isStatic) {
    this(kind, owner, name, signature, isStatic, Set.of());
  }

  /** The kinds of meaning a template name can have. */
  public enum Kind {
    /** A parameter of the template method: matches any expression of an assignable type. */
    PLACEHOLDER,
    /** A local variable declared in a statement template: binds to the target's variable name. */
    LOCAL,
    /** A field or enum constant. */
    FIELD,
    /** A method. */
    METHOD,
    /** A constructor call {@code new T(...)}; {@code owner} is {@code T}. */
    CONSTRUCTOR,
    /**
     * A type used as a qualifier, in {@code new}, a cast, {@code instanceof} or a class literal.
     */
    TYPE,
    /** A type variable of the template method: unified with the target's type. */
    TYPE_VARIABLE,
    /** {@code Refaster.anyOf(...)}: matches if any argument matches. */
    ANY_OF,
    /** A call of a {@code @Placeholder} method of the rule ({@link PlaceholderMethod}). */
    PLACEHOLDER_METHOD,
    /** {@code a.length} of an array {@code a}: not a declared field, so it has no owner. */
    ARRAY_LENGTH,
    /**
     * {@code Refaster.<T>clazz()}: a class literal, its type binding type variable {@code name}.
     */
    CLASS_OF,
    /**
     * {@code Refaster.<T>isInstance(e)}: {@code e instanceof X}, {@code X} binding type variable
     * {@code name}.
     */
    INSTANCE_OF
  }

  /** A human-readable name, e.g. {@code RwSemaphore.down_read()} or {@code MmStruct.mmap_lock}. */
  public String display() {
    String simpleOwner = owner.substring(owner.lastIndexOf('.') + 1);
    return switch (kind) {
      case METHOD -> simpleOwner + "." + name + "()";
      case FIELD -> simpleOwner + "." + name;
      case TYPE -> simpleOwner;
      case CONSTRUCTOR -> "new " + simpleOwner + "()";
      default -> name;
    };
  }

  /** The identity two references share when they mean the same member. */
  public String key() {
    return kind + " " + owner + "#" + name + signature;
  }
}
