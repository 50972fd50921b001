package dev.lockkit.refactor.migrate.template;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.resolution.types.ResolvedType;
import java.util.Optional;

/** The type checks of an after template against its own return type and the before's. */
final class TypeChecks {

  private TypeChecks() {}

  /**
   * The after expression's own type must fit the method's return type, or the rewrite writes code
   * that does not compile ({@code s.isEmpty() + 1} for a boolean). Checked where the types are
   * plain (primitives, non-generic classes); generic ones are left to the site.
   */
  static void checkAfterType(TemplateParser parser, MethodDeclaration m, Expression expression)
      throws TemplateException {
    Optional<String> operand = OperandCheck.booleanOperand(expression);
    if (operand.isPresent()) {
      throw parser.error(
          expression,
          "the @" + TemplateParser.AFTER + " expression does not compile: " + operand.get());
    }
    ResolvedType declared;
    ResolvedType actual;
    try {
      declared = m.getType().resolve();
      actual = expression.calculateResolvedType();
    } catch (RuntimeException | StackOverflowError e) {
      return;
    }
    if (!isPlain(declared) || !isPlain(actual) || declared.describe().equals(actual.describe())) {
      return;
    }
    boolean fits;
    try {
      fits = declared.isAssignableBy(actual);
    } catch (RuntimeException e) {
      return;
    }
    if (!fits) {
      throw parser.error(
          expression,
          "the @"
              + TemplateParser.AFTER
              + " expression has type "
              + actual.describe()
              + ", not assignable to its return type "
              + declared.describe());
    }
  }

  private static boolean isPlain(ResolvedType t) {
    return t.isPrimitive()
        || (t.isReferenceType() && t.asReferenceType().typeParametersValues().isEmpty());
  }

  /**
   * Refaster lets an after template return another type than the before (a wider or narrower one:
   * {@code List} for {@code ImmutableList}); what it cannot mean is an unrelated type, which would
   * not compile where the before's value is used. Types that mention type variables are left to
   * unification at the site.
   */
  static void checkReturnTypes(TemplateParser parser, String rule, Template before, Template after)
      throws TemplateException {
    ResolvedType bt;
    ResolvedType at;
    try {
      bt = before.method().getType().resolve();
      at = after.method().getType().resolve();
    } catch (RuntimeException e) {
      return;
    }
    boolean simple =
        (bt.isPrimitive()
                || (bt.isReferenceType() && bt.asReferenceType().typeParametersValues().isEmpty()))
            && (at.isPrimitive()
                || (at.isReferenceType() && at.asReferenceType().typeParametersValues().isEmpty()));
    if (!simple || bt.describe().equals(at.describe())) {
      return;
    }
    boolean related;
    try {
      related =
          (bt.isPrimitive() == at.isPrimitive())
              && (bt.isAssignableBy(at) || at.isAssignableBy(bt));
    } catch (RuntimeException e) {
      return;
    }
    if (!related) {
      throw parser.error(
          after.method(),
          "rule "
              + rule
              + ": @"
              + TemplateParser.AFTER
              + " returns "
              + at.describe()
              + " but the @"
              + TemplateParser.BEFORE
              + " at line "
              + before.line()
              + " returns "
              + bt.describe());
    }
  }
}
