package dev.lockkit.refactor.migrate.ifconfig;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import dev.lockkit.refactor.javac.Attribution;
import dev.lockkit.refactor.javac.WrittenAnnotations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;

/**
 * An {@code @IfConfig} annotation, recognised by simple name as the analyzer recognises it (the
 * analysed code's annotation need not resolve), and its condition text: from JavaParser's tree of
 * the analysed code, or from javac's element of a declaration an after template names.
 */
public final class IfConfigAnnotation {

  /** The annotation's simple name. */
  public static final String NAME = dev.lockkit.analyzer.pc.Guards.IF_CONFIG;

  private IfConfigAnnotation() {}

  /** True if {@code a} is an {@code @IfConfig}, qualified or not. */
  public static boolean is(AnnotationExpr a) {
    return a.getName().getIdentifier().equals(NAME);
  }

  /**
   * The condition of {@code @IfConfig("expr")} or {@code @IfConfig(value = "expr")}; empty when the
   * value is not a string literal (a constant the annotation reader cannot evaluate).
   */
  public static Optional<String> value(AnnotationExpr a) {
    Expression v = null;
    if (a instanceof SingleMemberAnnotationExpr s) {
      v = s.getMemberValue();
    } else if (a instanceof NormalAnnotationExpr n) {
      v =
          n.getPairs().stream()
              .filter(p -> p.getNameAsString().equals("value"))
              .map(p -> p.getValue())
              .findFirst()
              .orElse(null);
    }
    return v != null && v.isStringLiteralExpr()
        ? Optional.of(v.asStringLiteralExpr().asString())
        : Optional.empty();
  }

  /**
   * The {@code @IfConfig} conditions on a declaration javac resolved and on its enclosing types,
   * innermost first, recognised by simple name. A declaration in source is read as written (javac's
   * tree: the annotation type need not resolve, as for the analysed code); one from a class file
   * through javac's annotation mirrors. Read while javac's task is alive: the strings are what
   * outlives it.
   *
   * @throws IllegalStateException when an {@code @IfConfig} is there without a string literal value
   *     javac can read: the declaration's condition is unknown, and taking it as unconditional
   *     would be a guess
   */
  public static List<String> conditions(Element declaration, Attribution javac) {
    List<String> out = new ArrayList<>();
    for (Element c = declaration; c != null && c.getKind() != ElementKind.PACKAGE; ) {
      List<WrittenAnnotations.Written> written = javac.annotationsAsWritten(c);
      if (written != null) {
        for (WrittenAnnotations.Written w : written) {
          if (w.simpleName().equals(NAME)) {
            out.add(require(w.value(), c));
          }
        }
      } else {
        for (AnnotationMirror a : c.getAnnotationMirrors()) {
          if (a.getAnnotationType().asElement().getSimpleName().contentEquals(NAME)) {
            out.add(require(mirrorValue(a), c));
          }
        }
      }
      c = c.getEnclosingElement();
    }
    return out;
  }

  private static String require(String value, Element on) {
    if (value == null) {
      throw new IllegalStateException(
          "the @" + NAME + " of " + on.getSimpleName() + " has no string literal value");
    }
    return value;
  }

  private static String mirrorValue(AnnotationMirror a) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> v :
        a.getElementValues().entrySet()) {
      if (v.getKey().getSimpleName().contentEquals("value")
          && v.getValue().getValue() instanceof String s) {
        return s;
      }
    }
    return null;
  }
}
