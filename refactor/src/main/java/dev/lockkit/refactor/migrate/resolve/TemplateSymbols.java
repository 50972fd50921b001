package dev.lockkit.refactor.migrate.resolve;

import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;
import dev.lockkit.refactor.edit.SourceFile;
import dev.lockkit.refactor.javac.Attribution;
import dev.lockkit.refactor.javac.ExpressionTypes;
import dev.lockkit.refactor.migrate.ifconfig.IfConfigAnnotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * javac's attribution of a template file: which method, field, constructor, type or parameter each
 * name, call and method reference of a template denotes, as the compiler decides it (overloads,
 * generics, target-typed method references and lambdas, inherited members).
 *
 * <p>The template file is attributed as a whole, in the javac task of the analysed code ({@link
 * OneTask}), with a stub of Error Prone's {@code Refaster} class on the source path, so {@code
 * Refaster.anyOf} types as its alternatives' type. The Refaster annotations need not resolve: an
 * unresolved annotation is an error outside every expression of a template, and a binding is
 * refused only when javac reports an error inside its own span. A name javac cannot resolve answers
 * null, and the binding is left unresolved (the site is listed, never matched on a guess).
 */
public final class TemplateSymbols {

  private final Attribution attribution;
  private final ExpressionTypes types;
  private final SourceFile file;

  private TemplateSymbols(Attribution attribution, ExpressionTypes types, SourceFile file) {
    this.attribution = attribution;
    this.types = types;
    this.file = file;
  }

  /** javac's answers for {@code file}, one of the units of {@code attribution}. */
  static TemplateSymbols over(Attribution attribution, ExpressionTypes types, SourceFile file) {
    return new TemplateSymbols(attribution, types, file);
  }

  /**
   * The element javac bound the tree spanning from {@code first}'s start to {@code last}'s end to,
   * when it resolved it without error; else null.
   */
  public Element at(Node first, Node last) {
    Range from = first.getRange().orElse(null);
    Range to = last.getRange().orElse(null);
    if (from == null || to == null) {
      return null;
    }
    int start = file.offset(from.begin.line, from.begin.column);
    int end = file.offset(to.end.line, to.end.column) + 1;
    Attribution.Binding b = attribution.at(file.path(), start, end);
    return b != null && b.resolved() ? b.element() : null;
  }

  /**
   * The type javac gives the expression (or written type) spanning exactly {@code n}, where it
   * stands; null when javac gives it none (it does not compile).
   */
  public TypeMirror typeOf(Node n) {
    Range r = n.getRange().orElse(null);
    if (r == null) {
      return null;
    }
    int start = file.offset(r.begin.line, r.begin.column);
    int end = file.offset(r.end.line, r.end.column) + 1;
    return types.at(file.path(), start, end);
  }

  /** javac's errors positioned inside {@code n}, in order (empty when it compiles). */
  public List<String> errorsIn(Node n) {
    Range r = n.getRange().orElse(null);
    if (r == null) {
      return List.of();
    }
    return attribution.errorsIn(
        file.path(),
        file.offset(r.begin.line, r.begin.column),
        file.offset(r.end.line, r.end.column) + 1);
  }

  /** The declared type of the template method parameter named by {@code name}; or null. */
  public TypeMirror parameterType(com.github.javaparser.ast.expr.SimpleName name) {
    Range r = name.getRange().orElse(null);
    if (r == null) {
      return null;
    }
    VariableElement v = types.parameterAt(file.path(), file.offset(r.begin.line, r.begin.column));
    return v == null ? null : v.asType();
  }

  /** The return type of the method whose declared name is {@code name}; or null. */
  public TypeMirror returnType(com.github.javaparser.ast.expr.SimpleName name) {
    Range r = name.getRange().orElse(null);
    if (r == null) {
      return null;
    }
    Element e = attribution.declaredAt(file.path(), file.offset(r.begin.line, r.begin.column));
    return e instanceof ExecutableElement m ? m.getReturnType() : null;
  }

  /** javac's type operations for the types this gives. */
  public javax.lang.model.util.Types types() {
    return attribution.types();
  }

  /** The element of the tree spanning exactly {@code n}. */
  public Element at(Node n) {
    return at(n, n);
  }

  /**
   * The {@code @IfConfig} conditions of a declaration javac bound a template's name to, and of its
   * enclosing types ({@link IfConfigAnnotation#conditions}).
   */
  public List<String> ifConfigConditions(Element declaration) {
    return IfConfigAnnotation.conditions(declaration, attribution);
  }

  /** A method's erased parameter types, {@code (java.lang.String,int)}, as javac erases them. */
  public String signature(ExecutableElement m) {
    List<String> types = new ArrayList<>();
    for (VariableElement p : m.getParameters()) {
      types.add(attribution.erasure(p.asType()));
    }
    return "(" + String.join(",", types) + ")";
  }

  /** The qualified names of every proper supertype of {@code type}. */
  public static Set<String> supertypes(javax.lang.model.element.TypeElement type) {
    return Symbols.supertypes(type);
  }
}
