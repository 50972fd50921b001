package dev.lockkit.refactor.move.rewrite;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.lockkit.refactor.move.model.MovedType;
import dev.lockkit.refactor.move.model.ParsedFile;
import java.util.ArrayList;
import java.util.List;

/**
 * The uses of a moving type in one file, in source order: the one reference walk of every type move
 * (to a package, into a type, nested or top-level), which differ only in what they write at each
 * use. A name is a use when it denotes the moved type as {@link JavacNames} answers it — javac's
 * binding in the file where javac attributed it — so a same-named type (another package's, a
 * library's through an on-demand import, a member type that shadows it) is never taken for it.
 */
final class TypeUses {

  /**
   * One use.
   *
   * @param simple the simple name ({@code Inner}, {@code @Inner}); else a qualified name ({@code
   *     Outer.Inner}, {@code pkg.Outer.Inner}, also as an annotation or an expression's qualifier)
   * @param start where the name starts (after an annotation's {@code @})
   * @param end just past the name (type arguments excluded)
   */
  record Use(Node node, boolean simple, int start, int end) {}

  private TypeUses() {}

  /**
   * The first simple name in {@code f} (outside {@code skip}) spelled like the moved type that
   * javac bound to another type, or null: where the moved type's simple name becomes visible in
   * that file (a single-type import of it, its new package, the host's scope), that other type
   * would be shadowed, and the code using it would change meaning or stop compiling.
   *
   * @param onlyOnDemand only names that reached the other type through an on-demand import or
   *     {@code java.lang} (what a type of the file's own package shadows), not through a
   *     single-type import or a member type in scope (which the package does not shadow)
   */
  static Node other(
      MoveRewriter r, ParsedFile f, MovedType t, MemberText skip, boolean onlyOnDemand) {
    String simple = t.type().simpleName();
    Node[] found = {null};
    boolean singleImport =
        f.cu().getImports().stream()
            .anyMatch(
                d ->
                    !d.isStatic() && !d.isAsterisk() && d.getName().getIdentifier().equals(simple));
    f.cu()
        .walk(
            n -> {
              if (found[0] != null
                  || n.getBegin().isEmpty()
                  || skip != null && skip.contains(f.begin(n))) {
                return;
              }
              boolean named =
                  n instanceof ClassOrInterfaceType ct
                          && ct.getScope().isEmpty()
                          && ct.getNameAsString().equals(simple)
                      || n instanceof AnnotationExpr a
                          && a.getName().getQualifier().isEmpty()
                          && a.getNameAsString().equals(simple)
                      || n instanceof NameExpr ne && ne.getNameAsString().equals(simple);
              if (!named) {
                return;
              }
              javax.lang.model.element.TypeElement other = r.names.otherType(f, n, t.oldFqn());
              if (other == null) {
                return;
              }
              if (!onlyOnDemand
                  || !singleImport
                      && other.getNestingKind() == javax.lang.model.element.NestingKind.TOP_LEVEL
                      && !packageOf(other).equals(f.packageName())) {
                found[0] = n;
              }
            });
    return found[0];
  }

  private static String packageOf(javax.lang.model.element.TypeElement te) {
    javax.lang.model.element.Element e = te.getEnclosingElement();
    return e instanceof javax.lang.model.element.PackageElement p
        ? p.getQualifiedName().toString()
        : "";
  }

  /** The uses of {@code t} in {@code f}, outside {@code skip} (the moved text itself) if given. */
  static List<Use> of(MoveRewriter r, ParsedFile f, MovedType t, MemberText skip) {
    String oldFqn = t.oldFqn();
    String simple = t.type().simpleName();
    List<Use> out = new ArrayList<>();
    f.cu()
        .walk(
            n -> {
              if (n.getBegin().isEmpty() || skip != null && skip.contains(f.begin(n))) {
                return;
              }
              // Every name of the type ends with its simple name: others are not looked up.
              if (n instanceof ClassOrInterfaceType ct && ct.getNameAsString().equals(simple)) {
                unresolved(r, f, t, ct);
                if (oldFqn.equals(r.names.type(f, ct))) {
                  out.add(
                      new Use(
                          ct,
                          ct.getScope().isEmpty(),
                          ct.getScope().isEmpty() ? f.begin(ct.getName()) : f.begin(ct),
                          f.end(ct.getName())));
                }
              } else if (n instanceof AnnotationExpr a
                  && a.getName().getIdentifier().equals(simple)) {
                unresolved(r, f, t, a);
                if (oldFqn.equals(r.names.type(f, a))) {
                  out.add(
                      new Use(
                          a,
                          a.getName().getQualifier().isEmpty(),
                          f.begin(a.getName()),
                          f.end(a.getName())));
                }
              } else if (n instanceof NameExpr ne && ne.getNameAsString().equals(simple)
                  || n instanceof FieldAccessExpr fa && fa.getNameAsString().equals(simple)) {
                unresolved(r, f, t, n);
                if (oldFqn.equals(r.names.type(f, n))) {
                  out.add(new Use(n, n instanceof NameExpr, f.begin(n), f.end(n)));
                }
              }
            });
    return out;
  }

  /**
   * A name spelled like the moved type that javac did not resolve (a library missing from the class
   * path, an error there): whether it means the moved type is not known, so it is a {@code
   * move/unresolved} conflict, not a guess either way.
   */
  private static void unresolved(MoveRewriter r, ParsedFile f, MovedType t, Node n) {
    String why = r.names.problem(f, n);
    if (why != null) {
      String name =
          n instanceof AnnotationExpr a
              ? a.getNameAsString()
              : f.source().text().substring(f.begin(n), f.end(n));
      r.conflict(
          "move/unresolved",
          f,
          n,
          name
              + " is spelled like the moved "
              + t.oldFqn()
              + ", but not resolved by javac ("
              + why
              + "), so whether it refers to it is not known; give javac what the sources need"
              + " (--classpath, --maven-module) or fix the error first",
          t.oldFqn() + " <- " + f.display() + ":" + name);
    }
  }
}
