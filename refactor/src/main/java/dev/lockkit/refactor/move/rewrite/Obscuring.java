package dev.lockkit.refactor.move.rewrite;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import dev.lockkit.refactor.javac.Attribution;
import dev.lockkit.refactor.move.model.ParsedFile;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Whether a simple name written as the qualifier of a member access ({@code Name.member}) would be
 * taken for a variable. Java reads such a name as a variable first and as a type only when no
 * variable of that name is in scope (JLS 6.4.2, obscuring): jsoup's {@code TokeniserState} enum has
 * a constant {@code Comment}, so {@code Comment.SYSTEM_KEY} there means that constant's (missing)
 * field, not {@code org.jsoup.nodes.Comment}'s. Where this says yes the rewrite writes the type's
 * full name.
 *
 * <p>An over-approximation, on purpose: a variable of the name anywhere in the member around the
 * place (locals and parameters, in any block), a field (enum constants included) that a class
 * around the place declares or inherits by javac's elements, an anonymous class's inherited field,
 * or a static import of the name. A yes it need not have given only costs a longer name.
 */
final class Obscuring {
  private final Attribution javac;

  Obscuring(Attribution javac) {
    this.javac = javac;
  }

  /**
   * True if a variable named {@code simple} may be in scope where text is written: the locals of
   * the member around {@code site} (in {@code siteFile}) and the fields of the classes around
   * {@code ctx} (in {@code ctxFile}: the same place, or the existing type that moved text lands in;
   * null for a type this move creates).
   */
  boolean variableNamed(
      String simple, ParsedFile siteFile, Node site, ParsedFile ctxFile, Node ctx) {
    // Every member around the site, a local or anonymous class's enclosing method's too (its
    // locals are in scope there); not the types themselves, whose fields are asked of javac below.
    for (Node n = site; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof BodyDeclaration<?> member
          && !(n instanceof TypeDeclaration<?>)
          && declaresLocal(member, simple)) {
        return true;
      }
    }
    if (ctxFile == null) {
      return false;
    }
    for (Node n = ctx; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> d && hasField(ctxFile, d, simple)) {
        return true;
      }
      if (n instanceof ObjectCreationExpr o
          && o.getAnonymousClassBody().isPresent()
          && inheritsField(ctxFile, o, simple)) {
        return true;
      }
    }
    return staticallyImported(ctxFile, simple);
  }

  private static boolean declaresLocal(BodyDeclaration<?> member, String simple) {
    return member
            .findFirst(VariableDeclarator.class, v -> v.getNameAsString().equals(simple))
            .isPresent()
        || member.findFirst(Parameter.class, p -> p.getNameAsString().equals(simple)).isPresent()
        || member
            .findFirst(TypePatternExpr.class, p -> p.getNameAsString().equals(simple))
            .isPresent();
  }

  private boolean hasField(ParsedFile f, TypeDeclaration<?> d, String simple) {
    Element e = javac == null ? null : javac.declaredAt(f.source().path(), f.begin(d.getName()));
    if (e instanceof TypeElement te) {
      return fieldIn(te, simple);
    }
    // No javac element (a type this move creates): its own declarations.
    for (FieldDeclaration fd : d.getFields()) {
      if (fd.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(simple))) {
        return true;
      }
    }
    return d instanceof EnumDeclaration en
        && en.getEntries().stream()
            .map(EnumConstantDeclaration::getNameAsString)
            .anyMatch(simple::equals);
  }

  private boolean inheritsField(ParsedFile f, ObjectCreationExpr o, String simple) {
    if (javac == null) {
      return false;
    }
    var type = o.getType();
    Attribution.Binding b =
        javac.at(f.source().path(), f.begin(type.getName()), f.end(type.getName()));
    return b != null && b.element() instanceof TypeElement te && fieldIn(te, simple);
  }

  /** A field of that name that {@code t} declares or inherits (a private one is not inherited). */
  private boolean fieldIn(TypeElement t, String simple) {
    Deque<TypeElement> todo = new ArrayDeque<>();
    todo.add(t);
    Set<TypeElement> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      TypeElement c = todo.poll();
      if (!seen.add(c)) {
        continue;
      }
      for (Element e : c.getEnclosedElements()) {
        if ((e.getKind() == ElementKind.FIELD || e.getKind() == ElementKind.ENUM_CONSTANT)
            && e.getSimpleName().contentEquals(simple)
            && (c == t || !e.getModifiers().contains(Modifier.PRIVATE))) {
          return true;
        }
      }
      for (TypeMirror sup : javac.types().directSupertypes(c.asType())) {
        if (sup instanceof DeclaredType dt && dt.asElement() instanceof TypeElement st) {
          todo.add(st);
        }
      }
    }
    return false;
  }

  /** {@code import static a.B.simple;}, or {@code import static a.B.*;} where B has that field. */
  private boolean staticallyImported(ParsedFile f, String simple) {
    for (ImportDeclaration d : f.cu().getImports()) {
      if (!d.isStatic()) {
        continue;
      }
      if (!d.isAsterisk() && d.getName().getIdentifier().equals(simple)) {
        return true;
      }
      if (d.isAsterisk() && javac != null) {
        TypeElement from = javac.typeNamed(d.getNameAsString());
        if (from != null && fieldIn(from, simple)) {
          return true;
        }
      }
    }
    return false;
  }
}
