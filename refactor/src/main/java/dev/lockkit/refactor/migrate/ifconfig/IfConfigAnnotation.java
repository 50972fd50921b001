package dev.lockkit.refactor.migrate.ifconfig;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import java.util.Optional;

/**
 * An {@code @IfConfig} annotation, recognised by simple name as the analyzer recognises it (the
 * analysed code's annotation need not resolve), and its condition text.
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
}
