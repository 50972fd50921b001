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
import dev.lockkit.refactor.migrate.resolve.Symbols;

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

  /**
   * What an expression is, as the report says it: a local variable, a parameter, a field... as
   * javac resolved it; the code itself where javac has no answer.
   */
  static String target(Expression x, Symbols symbols) {
    if (x instanceof NameExpr || x instanceof FieldAccessExpr) {
      String kind = symbols.kind(x);
      String name =
          x instanceof NameExpr n ? n.getNameAsString() : ((FieldAccessExpr) x).getNameAsString();
      if ("PARAMETER".equals(kind) && x instanceof NameExpr) {
        return "parameter '" + name + "'";
      }
      if (("FIELD".equals(kind) || "ENUM_CONSTANT".equals(kind))
          && symbols.field(x) instanceof Symbols.Member m) {
        return "field " + simple(m.owner()) + "." + name;
      }
      if (kind != null && kind.contains("VARIABLE") && x instanceof NameExpr) {
        return "local variable '" + name + "'";
      }
    }
    if (x instanceof MethodCallExpr && symbols.method(x) instanceof Symbols.Member m) {
      return "a call of " + simple(m.owner()) + "." + m.name() + "()";
    }
    return "'" + code(x) + "'";
  }

  /**
   * The reason a receiver did not match, in the terms of the kernel's missed sites: reached through
   * an alias, passed in as a plain parameter, or a different object's member entirely.
   */
  static String receiverReason(Expression x, String wanted, Mismatch m, Symbols symbols) {
    String what = target(x, symbols);
    String printed = symbols.typeOf(x);
    String type = printed == null ? "" : " of type " + simple(printed);
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
