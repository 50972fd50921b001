package dev.lockkit.analyzer.gating.members;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.resolution.declarations.ResolvedConstructorDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedValueDeclaration;
import java.util.ArrayDeque;
import java.util.Deque;
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
 * Anything that still cannot be placed, or resolves outside the project, is not a reference.
 */
final class ReferenceResolver {
  private final Syntax.Unit unit;
  private final TypeIndex index;
  private final Deque<String> enclosingTypes;
  private final Deque<LocalScope> localScopes = new ArrayDeque<>();

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
      } catch (RuntimeException | StackOverflowError e) {
        target = null;
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
    } catch (RuntimeException | StackOverflowError e) {
      return type + "#<init>/" + oc.getArguments().size();
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
    } catch (RuntimeException | StackOverflowError e) {
      // A local variable, or nothing the solver can place: only an unqualified name may still
      // be a field of an enclosing type.
      target = scope == null ? fallback(null, "#" + name) : null;
    }
    return target != null && index.members.contains(target) ? target : null;
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
