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

  private static int refs(MethodDeclaration m) {
    return m.findAll(com.github.javaparser.ast.expr.MethodReferenceExpr.class).size();
  }

  /**
   * The names; null when some before template spells none (only its placeholders: {@code v != null
   * ? v : d}), so that every body must be attributed; an empty set when the text does not parse
   * (the parser then reports it).
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
        if (!local && !REFASTER.contains(n.getIdentifier())) {
          out.add(n.getIdentifier());
          spells = true;
        }
      }
      if (!spells && out.size() == before && refs(m) == 0) {
        return null;
      }
    }
    return out;
  }
}
