package dev.lockkit.refactor.move.rewrite;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.lockkit.refactor.javac.Attribution;
import dev.lockkit.refactor.move.model.FileScope;
import dev.lockkit.refactor.move.model.JavaProject;
import dev.lockkit.refactor.move.model.ParsedFile;
import javax.lang.model.element.Element;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * What a type name written in a file denotes, as javac's attribution of that file bound it: the one
 * question every type move asks of every file (is this name the moved type? what does the moved
 * text's name mean?). javac's answer covers what lockkit's own lookup cannot see — a library type
 * reached through an on-demand import ({@code import com.fasterxml.jackson.core.*;}), a member type
 * a library supertype declares, an ambiguity javac reports — and is taken whenever javac attributed
 * the file and bound the name. Only where javac has no binding (a file or a method body it did not
 * attribute, a name it could not resolve) is {@link FileScope}'s lookup asked instead.
 *
 * <p>A JavaParser node is matched to javac's tree by its character span: a simple name by the
 * name's span, a qualified type {@code p.Outer.Inner<X>} by the span of {@code p.Outer.Inner}.
 */
final class JavacNames {

  private final JavaProject project;
  private final Attribution javac;

  JavacNames(JavaProject project, Attribution javac) {
    this.project = project;
    this.javac = javac;
  }

  /**
   * The canonical name of the type that the simple or qualified type name {@code n} (a {@link
   * ClassOrInterfaceType}, {@link AnnotationExpr}, {@link NameExpr}, {@link FieldAccessExpr} or
   * {@link TypeExpr}) of {@code f} denotes; null when it is not a named type (a variable, a type
   * variable, a local class, a package) or nothing resolves it.
   */
  String type(ParsedFile f, Node n) {
    int[] span = span(f, n);
    String byJavac = span == null ? null : bound(javac, f, span[0], span[1]);
    if (byJavac != null) {
      return byJavac.isEmpty() ? null : byJavac;
    }
    FileScope scope = project.scope(f);
    if (n instanceof ClassOrInterfaceType ct) {
      return scope.resolveType(ct.getNameWithScope(), ct);
    }
    if (n instanceof AnnotationExpr a) {
      return scope.resolveType(a.getNameAsString(), a);
    }
    if (n instanceof TypeExpr te && te.getType() instanceof ClassOrInterfaceType ct) {
      return scope.resolveType(ct.getNameWithScope(), te);
    }
    if (n instanceof NameExpr ne) {
      // A variable or field of that name hides a type.
      return scope.resolveMember(ne.getNameAsString(), false, ne).kind() == FileScope.Kind.UNKNOWN
          ? scope.resolveType(ne.getNameAsString(), ne)
          : null;
    }
    return n instanceof Expression e ? scope.resolveTypeChain(e) : null;
  }

  /**
   * True if javac bound the type name {@code n} to a member type that a type declared within {@code
   * moved} (the moving declaration, or a type nested in it) declares or inherits: the name keeps
   * its meaning wherever the declaration goes, so it needs no import and no qualifier.
   */
  boolean seenFromInside(ParsedFile f, Node n, TypeDeclaration<?> moved) {
    int[] span = span(f, n);
    if (span == null || javac == null || !javac.covers(f.source().path())) {
      return false;
    }
    Attribution.Binding b = javac.at(f.source().path(), span[0], span[1]);
    if (b == null
        || !b.resolved()
        || !(b.element() instanceof TypeElement te)
        || te.getNestingKind() != NestingKind.MEMBER) {
      return false;
    }
    Element owner = te.getEnclosingElement();
    for (Node x = n; x != null; x = x.getParentNode().orElse(null)) {
      if (x instanceof TypeDeclaration<?> d) {
        Element declared = javac.declaredAt(f.source().path(), f.begin(d.getName()));
        if (declared != null && javac.inherits(declared, owner)) {
          return true;
        }
      }
      if (x == moved) {
        return false;
      }
    }
    return false;
  }

  /**
   * javac's binding of the simple type name {@code n} when it is a named type other than {@code
   * fqn}; null otherwise (no binding, not a type, or that type).
   */
  TypeElement otherType(ParsedFile f, Node n, String fqn) {
    int[] span = span(f, n);
    if (span == null || javac == null || !javac.covers(f.source().path())) {
      return null;
    }
    Attribution.Binding b = javac.at(f.source().path(), span[0], span[1]);
    if (b != null
        && b.resolved()
        && b.element() instanceof TypeElement te
        && (te.getNestingKind() == NestingKind.TOP_LEVEL
            || te.getNestingKind() == NestingKind.MEMBER)
        && !te.getQualifiedName().contentEquals(fqn)) {
      return te;
    }
    return null;
  }

  /**
   * The innermost of {@code enclosing} (the moving type's old enclosing types, innermost first)
   * through which javac's binding of the type name {@code n} came: a member type that enclosing
   * type declares or inherits (commons-lang3's {@code LockingVisitors.ReadWriteLockVisitor.Builder}
   * extends {@code LVBuilder}, a member type the enclosing type inherits). Null when the name is
   * not such a member type, or javac has no binding.
   */
  dev.lockkit.refactor.move.model.TypeInfo through(
      ParsedFile f, Node n, java.util.List<dev.lockkit.refactor.move.model.TypeInfo> enclosing) {
    int[] span = span(f, n);
    if (span == null || javac == null || !javac.covers(f.source().path())) {
      return null;
    }
    Attribution.Binding b = javac.at(f.source().path(), span[0], span[1]);
    if (b == null
        || !b.resolved()
        || !(b.element() instanceof TypeElement te)
        || te.getNestingKind() != NestingKind.MEMBER) {
      return null;
    }
    Element owner = te.getEnclosingElement();
    for (dev.lockkit.refactor.move.model.TypeInfo e : enclosing) {
      Element declared =
          javac.declaredAt(e.file().source().path(), e.file().begin(e.decl().getName()));
      if (declared != null && javac.inherits(declared, owner)) {
        return e;
      }
    }
    return null;
  }

  /** True if javac bound the type name {@code n} to a top-level type. */
  boolean topLevel(ParsedFile f, Node n) {
    int[] span = span(f, n);
    if (span == null || javac == null || !javac.covers(f.source().path())) {
      return false;
    }
    Attribution.Binding b = javac.at(f.source().path(), span[0], span[1]);
    return b != null
        && b.resolved()
        && b.element() instanceof TypeElement te
        && te.getNestingKind() == NestingKind.TOP_LEVEL;
  }

  /** The name's span as javac's tree has it, or null for a node that is no type name. */
  private static int[] span(ParsedFile f, Node n) {
    if (n.getBegin().isEmpty()) {
      return null;
    }
    if (n instanceof ClassOrInterfaceType ct) {
      // A type annotation may lie within the node's range (`List<@A T>`), never within the name.
      return new int[] {
        ct.getScope().isEmpty() ? f.begin(ct.getName()) : f.begin(ct), f.end(ct.getName())
      };
    }
    if (n instanceof AnnotationExpr a) {
      return new int[] {f.begin(a.getName()), f.end(a.getName())};
    }
    if (n instanceof TypeExpr te && te.getType() instanceof ClassOrInterfaceType ct) {
      return span(f, ct);
    }
    if (n instanceof NameExpr || n instanceof FieldAccessExpr) {
      return new int[] {f.begin(n), f.end(n)};
    }
    return null;
  }

  /**
   * javac's answer for the name spanning {@code [start, end)} of {@code f}: the canonical name of
   * the named type it bound; "" when it bound something else (a variable, a type variable, a local
   * class, a package); null when javac did not attribute the name or could not resolve it.
   */
  static String bound(Attribution javac, ParsedFile f, int start, int end) {
    if (javac == null || !javac.covers(f.source().path())) {
      return null;
    }
    Attribution.Binding b = javac.at(f.source().path(), start, end);
    if (b == null || !b.resolved()) {
      return null;
    }
    if (b.element() instanceof TypeElement te) {
      boolean named =
          te.getNestingKind() == NestingKind.TOP_LEVEL || te.getNestingKind() == NestingKind.MEMBER;
      return named ? te.getQualifiedName().toString() : "";
    }
    return "";
  }
}
