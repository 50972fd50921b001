package dev.lockkit.refactor.migrate.match;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.printer.DefaultPrettyPrinter;
import com.github.javaparser.printer.configuration.DefaultConfigurationOption;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration.ConfigOption;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedValueDeclaration;
import java.util.Optional;

/** Short descriptions of target code for mismatch reasons, and comment-blind code equality. */
final class Describe {

  private static final DefaultPrettyPrinter PRINTER =
      new DefaultPrettyPrinter(
          new DefaultPrinterConfiguration()
              .removeOption(new DefaultConfigurationOption(ConfigOption.PRINT_COMMENTS))
              .removeOption(new DefaultConfigurationOption(ConfigOption.PRINT_JAVADOC)));

  private Describe() {}

  /** The code of {@code n} on one line, without comments. */
  static String code(Node n) {
    String s = PRINTER.print(n).replaceAll("\\s+", " ").strip();
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }

  /** True if the two expressions are the same code, ignoring comments and layout. */
  static boolean sameCode(Expression a, Expression b) {
    return PRINTER
        .print(a)
        .replaceAll("\\s+", " ")
        .equals(PRINTER.print(b).replaceAll("\\s+", " "));
  }

  static Optional<String> fieldOwner(ResolvedValueDeclaration d) {
    if (d.isField()) {
      return Optional.of(d.asField().declaringType().getQualifiedName());
    }
    if (d.isEnumConstant()) {
      return Optional.of(d.getType().describe());
    }
    return Optional.empty();
  }

  /** What an expression is, as the report says it: a local variable, a parameter, a field... */
  static String target(Expression x) {
    try {
      if (x instanceof NameExpr n) {
        ResolvedValueDeclaration d = n.resolve();
        if (d.isParameter()) {
          return "parameter '" + n.getNameAsString() + "'";
        }
        if (d.isField() || d.isEnumConstant()) {
          return "field " + simple(fieldOwner(d).orElse("")) + "." + d.getName();
        }
        return "local variable '" + n.getNameAsString() + "'";
      }
      if (x instanceof FieldAccessExpr f) {
        ResolvedValueDeclaration d = f.resolve();
        return "field " + simple(fieldOwner(d).orElse("?")) + "." + d.getName();
      }
      if (x instanceof MethodCallExpr m) {
        ResolvedMethodDeclaration d = m.resolve();
        return "a call of "
            + simple(d.declaringType().getQualifiedName())
            + "."
            + d.getName()
            + "()";
      }
    } catch (RuntimeException e) {
      // Fall back to the code itself.
    }
    return "'" + code(x) + "'";
  }

  /**
   * The reason a receiver did not match, in the terms of the kernel's missed sites: reached through
   * an alias, passed in as a plain parameter, or a different object's member entirely.
   */
  static String receiverReason(Expression x, String wanted, Mismatch m) {
    String what = target(x);
    String type = "";
    try {
      type = " of type " + simple(x.calculateResolvedType().describe());
    } catch (RuntimeException e) {
      // The type is only decoration here.
    }
    if (what.startsWith("local variable")) {
      return "reached through an alias: "
          + what
          + type
          + " holds it; the template needs "
          + wanted
          + " written out, and the alias may have been reassigned";
    }
    if (what.startsWith("parameter")) {
      return "passed in as "
          + what
          + type
          + ": nothing at this site says it is "
          + wanted
          + "; migrate the callers or the parameter by hand";
    }
    if (what.startsWith("field")) {
      return what + " is not " + wanted + ": a different object's member";
    }
    if (what.startsWith("a call")) {
      return "reached through "
          + what.substring("a call of ".length())
          + ", not "
          + wanted
          + ": another object's member";
    }
    return m.reason();
  }

  private static String simple(String qualified) {
    int lt = qualified.indexOf('<');
    String base = lt < 0 ? qualified : qualified.substring(0, lt);
    String rest = lt < 0 ? "" : qualified.substring(lt);
    return base.substring(base.lastIndexOf('.') + 1) + rest;
  }
}
