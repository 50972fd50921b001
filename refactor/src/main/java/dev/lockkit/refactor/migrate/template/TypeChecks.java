package dev.lockkit.refactor.migrate.template;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import dev.lockkit.refactor.migrate.resolve.TemplateSymbols;
import java.util.List;
import java.util.Optional;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The type checks of an after template against its own return type and the before's, on javac's
 * types of the template file (the task that attributed it is alive while the file is read).
 */
final class TypeChecks {

  private TypeChecks() {}

  /**
   * The after expression's own type must fit the method's return type, or the rewrite writes code
   * that does not compile ({@code s.isEmpty() + 1} for a boolean). Checked where the types are
   * plain (primitives, non-generic classes); generic ones are left to the site.
   */
  static void checkAfterType(
      TemplateParser parser, TemplateSymbols javac, MethodDeclaration m, Expression expression)
      throws TemplateException {
    Optional<String> operand = OperandCheck.booleanOperand(javac, expression);
    if (operand.isPresent()) {
      throw parser.error(
          expression,
          "the @" + TemplateParser.AFTER + " expression does not compile: " + operand.get());
    }
    Types types = javac.types();
    TypeMirror declared = javac.returnType(m.getName());
    TypeMirror actual = javac.typeOf(expression);
    if (declared == null) {
      return;
    }
    if (actual == null) {
      // javac gives an expression it cannot convert to the return type no type at all.
      List<String> errors = javac.errorsIn(expression);
      // A missing name is the name resolution's to report (with the --classpath hint).
      if (!errors.isEmpty() && !isMissingName(errors.get(0))) {
        throw parser.error(
            expression,
            "the @" + TemplateParser.AFTER + " expression does not compile: " + errors.get(0));
      }
      return;
    }
    if (!JavacTypes.isPlain(declared)
        || !JavacTypes.isPlain(actual)
        || declared.toString().equals(actual.toString())) {
      return;
    }
    if (!types.isAssignable(actual, declared)) {
      throw parser.error(
          expression,
          "the @"
              + TemplateParser.AFTER
              + " expression has type "
              + actual
              + ", not assignable to its return type "
              + declared);
    }
  }

  /**
   * An after template whose names all resolved must compile as javac attributed it in the template
   * file: its text is written into the user's code, so an error javac reports inside it (a generic
   * type that does not fit, an argument of the wrong type) would be written there too.
   */
  static void checkCompiles(TemplateParser parser, TemplateSymbols javac, List<? extends Node> body)
      throws TemplateException {
    checkCompiles(parser, javac, body, false);
  }

  /**
   * {@link #checkCompiles} before the after template's names are resolved, so that an ill-typed
   * argument is refused with javac's own message rather than as a name that did not resolve: a
   * missing symbol is left to the name resolution, whose message says which name and to pass its
   * library with {@code --classpath}.
   */
  static void checkCompilesButMissingNames(
      TemplateParser parser, TemplateSymbols javac, List<? extends Node> body)
      throws TemplateException {
    checkCompiles(parser, javac, body, true);
  }

  private static void checkCompiles(
      TemplateParser parser, TemplateSymbols javac, List<? extends Node> body, boolean butMissing)
      throws TemplateException {
    for (Node n : body) {
      for (String error : javac.errorsIn(n)) {
        if (butMissing && isMissingName(error)) {
          return; // whatever follows may be a consequence of the missing name
        }
        throw parser.error(n, "the @" + TemplateParser.AFTER + " does not compile: " + error);
      }
    }
  }

  /**
   * Refaster lets an after template return another type than the before (a wider or narrower one:
   * {@code List} for {@code ImmutableList}); what it cannot mean is an unrelated type, which would
   * not compile where the before's value is used. Types that mention type variables are left to
   * unification at the site.
   */
  static void checkReturnTypes(
      TemplateParser parser, TemplateSymbols javac, String rule, Template before, Template after)
      throws TemplateException {
    Types types = javac.types();
    TypeMirror bt = javac.returnType(before.method().getName());
    TypeMirror at = javac.returnType(after.method().getName());
    if (bt == null || at == null) {
      return;
    }
    if (!JavacTypes.isPlain(bt) || !JavacTypes.isPlain(at) || bt.toString().equals(at.toString())) {
      return;
    }
    boolean related =
        bt.getKind().isPrimitive() == at.getKind().isPrimitive()
            && (types.isAssignable(at, bt) || types.isAssignable(bt, at));
    if (!related) {
      throw parser.error(
          after.method(),
          "rule "
              + rule
              + ": @"
              + TemplateParser.AFTER
              + " returns "
              + at
              + " but the @"
              + TemplateParser.BEFORE
              + " at line "
              + before.line()
              + " returns "
              + bt);
    }
  }

  /** javac's message for a name it cannot find (a class, member or package), in the root locale. */
  private static boolean isMissingName(String javacMessage) {
    return javacMessage.startsWith("cannot find symbol")
        || (javacMessage.startsWith("package ") && javacMessage.endsWith(" does not exist"));
  }
}
