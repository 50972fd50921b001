package dev.lockkit.refactor.migrate.template;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.SimpleName;
import java.util.Set;
import java.util.TreeSet;

/**
 * The simple names the before templates of a template file spell, read from its text alone: every
 * identifier of a before template's body except the names it declares (its placeholders, lambda
 * parameters and locals). A site of a template spells its methods', fields' and constructed types'
 * names, so only the analysed method bodies that spell one of these need javac's attribution. The
 * set is decided before javac attributes the template (the template and the analysed code are
 * attributed in one task), so it is a syntactic superset of what javac will say the templates name.
 */
public final class SpelledNames {

  /** Names of Error Prone's {@code Refaster} class: a site never spells them. */
  private static final Set<String> REFASTER =
      Set.of(
          "Refaster",
          "anyOf",
          "asVarargs",
          "isInstance",
          "newArray",
          "clazz",
          "enumValueOf",
          "emitComment",
          "emitCommentBefore");

  private SpelledNames() {}

  /** True if the rule also matches the template's negation (other operators then). */
  private static boolean negatable(MethodDeclaration m) {
    return m.isAnnotationPresent("AlsoNegation")
        || m.getParentNode()
            .map(p -> p.findAll(MethodDeclaration.class).stream())
            .orElse(java.util.stream.Stream.empty())
            .anyMatch(x -> x.isAnnotationPresent("AlsoNegation"));
  }

  /**
   * Text every site of {@code m}'s body spells, read from its root: an operator, or a statement's
   * keyword; null when there is none to tell.
   */
  private static String token(MethodDeclaration m) {
    java.util.List<com.github.javaparser.ast.stmt.Statement> body =
        m.getBody().get().getStatements();
    if (body.isEmpty()) {
      return null;
    }
    com.github.javaparser.ast.stmt.Statement first = body.get(0);
    if (body.size() == 1 && first instanceof com.github.javaparser.ast.stmt.ReturnStmt r) {
      return r.getExpression().map(SpelledNames::token).orElse(null);
    }
    if (first instanceof com.github.javaparser.ast.stmt.ExpressionStmt e) {
      return token(e.getExpression());
    }
    if (first instanceof com.github.javaparser.ast.stmt.IfStmt) {
      return "if";
    }
    if (first instanceof com.github.javaparser.ast.stmt.ThrowStmt) {
      return "throw";
    }
    return null;
  }

  private static String token(com.github.javaparser.ast.expr.Expression e) {
    while (e instanceof com.github.javaparser.ast.expr.EnclosedExpr p) {
      e = p.getInner();
    }
    if (e instanceof com.github.javaparser.ast.expr.ConditionalExpr) {
      return "?";
    }
    if (e instanceof com.github.javaparser.ast.expr.BinaryExpr b) {
      return b.getOperator().asString();
    }
    if (e instanceof com.github.javaparser.ast.expr.InstanceOfExpr) {
      return "instanceof";
    }
    if (e instanceof com.github.javaparser.ast.expr.AssignExpr a) {
      return a.getOperator().asString();
    }
    if (e instanceof com.github.javaparser.ast.expr.ArrayAccessExpr) {
      return "[";
    }
    if (e instanceof com.github.javaparser.ast.expr.LambdaExpr) {
      return "->";
    }
    return null;
  }

  private static int refs(MethodDeclaration m) {
    return m.findAll(com.github.javaparser.ast.expr.MethodReferenceExpr.class).size();
  }

  /**
   * The names, and for a before template that spells none (only its placeholders: {@code v != null
   * ? v : d}) the operator its root spells ({@code ?}; bodies are kept by plain text containment);
   * null when such a template has no operator to tell (or also matches its negation), so that every
   * body must be attributed; an empty set when the text does not parse (the parser then reports
   * it).
   */
  public static Set<String> of(String templateText) {
    Set<String> out = new TreeSet<>();
    CompilationUnit cu =
        new JavaParser(
                new ParserConfiguration()
                    .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17))
            .parse(templateText)
            .getResult()
            .orElse(null);
    if (cu == null) {
      return out;
    }
    // A call of a @Placeholder method stands for code the site supplies, like a placeholder: its
    // name is no name a site spells.
    Set<String> placeholderMethods = new TreeSet<>();
    for (MethodDeclaration m : cu.findAll(MethodDeclaration.class)) {
      if (m.isAnnotationPresent("Placeholder")) {
        placeholderMethods.add(m.getNameAsString());
      }
    }
    for (MethodDeclaration m : cu.findAll(MethodDeclaration.class)) {
      if (!m.isAnnotationPresent(TemplateParser.BEFORE) || m.getBody().isEmpty()) {
        continue;
      }
      Set<String> declared = new TreeSet<>();
      m.findAll(Parameter.class).forEach(p -> declared.add(p.getNameAsString()));
      m.findAll(VariableDeclarator.class).forEach(v -> declared.add(v.getNameAsString()));
      int before = out.size();
      boolean spells = false;
      // A method reference's name is a string of its node, not a SimpleName.
      m.getBody()
          .get()
          .findAll(com.github.javaparser.ast.expr.MethodReferenceExpr.class)
          .forEach(r -> out.add(r.getIdentifier()));
      for (SimpleName n : m.getBody().get().findAll(SimpleName.class)) {
        // A declared name used as a bare name (or declared there) is the placeholder or local; the
        // same identifier as a called method's or accessed field's name still counts.
        boolean local =
            declared.contains(n.getIdentifier())
                && n.getParentNode()
                    .map(
                        p ->
                            p instanceof com.github.javaparser.ast.expr.NameExpr
                                || p instanceof Parameter
                                || p instanceof VariableDeclarator)
                    .orElse(false);
        local |=
            placeholderMethods.contains(n.getIdentifier())
                && n.getParentNode()
                    .map(
                        p ->
                            p instanceof com.github.javaparser.ast.expr.MethodCallExpr c
                                && c.getScope().isEmpty()
                                && c.getName() == n)
                    .orElse(false);
        if (!local && !REFASTER.contains(n.getIdentifier())) {
          out.add(n.getIdentifier());
          spells = true;
        }
      }
      if (!spells && out.size() == before && refs(m) == 0) {
        // A site still spells the template's operator (the conditional's '?', the '+' of a string
        // concatenation): bodies without it need no types. No such token, or a negated form:
        // every body.
        String token = negatable(m) ? null : token(m);
        if (token == null) {
          return null;
        }
        out.add(token);
      }
    }
    return out;
  }
}
