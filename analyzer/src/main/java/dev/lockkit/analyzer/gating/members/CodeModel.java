package dev.lockkit.analyzer.gating.members;

import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.pc.Expr;
import java.util.List;

/**
 * What {@link MemberExtractor} found in a set of source roots. All lists are in a deterministic
 * order (files sorted by path, then source order).
 *
 * @param declarations every type, method, constructor and field
 * @param references every resolved reference from one project element to another
 * @param sites every written condition ({@code @IfConfig}, guarded branches, early exits)
 * @param symbolUses every symbol named in a condition, with the column of the name
 * @param problems malformed conditions (with the position of the error) and unparsable files
 * @param unresolved references and guard-like calls that could not be resolved, in file order
 */
public record CodeModel(
    List<Declaration> declarations,
    List<Reference> references,
    List<ConditionSite> sites,
    List<SymbolUse> symbolUses,
    List<Problem> problems,
    List<Unresolved> unresolved) {

  public CodeModel {
    declarations = List.copyOf(declarations);
    references = List.copyOf(references);
    sites = List.copyOf(sites);
    symbolUses = List.copyOf(symbolUses);
    problems = List.copyOf(problems);
    unresolved = List.copyOf(unresolved);
  }

  /** What a declaration declares. */
  public enum Kind {
    TYPE,
    METHOD,
    CONSTRUCTOR,
    FIELD
  }

  /** How a reference uses its target; also the verb in messages. */
  public enum Use {
    CALLS("calls"),
    READS("uses field"),
    USES_TYPE("uses type"),
    CONSTRUCTS("constructs");

    private final String verb;

    Use(String verb) {
      this.verb = verb;
    }

    /** The verb for messages: "A calls B". */
    public String verb() {
      return verb;
    }
  }

  /**
   * A declaration.
   *
   * @param target the key references use: {@code a.B} for a type, {@code a.B#m/2} for a method with
   *     two parameters, {@code a.B#<init>/1} for a constructor, {@code a.B#f} for a field;
   *     overloads with the same arity share it
   * @param signature the exact identity for duplicate detection: the target plus the parameter
   *     types as written
   * @param owner the declaring type's target, or empty for a top-level type
   * @param condition the full presence condition: its own {@code @IfConfig} conjoined with every
   *     enclosing type's
   * @param local its own {@code @IfConfig} condition only (true when absent)
   * @param variantPoint annotated {@code @VariantPoint} (types only)
   * @param supertypes resolved project supertypes (types only), as targets
   * @param staticMember a static method or field, or an enum constant or interface field: usable
   *     without any instance, so without an implementation of its type
   */
  public record Declaration(
      Kind kind,
      String target,
      String signature,
      String owner,
      Expr condition,
      Expr local,
      Location location,
      boolean variantPoint,
      List<String> supertypes,
      boolean staticMember) {
    public Declaration {
      supertypes = List.copyOf(supertypes);
    }
  }

  /**
   * A reference from inside {@code from} (a declaration's target) to {@code target}, present where
   * {@code condition} holds.
   */
  public record Reference(String from, String target, Use use, Expr condition, Location location) {}

  /** The kind of place a condition is written. */
  public enum SiteKind {
    /** {@code @IfConfig} on a declaration. */
    ANNOTATION,
    /** The guarded branch of an {@code if} or {@code ?:}. */
    THEN,
    /** The {@code else} branch of a guard. */
    ELSE,
    /** The statements after an early exit guard. */
    REST
  }

  /**
   * A written condition: code under {@code enclosing} that adds {@code local}. The code it guards
   * exists where {@code enclosing && local} holds.
   *
   * @param element the declaration the site is in (or annotates)
   */
  public record ConditionSite(
      SiteKind kind, Expr enclosing, Expr local, String element, Location location) {}

  /** A symbol named in a condition, at the column of the name itself. */
  public record SymbolUse(String symbol, String element, Location location) {}

  /**
   * Input that could not be read: a malformed {@code @IfConfig} (location of the error inside the
   * string) or a Java file that does not parse.
   *
   * @param key stable identity, e.g. {@code "@IfConfig on a.B#m/0"}
   * @param wholeFile the file did not parse at all (the dependency front end reports those too)
   */
  public record Problem(Location location, String message, String key, boolean wholeFile) {}

  /**
   * A name in the code that could refer to a project member or be a guard, but that resolution
   * could not place: the gating result may miss what depends on it, so the run is incomplete.
   *
   * @param location where it is used
   * @param what what could not be resolved, e.g. {@code call f/2}
   * @param member the member suffix it could be ({@code #f/2}, {@code #field}), or null for a
   *     guard-like call, which matters whatever the project declares
   */
  public record Unresolved(Location location, String what, String member, boolean assumedGuard) {

    /** A reference that could not be placed (not a guard-like call taken as a guard). */
    public Unresolved(Location location, String what, String member) {
      this(location, what, member, false);
    }

    /**
     * Whether it could change a gating result: it is a guard-like call, or some project member it
     * could be is declared under a condition (a reference to an unconditional member is never
     * unguarded, so not resolving it loses nothing).
     */
    public boolean matters(java.util.Set<String> gatedMemberSuffixes) {
      return member == null || gatedMemberSuffixes.contains(member);
    }
  }
}
