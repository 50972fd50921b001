package dev.lockkit.refactor.migrate.template;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Refaster annotations of a template's placeholders: {@code @Matches}, {@code @NotMatches},
 * {@code @Repeated}.
 */
final class PlaceholderAnnotations {

  private PlaceholderAnnotations() {}

  /**
   * The {@code @Matches}/{@code @NotMatches} conditions of a placeholder. Picnic's matchers need
   * Error Prone's {@code VisitorState}, so they cannot be run from the class path; the ones its
   * rules use are implemented by name (in the matcher); any other refuses the rule.
   */
  static List<Template.Condition> conditions(TemplateParser parser, Parameter p)
      throws TemplateException {
    List<Template.Condition> out = new ArrayList<>();
    for (AnnotationExpr a : p.getAnnotations()) {
      String simple = a.getName().getIdentifier();
      if (!simple.equals("Matches") && !simple.equals("NotMatches")) {
        continue;
      }
      String matcher =
          a instanceof com.github.javaparser.ast.expr.SingleMemberAnnotationExpr sm
                  && sm.getMemberValue() instanceof com.github.javaparser.ast.expr.ClassExpr c
              ? c.getType().asString().replaceAll(".*\\.", "")
              : null;
      if (matcher == null || !Template.Condition.KNOWN.contains(matcher)) {
        throw parser.error(
            a,
            (matcher == null
                    ? "@" + simple + " without a matcher class"
                    : "@" + simple + "(" + matcher + ".class)")
                + " is not supported by lockkit migrate (supported matchers: "
                + String.join(", ", new java.util.TreeSet<>(Template.Condition.KNOWN))
                + ")");
      }
      out.add(new Template.Condition(matcher, simple.equals("NotMatches")));
    }
    return out;
  }

  /**
   * A {@code @Repeated} placeholder stands for zero or more trailing arguments of a varargs call:
   * every use of it must be the last argument of a method call (no {@code Refaster.asVarargs}).
   */
  static void checkRepeated(TemplateParser parser, MethodDeclaration m, Set<String> repeated)
      throws TemplateException {
    if (repeated.isEmpty()) {
      return;
    }
    for (NameExpr n : m.getBody().get().findAll(NameExpr.class)) {
      if (!repeated.contains(n.getNameAsString())) {
        continue;
      }
      boolean lastArgument =
          n.getParentNode().orElse(null) instanceof MethodCallExpr call
              && !call.getArguments().isEmpty()
              && call.getArguments().get(call.getArguments().size() - 1) == n;
      if (!lastArgument) {
        throw parser.error(
            n,
            "@Repeated placeholder '"
                + n
                + "' is supported only as the last argument of a method call");
      }
    }
  }
}
