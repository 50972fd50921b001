package dev.lockkit.refactor.migrate.template;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.lockkit.refactor.migrate.resolve.TemplateSymbols;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * A template's names as javac's attribution of the template file resolves them ({@link
 * TemplateSymbols}), turned into the {@link Ref}s the matcher compares with javac's answers for the
 * analysed code. Each method answers null when javac did not resolve the node to that kind of
 * declaration; the caller then skips the rule with javac's reason (there is no other resolver).
 */
final class JavacRefs {

  /** A reference and the declaration javac bound it to (for reachability and gating checks). */
  record Resolved(Ref ref, Element element) {}

  private final TemplateSymbols symbols;

  JavacRefs(TemplateSymbols symbols) {
    this.symbols = symbols;
  }

  /** javac's answers for the template file. */
  TemplateSymbols symbols() {
    return symbols;
  }

  /** A simple name denoting a static field or an enum constant. */
  Resolved name(NameExpr ne) {
    Element e = symbols.at(ne);
    if (e instanceof VariableElement v && isStaticField(v)) {
      return new Resolved(new Ref(Ref.Kind.FIELD, owner(v), ne.getNameAsString(), "", true), v);
    }
    return null;
  }

  /** {@code a.f}: a field or enum constant, or an array's {@code length}. */
  Resolved fieldAccess(FieldAccessExpr fa) {
    Element e = symbols.at(fa);
    if (!(e instanceof VariableElement v)) {
      return null;
    }
    if (isArrayLength(v)) {
      return new Resolved(new Ref(Ref.Kind.ARRAY_LENGTH, "", "length", "", false), null);
    }
    if (v.getKind() != ElementKind.FIELD && v.getKind() != ElementKind.ENUM_CONSTANT) {
      return null;
    }
    boolean isStatic =
        v.getKind() == ElementKind.ENUM_CONSTANT || v.getModifiers().contains(Modifier.STATIC);
    return new Resolved(new Ref(Ref.Kind.FIELD, owner(v), fa.getNameAsString(), "", isStatic), v);
  }

  /** The method a call denotes (javac's tree for it is the select {@code a.m} or the name). */
  Resolved call(MethodCallExpr mc) {
    Node first = mc.getScope().map(Node.class::cast).orElse(mc.getName());
    Element e = symbols.at(first, mc.getName());
    return e instanceof ExecutableElement m && m.getKind() == ElementKind.METHOD
        ? new Resolved(method(m, mc.getNameAsString()), m)
        : null;
  }

  /** The method or constructor a method reference denotes, as its functional type selects it. */
  Resolved methodReference(MethodReferenceExpr mr) {
    Element e = symbols.at(mr);
    if (!(e instanceof ExecutableElement m)) {
      return null;
    }
    if (m.getKind() == ElementKind.CONSTRUCTOR) {
      return new Resolved(new Ref(Ref.Kind.CONSTRUCTOR, owner(m), "<init>", "", true), m);
    }
    return m.getKind() == ElementKind.METHOD
        ? new Resolved(method(m, mr.getIdentifier()), m)
        : null;
  }

  /** The constructor of {@code new T(...)}. */
  Resolved creation(ObjectCreationExpr oc) {
    Element e = symbols.at(oc);
    return e instanceof ExecutableElement c && c.getKind() == ElementKind.CONSTRUCTOR
        ? new Resolved(new Ref(Ref.Kind.CONSTRUCTOR, owner(c), "<init>", "", true), c)
        : null;
  }

  /** A class or interface type, by its name (without type arguments). */
  Resolved type(ClassOrInterfaceType ct) {
    Element e = symbols.at(ct, ct.getName());
    return e instanceof TypeElement t
        ? new Resolved(new Ref(Ref.Kind.TYPE, t.getQualifiedName().toString(), "", "", true), t)
        : null;
  }

  private Ref method(ExecutableElement m, String name) {
    TypeElement owner = (TypeElement) m.getEnclosingElement();
    return new Ref(
        Ref.Kind.METHOD,
        owner.getQualifiedName().toString(),
        name,
        symbols.signature(m),
        m.getModifiers().contains(Modifier.STATIC),
        TemplateSymbols.supertypes(owner));
  }

  private static boolean isStaticField(VariableElement v) {
    return v.getKind() == ElementKind.ENUM_CONSTANT
        || (v.getKind() == ElementKind.FIELD && v.getModifiers().contains(Modifier.STATIC));
  }

  /** javac binds {@code a.length} of an array to the field of its synthetic class {@code Array}. */
  /**
   * True for an array's {@code length}: javac gives it as a field of its synthetic class {@code
   * Array}, which belongs to no package (its owner is javac's "no symbol", not the unnamed
   * package), so a user's class named {@code Array} in the unnamed package is not mistaken for it.
   */
  private static boolean isArrayLength(VariableElement v) {
    return v.getSimpleName().contentEquals("length") && isArrayClass(v.getEnclosingElement());
  }

  /**
   * True for javac's synthetic class of arrays, which declares {@code length} and {@code clone}.
   */
  private static boolean isArrayClass(Element e) {
    if (!(e instanceof TypeElement t) || !t.getQualifiedName().contentEquals("Array")) {
      return false;
    }
    Element owner = t.getEnclosingElement();
    return owner == null
        || (owner.getKind() != ElementKind.PACKAGE && !(owner instanceof TypeElement));
  }

  private static String owner(Element member) {
    return ((TypeElement) member.getEnclosingElement()).getQualifiedName().toString();
  }

  /** "method m" or "field f" for a member, null for anything else. */
  static String describe(Element e) {
    if (e.getKind() == ElementKind.METHOD) {
      return "method " + e.getSimpleName();
    }
    return e.getKind() == ElementKind.FIELD ? "field " + e.getSimpleName() : null;
  }

  /** The qualified name of a member's declaring type. */
  static String declaringType(Element e) {
    return owner(e);
  }

  static boolean isPrivate(Element e) {
    return e.getModifiers().contains(Modifier.PRIVATE);
  }

  /**
   * The {@code @IfConfig} conditions on a declaration and its enclosing types, innermost first
   * ({@link TemplateSymbols#ifConfigConditions}).
   */
  List<String> conditions(Element e) {
    return symbols.ifConfigConditions(e);
  }
}
