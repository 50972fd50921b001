package dev.lockkit.refactor.move.rewrite;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.lockkit.refactor.javac.Attribution;
import dev.lockkit.refactor.move.model.ParsedFile;
import java.nio.file.Path;
import javax.lang.model.element.Element;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * What a type name written in a file denotes, as javac's attribution of that file bound it: the one
 * question every type move asks of every file (is this name the moved type? what does the moved
 * text's name mean?). javac's answer covers what lockkit's own lookup cannot see — a library type
 * reached through an on-demand import ({@code import com.fasterxml.jackson.core.*;}), a member type
 * a library supertype declares, an ambiguity javac reports — and is taken whenever javac attributed
 * the file and bound the name. Where javac has no binding (a file or a method body it did not
 * attribute, a name it could not resolve) there is no answer: {@link #problem} says why, and the
 * caller reports it ({@code move/unresolved}) instead of guessing. Unqualified field and method
 * names are javac's too ({@link #member}), with the scope they came through.
 *
 * <p>A JavaParser node is matched to javac's tree by its character span: a simple name by the
 * name's span, a qualified type {@code p.Outer.Inner<X>} by the span of {@code p.Outer.Inner}.
 */
final class JavacNames {

  private final Attribution javac;

  JavacNames(Attribution javac) {
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
    if (byJavac == null && span != null) {
      return missingImport(f, n);
    }
    return byJavac == null || byJavac.isEmpty() ? null : byJavac;
  }

  /**
   * The simple type name {@code n} spells unqualified in {@code f}: a type, an annotation, or a
   * name javac bound as a type (the qualifier in {@code JsonToken.X}); null for anything else.
   */
  String writtenTypeName(ParsedFile f, Node n) {
    if (n instanceof ClassOrInterfaceType ct && ct.getScope().isEmpty()) {
      return ct.getNameAsString();
    } else if (n instanceof AnnotationExpr a && a.getName().getQualifier().isEmpty()) {
      return a.getNameAsString();
    } else if (n instanceof NameExpr ne && member(f, ne).kind() == MemberKind.TYPE) {
      return ne.getNameAsString();
    }
    return null;
  }

  /**
   * The one answer that is not javac's binding of the name itself: a simple type name javac could
   * not resolve that a single-type import of the file names, where javac could not resolve that
   * import either (the class is missing from the class path). The name then means what the import
   * line says (JLS 7.5.1), the same missing class, wherever the line goes with the text; javac's
   * check of the result counts the missing class as an error the tree already had. Any other name
   * javac could not resolve has no answer ({@link #problem}).
   */
  private String missingImport(ParsedFile f, Node n) {
    String simple;
    if (n instanceof ClassOrInterfaceType ct && ct.getScope().isEmpty()) {
      simple = ct.getNameAsString();
    } else if (n instanceof AnnotationExpr a && a.getName().getQualifier().isEmpty()) {
      simple = a.getNameAsString();
    } else if (n instanceof NameExpr ne) {
      simple = ne.getNameAsString();
    } else {
      return null;
    }
    if (javac == null || !javac.covers(f.source().path())) {
      return null;
    }
    for (ImportDeclaration d : f.cu().getImports()) {
      if (d.isStatic() || d.isAsterisk() || !d.getName().getIdentifier().equals(simple)) {
        continue;
      }
      Attribution.Binding b = javac.at(f.source().path(), f.begin(d.getName()), f.end(d.getName()));
      return b == null || !b.resolved() ? d.getNameAsString() : null;
    }
    return null;
  }

  /**
   * Why javac gave no answer for the type name {@code n} of {@code f} ({@link #type} is null then
   * too); null when javac bound it (to a type or to anything else). The caller reports it: a name
   * javac could not resolve is never guessed.
   */
  String problem(ParsedFile f, Node n) {
    int[] span = span(f, n);
    if (span == null) {
      return null;
    }
    if (javac == null || !javac.covers(f.source().path())) {
      return "javac did not attribute " + f.display();
    }
    Attribution.Binding b = javac.at(f.source().path(), span[0], span[1]);
    if (b != null && b.resolved()) {
      return null;
    }
    if (missingImport(f, n) != null) {
      return null;
    }
    return b == null ? "javac's tree does not line up with the source here" : b.problem();
  }

  /** What an unqualified field or method name means where it is written. */
  enum MemberKind {
    /** A local variable, a parameter, or a member of a local or anonymous class. */
    LOCAL,
    /** A member of an enclosing class (declared or inherited): {@code lexical} is that class. */
    MEMBER,
    /** A member reached through a static import: {@code owner} is the imported type. */
    STATIC_IMPORT,
    /** A type or a package (a {@link NameExpr} that is a qualifier). */
    TYPE,
    /** javac gave no answer: {@code problem} says why. */
    UNRESOLVED
  }

  /**
   * javac's answer for an unqualified name, with the scope it came through.
   *
   * @param element what javac bound it to (null when unresolved)
   * @param owner the canonical name of the type that supplied it: the declaring type for {@link
   *     MemberKind#MEMBER}, the type a static import names for {@link MemberKind#STATIC_IMPORT}
   * @param lexical for {@link MemberKind#MEMBER}: the innermost enclosing declaration of the name
   *     (a {@link TypeDeclaration}, or an {@link ObjectCreationExpr} or enum constant with a body)
   *     that declares or inherits it
   */
  record Member(MemberKind kind, Element element, String owner, Node lexical, String problem) {}

  /**
   * What the unqualified field name {@code site} ({@link NameExpr}) or method call ({@link
   * MethodCallExpr} without a scope) of {@code f} denotes, by javac's binding in that file: the
   * element, and whether it came through an enclosing class (which one: the innermost lexically
   * enclosing class whose type is or extends the element's declaring type) or a static import. This
   * replaces lockkit's own member lookup: javac has already decided locals, shadowing, inherited
   * members (from library supertypes too) and imports.
   */
  Member member(ParsedFile f, Node site) {
    Path path = f.source().path();
    if (javac == null || !javac.covers(path)) {
      return unresolved("javac did not attribute " + f.display());
    }
    int end = site instanceof MethodCallExpr mc ? f.end(mc.getName()) : f.end(site);
    Attribution.Binding b = javac.at(path, f.begin(site), end);
    if (b == null) {
      return unresolved("javac's tree does not line up with the source here");
    }
    if (!b.resolved()) {
      return unresolved(b.problem());
    }
    Element e = b.element();
    if (e.getKind() == javax.lang.model.element.ElementKind.ENUM_CONSTANT
        && site.getParentNode().orElse(null) instanceof SwitchEntry se
        && se.getLabels().contains(site)) {
      // An enum constant label means the selector's constant, wherever the code lives; a label
      // that is a constant variable (`case TYPE_DURATION:`) is an ordinary name.
      return new Member(MemberKind.LOCAL, e, null, null, null);
    }
    if (e instanceof TypeElement || e instanceof PackageElement) {
      return new Member(MemberKind.TYPE, e, null, null, null);
    }
    if (!(e.getEnclosingElement() instanceof TypeElement owner)
        || owner.getNestingKind() == NestingKind.LOCAL
        || owner.getNestingKind() == NestingKind.ANONYMOUS) {
      return new Member(MemberKind.LOCAL, e, null, null, null);
    }
    String ownerName = owner.getQualifiedName().toString();
    if (!b.viaEnclosingScope()) {
      return new Member(MemberKind.STATIC_IMPORT, e, imported(f, site, owner), null, null);
    }
    Node lexical = lexical(f, site, owner);
    if (lexical == null) {
      return unresolved(
          "javac bound it to " + ownerName + "'s member through a class lockkit could not place");
    }
    return new Member(MemberKind.MEMBER, e, ownerName, lexical, null);
  }

  private static Member unresolved(String why) {
    return new Member(MemberKind.UNRESOLVED, null, null, null, why);
  }

  /**
   * The innermost declaration around {@code site} whose class is {@code owner} or a subtype of it:
   * the class through which javac's scope lookup found the member.
   */
  private Node lexical(ParsedFile f, Node site, TypeElement owner) {
    Path path = f.source().path();
    Node child = site;
    for (Node n = site.getParentNode().orElse(null);
        n != null;
        child = n, n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> d) {
        Element declared = javac.declaredAt(path, f.begin(d.getName()));
        if (declared != null && javac.inherits(declared, owner)) {
          return d;
        }
      } else if (n instanceof ObjectCreationExpr oce
          && oce.getAnonymousClassBody().isPresent()
          && child instanceof BodyDeclaration<?>) {
        // An anonymous class: its members are its supertype's.
        int[] s = span(f, oce.getType());
        Attribution.Binding sup = s == null ? null : javac.at(path, s[0], s[1]);
        if (sup != null && sup.resolved() && javac.inherits(sup.element(), owner)) {
          return oce;
        }
      }
    }
    return null;
  }

  /**
   * The type of the static import that supplied a member of {@code owner} named like {@code site}:
   * a single static import of that name first (it shadows on-demand ones), then an on-demand one,
   * each by javac's binding of the import's type name; {@code owner} itself when no import's type
   * can be placed (the member is {@code owner}'s, so {@code owner.name} denotes it as well).
   */
  private String imported(ParsedFile f, Node site, TypeElement owner) {
    String name =
        site instanceof MethodCallExpr mc
            ? mc.getNameAsString()
            : ((NameExpr) site).getNameAsString();
    Path path = f.source().path();
    for (boolean onDemand : new boolean[] {false, true}) {
      for (ImportDeclaration d : f.cu().getImports()) {
        if (!d.isStatic() || d.isAsterisk() != onDemand) {
          continue;
        }
        Name type = onDemand ? d.getName() : d.getName().getQualifier().orElse(null);
        if (type == null || !onDemand && !d.getName().getIdentifier().equals(name)) {
          continue;
        }
        Attribution.Binding b = javac.at(path, f.begin(type), f.end(type));
        if (b != null
            && b.resolved()
            && b.element() instanceof TypeElement te
            && javac.inherits(te, owner)) {
          return te.getQualifiedName().toString();
        }
      }
    }
    return owner.getQualifiedName().toString();
  }

  /**
   * The member type javac bound the type name {@code n} to; null for anything else or no binding.
   */
  private TypeElement memberTypeBound(ParsedFile f, Node n) {
    int[] span = span(f, n);
    if (span == null || javac == null || !javac.covers(f.source().path())) {
      return null;
    }
    Attribution.Binding b = javac.at(f.source().path(), span[0], span[1]);
    return b != null
            && b.resolved()
            && b.element() instanceof TypeElement te
            && te.getNestingKind() == NestingKind.MEMBER
        ? te
        : null;
  }

  /**
   * True if javac bound the type name {@code n} to a member type that a type declared within {@code
   * moved} (the moving declaration, or a type nested in it) declares or inherits: the name keeps
   * its meaning wherever the declaration goes, so it needs no import and no qualifier.
   */
  boolean seenFromInside(ParsedFile f, Node n, TypeDeclaration<?> moved) {
    TypeElement te = memberTypeBound(f, n);
    if (te == null) {
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
    TypeElement te = memberTypeBound(f, n);
    if (te == null) {
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
