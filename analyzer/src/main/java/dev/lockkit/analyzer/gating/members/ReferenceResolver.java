package dev.lockkit.analyzer.gating.members;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.resolution.declarations.ResolvedConstructorDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedValueDeclaration;
import com.github.javaparser.resolution.types.ResolvedType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Places a name used in one compilation unit on a project declaration, for {@link Walker}: which
 * method a call calls, which field a name reads, which constructor a {@code new} runs.
 *
 * <p>Why a class of its own: resolution is the expensive, failure-prone half of the walk, with its
 * own order of attempts. A cheap path comes first — an explicit project-type qualifier, or a member
 * of an enclosing type (respecting the scopes of local and anonymous classes, whose own members
 * shadow the enclosing types' and whose project supertype supplies inherited ones) — and
 * JavaParser's symbol solver only for what that cannot place, typically calls on expressions.
 * Something that resolves outside the project is not a reference. Something the solver cannot place
 * at all although the project declares a member of that name is recorded in {@link #unresolved} (it
 * may be a project reference the rules then never see). A {@link StackOverflowError} is not caught:
 * input deep enough to cause one is refused before the walk (see {@code source.NestingScan}), and
 * one that happens anyway is a defect to report, not a reference to drop silently.
 */
final class ReferenceResolver {
  private final Syntax.Unit unit;
  private final TypeIndex index;
  private final Deque<String> enclosingTypes;
  private final Deque<LocalScope> localScopes = new ArrayDeque<>();

  /** A target that is known to lie outside the project: resolved, and not a reference. */
  private static final String OUTSIDE = "<outside the project>";

  /** References the solver could not place although the project declares such a name. */
  final List<CodeModel.Unresolved> unresolved = new ArrayList<>();

  /** Member names declared by an enclosing local or anonymous class, and its project supertype. */
  private record LocalScope(Set<String> names, String superType) {}

  /** {@code enclosingTypes} is the walker's own stack, innermost first. */
  ReferenceResolver(Syntax.Unit unit, TypeIndex index, Deque<String> enclosingTypes) {
    this.unit = unit;
    this.index = index;
    this.enclosingTypes = enclosingTypes;
  }

  /**
   * Enters a local or anonymous class body declaring {@code names}, extending {@code superType}.
   */
  void enterLocalScope(Set<String> names, String superType) {
    localScopes.push(new LocalScope(names, superType));
  }

  void exitLocalScope() {
    localScopes.pop();
  }

  /** The project type a (possibly qualified) type name denotes here, or null. */
  String type(String nameWithScope) {
    return index.resolve(nameWithScope, unit.cu(), enclosingTypes);
  }

  /** The project method {@code call} calls ({@code a.B#m/2}), or null. */
  String method(MethodCallExpr call) {
    String suffix = "#" + call.getNameAsString() + "/" + call.getArguments().size();
    String target = fallback(call.getScope().orElse(null), suffix);
    if (target == null || !index.members.contains(target)) {
      try {
        ResolvedMethodDeclaration m = call.resolve();
        target =
            m.declaringType().getQualifiedName() + "#" + m.getName() + "/" + m.getNumberOfParams();
      } catch (RuntimeException e) {
        target = byScopeType(call.getScope().orElse(null), suffix);
        if (OUTSIDE.equals(target)) {
          return null;
        }
      }
      if (target == null) {
        unresolved.add(
            new CodeModel.Unresolved(
                Syntax.location(unit, call),
                "call " + call.getNameAsString() + "/" + call.getArguments().size(),
                suffix));
      }
    }
    return target != null && index.members.contains(target) ? target : null;
  }

  /**
   * The constructor {@code oc} runs, as {@code type#<init>/n}: resolved, or by argument count when
   * the solver cannot; the caller checks it is a project member.
   */
  String constructor(ObjectCreationExpr oc, String type) {
    try {
      ResolvedConstructorDeclaration c = oc.resolve();
      return c.declaringType().getQualifiedName() + "#<init>/" + c.getNumberOfParams();
    } catch (RuntimeException e) {
      return type + "#<init>/" + oc.getArguments().size(); // by argument count: still placed
    }
  }

  /** The project field (or enum constant) that {@code node}, named {@code name}, reads, or null. */
  String field(Expression node, String name, Expression scope) {
    String target = scope == null ? null : fallback(scope, "#" + name);
    if (target != null && index.members.contains(target)) {
      return target;
    }
    try {
      ResolvedValueDeclaration v =
          node instanceof NameExpr ne ? ne.resolve() : ((FieldAccessExpr) node).resolve();
      if (!v.isField() && !v.isEnumConstant()) {
        return null;
      }
      target =
          (v.isField()
                      ? v.asField().declaringType()
                      : v.asEnumConstant()
                          .getType()
                          .asReferenceType()
                          .getTypeDeclaration()
                          .orElseThrow())
                  .getQualifiedName()
              + "#"
              + name;
    } catch (RuntimeException e) {
      if (scope != null && index.packagePrefixes.contains(GuardConditions.source(node))) {
        return null; // a package name in a qualified type name (a.b.C), not a field
      }
      // Nothing the solver can place: only an unqualified name may still be a field of an
      // enclosing type; anything else is a possible project field the rules will not see.
      target = scope == null ? fallback(null, "#" + name) : null;
      if (target == null) {
        unresolved.add(
            new CodeModel.Unresolved(Syntax.location(unit, node), "field " + name, "#" + name));
      }
    }
    return target != null && index.members.contains(target) ? target : null;
  }

  /**
   * The project member {@code suffix} names on the type of {@code scope}, when the solver can type
   * the receiver but not the call: it cannot place a record's implicit accessor ({@code p.x()}),
   * which the index lists.
   */
  private String byScopeType(Expression scope, String suffix) {
    if (scope == null) {
      return null;
    }
    if (scope instanceof MethodCallExpr inner) {
      // A chain through record accessors (`a.prev().flags()`): the solver types neither call.
      String accessor = method(inner);
      String type = accessor == null ? null : index.accessorTypes.get(accessor);
      if (type != null) {
        if (type.isEmpty()) {
          return OUTSIDE; // the accessor returns a type outside the project
        }
        return index.members.contains(type + suffix) ? type + suffix : null;
      }
    }
    Expression root = scope;
    while (root instanceof MethodCallExpr || root instanceof FieldAccessExpr) {
      root =
          root instanceof MethodCallExpr m
              ? m.getScope().orElse(null)
              : ((FieldAccessExpr) root).getScope();
    }
    if (root instanceof NameExpr n) {
      // A chain that starts at a variable of a type outside the project (a library's, the JDK's)
      // stays outside it: its members are the library's.
      String type = GuardConditions.declaredType(n, unit, index, enclosingTypes);
      if (type != null && !index.types.contains(type)) {
        return OUTSIDE;
      }
    }
    try {
      ResolvedType t = scope.calculateResolvedType();
      if (t.isReferenceType()) {
        String member = t.asReferenceType().getQualifiedName() + suffix;
        return index.members.contains(member) ? member : null;
      }
    } catch (RuntimeException e) {
      // the receiver's type is unknown too
    }
    return null;
  }

  /**
   * Resolution without the solver: an explicit project-type qualifier, else the enclosing types.
   */
  private String fallback(Expression scope, String suffix) {
    if (scope != null) {
      if (scope instanceof NameExpr || scope instanceof FieldAccessExpr) {
        String type = index.resolve(GuardConditions.source(scope), unit.cu(), enclosingTypes);
        return type == null ? null : type + suffix;
      }
      return null;
    }
    String name =
        suffix.substring(1, suffix.indexOf('/') < 0 ? suffix.length() : suffix.indexOf('/'));
    for (LocalScope local : localScopes) {
      if (local.superType() != null && index.members.contains(local.superType() + suffix)) {
        return local.superType() + suffix; // inherited from the project type it extends
      }
      if (local.names().contains(name)) {
        return null; // the local or anonymous class's own member shadows the enclosing types'
      }
    }
    for (String t : enclosingTypes) {
      if (index.members.contains(t + suffix)) {
        return t + suffix;
      }
    }
    return null;
  }
}
