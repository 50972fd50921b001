package dev.lockkit.refactor.migrate.template;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a rule's {@code @Placeholder} methods and checks the forms lockkit supports: a placeholder
 * returns a value (not a statement placeholder), is called without a receiver only inside a lambda
 * of a template, and each argument of its call mentions a parameter of an enclosing lambda of the
 * template (Picnic's form: {@code v -> f(v).filter(p)}, {@code e -> f(e.getKey())}); the after
 * template calls it with the same arguments as the before templates. Anything else skips the rule
 * by name.
 */
final class PlaceholderMethods {

  private PlaceholderMethods() {}

  static Map<String, PlaceholderMethod> of(
      TemplateParser parser, ClassOrInterfaceDeclaration c, RefResolver resolver)
      throws TemplateException {
    Map<String, PlaceholderMethod> out = new LinkedHashMap<>();
    for (MethodDeclaration m : c.getMethods()) {
      if (!m.isAnnotationPresent("Placeholder")) {
        continue;
      }
      if (m.getBody().isPresent()) {
        throw parser.error(m, "a @Placeholder method must be abstract (no body)");
      }
      if (m.getType().isVoidType()) {
        throw parser.error(
            m, "a @Placeholder method returning void (a statement) is not supported");
      }
      if (out.containsKey(m.getNameAsString())) {
        throw parser.error(m, "overloaded @Placeholder method " + m.getNameAsString());
      }
      List<Boolean> optional = new ArrayList<>();
      for (Parameter p : m.getParameters()) {
        optional.add(p.isAnnotationPresent("MayOptionallyUse"));
      }
      out.put(
          m.getNameAsString(),
          new PlaceholderMethod(
              m.getNameAsString(),
              m,
              resolver.returnType(m),
              optional,
              allowsIdentity(parser, m.getAnnotationByName("Placeholder").get()),
              TemplateParser.line(m)));
    }
    return out;
  }

  private static boolean allowsIdentity(TemplateParser parser, AnnotationExpr a)
      throws TemplateException {
    if (!(a instanceof NormalAnnotationExpr n)) {
      return false;
    }
    boolean allows = false;
    for (var pair : n.getPairs()) {
      if (!pair.getNameAsString().equals("allowsIdentity")
          || !(pair.getValue() instanceof BooleanLiteralExpr b)) {
        throw parser.error(a, "@Placeholder(" + pair + ") is not supported");
      }
      allows = b.getValue();
    }
    return allows;
  }

  /**
   * The calls of placeholder methods in {@code body}, checked: each inside a lambda, with as many
   * arguments as parameters, each argument naming a parameter of an enclosing lambda.
   */
  static List<MethodCallExpr> calls(
      TemplateParser parser, MethodDeclaration m, Map<String, PlaceholderMethod> methods)
      throws TemplateException {
    List<MethodCallExpr> out = new ArrayList<>();
    if (methods.isEmpty()) {
      return out;
    }
    for (MethodCallExpr call : m.getBody().get().findAll(MethodCallExpr.class)) {
      PlaceholderMethod p = methods.get(call.getNameAsString());
      if (p == null || call.getScope().isPresent()) {
        continue;
      }
      if (call.getArguments().size() != p.mayOptionallyUse().size()) {
        throw parser.error(call, "placeholder " + p.name() + " called with the wrong arguments");
      }
      Set<String> lambdaParameters = new java.util.HashSet<>();
      for (LambdaExpr l = call.findAncestor(LambdaExpr.class).orElse(null);
          l != null;
          l = l.findAncestor(LambdaExpr.class).orElse(null)) {
        l.getParameters().forEach(x -> lambdaParameters.add(x.getNameAsString()));
      }
      for (Expression a : call.getArguments()) {
        boolean local =
            a.findAll(com.github.javaparser.ast.expr.NameExpr.class).stream()
                .anyMatch(n -> lambdaParameters.contains(n.getNameAsString()));
        if (!local) {
          throw parser.error(
              call,
              "placeholder "
                  + p.name()
                  + "'s argument '"
                  + a
                  + "' is not a parameter of an enclosing lambda (only that form is supported)");
        }
      }
      out.add(call);
    }
    return out;
  }

  /**
   * The after template passes each placeholder the arguments the before templates pass, or, each
   * argument, the name of a parameter of an enclosing lambda of the after (the bound code's uses of
   * the before's argument are then written as that name: {@code e -> f(e.getValue())} before,
   * {@code v -> f(v)} after).
   */
  static void checkAfterArguments(
      TemplateParser parser,
      List<MethodCallExpr> afterCalls,
      List<List<MethodCallExpr>> beforeCalls)
      throws TemplateException {
    for (MethodCallExpr a : afterCalls) {
      for (List<MethodCallExpr> before : beforeCalls) {
        boolean used =
            before.stream().anyMatch(b -> b.getNameAsString().equals(a.getNameAsString()));
        if (!used) {
          throw parser.error(
              a,
              "the @AfterTemplate calls placeholder "
                  + a.getNameAsString()
                  + " that a @BeforeTemplate does not call");
        }
      }
      boolean same =
          beforeCalls.stream()
              .flatMap(List::stream)
              .filter(b -> b.getNameAsString().equals(a.getNameAsString()))
              .allMatch(b -> b.getArguments().toString().equals(a.getArguments().toString()));
      if (!same && !a.getArguments().stream().allMatch(x -> isLambdaParameter(x, a))) {
        throw parser.error(
            a,
            "the @AfterTemplate calls placeholder "
                + a.getNameAsString()
                + " with other arguments than a @BeforeTemplate that are not an enclosing"
                + " lambda's parameters (not supported)");
      }
    }
  }

  private static boolean isLambdaParameter(Expression arg, MethodCallExpr call) {
    if (!(arg instanceof com.github.javaparser.ast.expr.NameExpr n)) {
      return false;
    }
    for (LambdaExpr l = call.findAncestor(LambdaExpr.class).orElse(null);
        l != null;
        l = l.findAncestor(LambdaExpr.class).orElse(null)) {
      if (l.getParameters().stream()
          .anyMatch(p -> p.getNameAsString().equals(n.getNameAsString()))) {
        return true;
      }
    }
    return false;
  }
}
