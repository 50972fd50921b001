package dev.lockkit.refactor.move.rewrite;

import com.github.javaparser.ast.Node;
import dev.lockkit.refactor.move.model.MovedElement;
import dev.lockkit.refactor.move.model.ParsedFile;
import dev.lockkit.refactor.move.model.TypeInfo;

/**
 * One place in the sources that a move must look at.
 *
 * <p>{@code [start, end)} is the text to replace: for a qualified reference the qualifier ({@code
 * T} in {@code T.m()}), for an unqualified one an empty span at the name (where {@code D.} is
 * inserted), for a Javadoc link the type part before {@code #} (possibly empty, {@code {@link
 * #m}}).
 *
 * @param kind what shape of reference this is
 * @param target the moved element referred to, for references to moved elements; else null
 * @param owner for {@link Kind#STAY_BEHIND} and {@link Kind#TYPE_USE}: the referenced project type
 *     (or null for a type outside the project)
 * @param fqn for {@link Kind#TYPE_USE}: the qualified name of the type used; for {@link
 *     Kind#UNRESOLVED}: why javac could not resolve it
 * @param name the member or type name as written
 */
public record Site(
    ParsedFile file,
    Node node,
    Kind kind,
    int start,
    int end,
    MovedElement target,
    TypeInfo owner,
    String fqn,
    String name) {

  /** The shapes a move distinguishes. */
  public enum Kind {
    /** {@code T.m()}, {@code pkg.T.F}, {@code T::m}: replace the qualifier. */
    QUALIFIED,
    /** {@code m()} resolved through the enclosing class: insert a qualifier. */
    UNQUALIFIED,
    /** {@code m()} resolved through a static import: fix the import, not the text. */
    STATIC_IMPORTED,
    /** {@code {@link T#m}} in Javadoc: replace the type part. */
    JAVADOC,
    /** Inside a moved member: an unqualified use of a member that stays behind. */
    STAY_BEHIND,
    /** Inside a moved member: a {@code {@link #x}} to a member that stays behind. */
    JAVADOC_STAY_BEHIND,
    /** Inside a moved member: a type name, which must still denote the same type there. */
    TYPE_USE,
    /** Inside a moved member: a qualified use of another type's member (for access checks). */
    MEMBER_USE,
    /** Inside a moved member: an unqualified name that a static import supplies. */
    STATIC_USE,
    /**
     * A name spelled like a moved member that javac could not resolve (a library missing from the
     * class path, an error in the file, a call javac finds ambiguous): whether it refers to the
     * moved member is not known, so it cannot be rewritten, nor safely left alone.
     */
    UNRESOLVED,
    /**
     * Inside a moved member: a type, field or method name javac could not resolve, so what it would
     * mean at the new place (and whether it needs a qualifier or an import there) is not known.
     */
    UNRESOLVED_INSIDE,
    /**
     * {@code obj.F}, {@code this.m()}: a moved static member reached through an instance expression
     * without side effects; the expression is replaced by the destination type.
     */
    INSTANCE_QUALIFIED,
    /**
     * {@code make().F}: a moved static member reached through an instance expression that may have
     * side effects, which the rewrite would drop: a conflict.
     */
    INSTANCE_SIDE_EFFECT
  }

  public int line() {
    return file.source().lineOf(start);
  }
}
