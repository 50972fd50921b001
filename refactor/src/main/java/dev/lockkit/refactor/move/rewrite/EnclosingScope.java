package dev.lockkit.refactor.move.rewrite;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.lockkit.refactor.edit.TextEdit;
import dev.lockkit.refactor.move.check.GraphDelta;
import dev.lockkit.refactor.move.model.MovedType;
import dev.lockkit.refactor.move.model.ParsedFile;
import dev.lockkit.refactor.move.model.TypeInfo;
import java.util.List;

/**
 * What a nested type moving into another type ({@link NestedIntoTypeMover}) saw through its
 * enclosing types' scope, which it loses: unqualified uses of an enclosing type's members and of
 * types nested in an enclosing type get that enclosing type's simple name as qualifier, and the
 * host must see that name ({@link Sees}: an import, or a {@code move/name-clash}). Which enclosing
 * type a name came through is javac's binding in the old file ({@link JavacNames#member}).
 *
 * <p>It also keeps the what-if graph honest: a reference from the moved text to its old top-level
 * type was a self reference the analyzer dropped, and is an edge from the host's top-level type
 * now.
 */
final class EnclosingScope {

  /** Makes a simple type name mean a type inside the host. */
  interface Sees {
    void sees(Node at, String simple, String fqn);
  }

  private final MoveRewriter r;
  private final MovedType t;
  private final List<TextEdit> edits;
  private final Sees host;
  private final ParsedFile home;

  EnclosingScope(MoveRewriter r, MovedType t, List<TextEdit> edits, Sees host) {
    this.r = r;
    this.t = t;
    this.edits = edits;
    this.host = host;
    this.home = t.type().file();
  }

  /** A simple type name that resolved to {@code fqn}: qualified if an enclosing type gave it. */
  boolean type(Node n, String fqn) {
    TypeInfo used = fqn == null ? null : r.project.type(fqn);
    if (used == null || used.outer() == null || used.equals(t.type()) || !encloses(used.outer())) {
      // A member type an enclosing type inherits (javac's binding): qualified by that type.
      TypeInfo via = inheritedThroughEnclosing(n, fqn);
      if (via == null) {
        return false;
      }
      qualify(n, via);
      return true;
    }
    qualify(n, used.outer());
    return true;
  }

  private TypeInfo inheritedThroughEnclosing(Node n, String fqn) {
    if (fqn == null
        || fqn.equals(t.oldFqn())
        || fqn.startsWith(t.oldFqn() + ".")
        || r.names.seenFromInside(home, n, t.type().decl())) {
      return null;
    }
    String simple = fqn.substring(fqn.lastIndexOf('.') + 1);
    boolean imported =
        home.cu().getImports().stream()
            .anyMatch(
                d ->
                    !d.isStatic() && !d.isAsterisk() && d.getName().getIdentifier().equals(simple));
    if (imported) {
      return null;
    }
    List<TypeInfo> enclosing = new java.util.ArrayList<>();
    for (TypeInfo e = t.type().outer(); e != null; e = e.outer()) {
      enclosing.add(e);
    }
    return r.names.through(home, n, enclosing);
  }

  /** An unqualified field or method name: qualified if an enclosing type declares it. */
  boolean member(Node n, JavacNames.Member m) {
    if (m.kind() != JavacNames.MemberKind.MEMBER) {
      return false;
    }
    for (TypeInfo e = t.type().outer(); e != null; e = e.outer()) {
      if (m.lexical() == e.decl()) {
        qualify(n, e);
        return true;
      }
    }
    return false;
  }

  /**
   * A qualified name in the moved text: its own old name ({@code Outer.Inner}) becomes its simple
   * name, which the host's member type is; a name of its old top-level type is a new graph edge.
   */
  void edge(Node n) {
    if (inOwnName(n)) {
      return; // replaced with its enclosing name
    }
    String fqn = null;
    if (n instanceof ClassOrInterfaceType ct && ct.getScope().isPresent()) {
      fqn = r.names.type(home, ct);
      if (t.oldFqn().equals(fqn)) {
        edits.add(new TextEdit(home.begin(ct), home.end(ct.getName()), t.type().simpleName()));
        return;
      }
    } else if (n instanceof FieldAccessExpr fa) {
      fqn = r.names.type(home, fa);
      if (t.oldFqn().equals(fqn)) {
        edits.add(new TextEdit(home.begin(fa), home.end(fa), t.type().simpleName()));
        return;
      }
      fqn = typeOf(fa.getScope());
    } else if (n instanceof MethodCallExpr mc && mc.getScope().isPresent()) {
      fqn = scopeType(mc.getScope().get());
    } else if (n instanceof MethodReferenceExpr mr) {
      fqn = scopeType(mr.getScope());
    }
    TypeInfo owner = fqn == null ? null : r.project.type(fqn);
    if (owner != null
        && owner.topLevel().equals(t.type().topLevel())
        && !owner.equals(t.type())
        && !owner.fqn().startsWith(t.oldFqn() + ".")) {
      addRef(n, owner.topLevel().fqn());
    }
  }

  /**
   * True if {@code n} is the qualifier of a name of the moved type itself ({@code Outer} in {@code
   * Outer.Inner}), which {@link #edge} replaces whole.
   */
  boolean inOwnName(Node n) {
    for (Node p = n.getParentNode().orElse(null);
        p instanceof ClassOrInterfaceType || p instanceof FieldAccessExpr;
        p = p.getParentNode().orElse(null)) {
      String fqn = r.names.type(home, p);
      if (t.oldFqn().equals(fqn)) {
        return true;
      }
    }
    return false;
  }

  private String scopeType(Expression e) {
    return typeOf(e);
  }

  /** The type a qualifier names (javac's binding first), or null for a value. */
  private String typeOf(Expression e) {
    return e instanceof NameExpr
            || e instanceof FieldAccessExpr
            || e instanceof com.github.javaparser.ast.expr.TypeExpr
        ? r.names.type(home, e)
        : null;
  }

  private void qualify(Node n, TypeInfo e) {
    // An annotation's qualifier goes after its '@'.
    int at = n instanceof AnnotationExpr a ? home.begin(a.getName()) : home.begin(n);
    edits.add(new TextEdit(at, at, e.simpleName() + "."));
    host.sees(n, e.simpleName(), e.fqn());
    addRef(n, e.topLevel().fqn());
  }

  /** True if {@code e} is one of the moved type's enclosing types. */
  private boolean encloses(TypeInfo e) {
    for (TypeInfo o = t.type().outer(); o != null; o = o.outer()) {
      if (o.equals(e)) {
        return true;
      }
    }
    return false;
  }

  private void addRef(Node n, String toTop) {
    String from = t.host().topLevel().fqn();
    n.getBegin()
        .ifPresent(
            p ->
                r.delta.added.add(
                    new GraphDelta.Ref(from, toTop, home.display(), p.line, p.column)));
  }
}
