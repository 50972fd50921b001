package dev.lockkit.refactor.migrate.resolve;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a file's text must contain to hold a site of a template file, read from the template text
 * alone (before javac attributes it: the templates and the analysed code share one javac task, so
 * which files that task attributes must be known first).
 *
 * <p>Two sets. {@link #required()}, per before template: the words every match of that template
 * spells, because the matcher compares them by name or by text — the name of every method it calls
 * or references ({@code Unifier.call} and {@code methodReference} demand the same name), the simple
 * name of every type it constructs, the name of every field it reads in a value position, and the
 * literals {@code null}, {@code true}, {@code false} and string literals (compared as printed, so
 * written the same). Left out, so that the set stays a subset of what a match spells: everything
 * under a call of {@code Refaster}'s methods ({@code anyOf}: a site spells one alternative only) or
 * of a {@code @Placeholder} method (the site supplies that code), lambdas, type names (a static
 * import or an inherited member spells a call without its class), and names in a qualifier position
 * ({@code java.util.Collections.emptyList()}: {@code java}, {@code util} and {@code Collections}
 * may all be missing from a site). A template with an empty set (an operator over placeholders:
 * {@code a == null ? b : a} has {@code null}, {@code "" + o} its literal, {@code a + b} nothing)
 * can match anywhere: {@link #everyFile()}.
 *
 * <p>{@link #referenced()}: every name a sites-left search can look for. The report lists as a site
 * left each call, method reference, field access, name or {@code new} whose spelled name is that of
 * a method, field or constructed type some before template names anywhere (under {@code anyOf}
 * too); so this set is every such name the before templates spell, minus placeholders, locals,
 * {@code Refaster}'s and {@code @Placeholder} methods, and bare names in a qualifier position that
 * can only be a type or package: not a field the template file declares or imports statically, in a
 * file none of whose types extends or implements anything (whose fields it could inherit).
 */
public final class AnchorWords {

  /**
   * Refaster's annotation of a before template, by simple name as the template parser reads it
   * (that parser's package depends on this one, so its constant is not imported).
   */
  private static final String BEFORE = "BeforeTemplate";

  /** Names of Error Prone's {@code Refaster} class: a site never spells them. */
  private static final Set<String> REFASTER =
      Set.of(
          "anyOf",
          "asVarargs",
          "isInstance",
          "newArray",
          "clazz",
          "enumValueOf",
          "emitComment",
          "emitCommentBefore");

  private final List<Set<String>> required;
  private final Set<String> referenced;
  private final boolean everyFile;

  private AnchorWords(List<Set<String>> required, Set<String> referenced, boolean everyFile) {
    this.required = required;
    this.referenced = referenced;
    this.everyFile = everyFile;
  }

  /**
   * Per before template, the words (identifiers, keywords, and string literals with their quotes)
   * every one of its matches spells.
   */
  public List<Set<String>> required() {
    return required;
  }

  /** The names a site left may spell. */
  public Set<String> referenced() {
    return referenced;
  }

  /**
   * True when some before template spells no required word (or the template text does not parse):
   * every file may hold a site.
   */
  public boolean everyFile() {
    return everyFile;
  }

  /** Reads the before templates of a template file's text. */
  public static AnchorWords of(String templateText) {
    CompilationUnit cu =
        new JavaParser(
                new ParserConfiguration()
                    .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17))
            .parse(templateText)
            .getResult()
            .orElse(null);
    if (cu == null) {
      return new AnchorWords(List.of(), Set.of(), true);
    }
    Set<String> placeholderMethods = new TreeSet<>();
    for (MethodDeclaration m : cu.findAll(MethodDeclaration.class)) {
      if (m.isAnnotationPresent("Placeholder")) {
        placeholderMethods.add(m.getNameAsString());
      }
    }
    Set<String> staticImports = new TreeSet<>();
    for (ImportDeclaration i : cu.getImports()) {
      if (i.isStatic()) {
        // a member imported by name, or any member of a type: a bare name may be a field then
        staticImports.add(i.isAsterisk() ? "*" : i.getName().getIdentifier());
      }
    }
    // A bare name in a qualifier position is a type or package unless it is a field: one the
    // template file declares, imports statically, or may inherit (a class that extends or
    // implements something).
    Set<String> fields = new TreeSet<>();
    cu.findAll(com.github.javaparser.ast.body.FieldDeclaration.class)
        .forEach(f -> f.getVariables().forEach(v -> fields.add(v.getNameAsString())));
    cu.findAll(com.github.javaparser.ast.body.EnumConstantDeclaration.class)
        .forEach(e -> fields.add(e.getNameAsString()));
    cu.findAll(com.github.javaparser.ast.body.RecordDeclaration.class)
        .forEach(r -> r.getParameters().forEach(p -> fields.add(p.getNameAsString())));
    fields.addAll(staticImports);
    boolean inherits =
        cu.findAll(com.github.javaparser.ast.body.ClassOrInterfaceDeclaration.class).stream()
                .anyMatch(
                    c -> !c.getExtendedTypes().isEmpty() || !c.getImplementedTypes().isEmpty())
            || cu.findAll(com.github.javaparser.ast.body.EnumDeclaration.class).stream()
                .anyMatch(e -> !e.getImplementedTypes().isEmpty())
            || cu.findAll(com.github.javaparser.ast.body.RecordDeclaration.class).stream()
                .anyMatch(r -> !r.getImplementedTypes().isEmpty());
    List<Set<String>> required = new ArrayList<>();
    Set<String> referenced = new TreeSet<>();
    boolean everyFile = false;
    for (MethodDeclaration m : cu.findAll(MethodDeclaration.class)) {
      if (!m.isAnnotationPresent(BEFORE) || m.getBody().isEmpty()) {
        continue;
      }
      Set<String> declared = new TreeSet<>();
      m.findAll(Parameter.class).forEach(p -> declared.add(p.getNameAsString()));
      m.findAll(VariableDeclarator.class).forEach(v -> declared.add(v.getNameAsString()));
      Set<String> words = new TreeSet<>();
      required(m.getBody().get(), declared, placeholderMethods, words);
      if (words.isEmpty()) {
        everyFile = true;
      }
      required.add(Set.copyOf(words));
      referenced(m.getBody().get(), declared, inherits ? null : fields, referenced);
    }
    return new AnchorWords(List.copyOf(required), Set.copyOf(referenced), everyFile);
  }

  /**
   * True for a call of Refaster's own ({@code Refaster.anyOf(..)}); {@code unqualified} is the
   * answer for a call without a qualifier, which may be Refaster's (statically imported) or a real
   * method of that name.
   */
  private static boolean isRefasterCall(MethodCallExpr c, boolean unqualified) {
    return REFASTER.contains(c.getNameAsString())
        && c.getScope().map(s -> s.toString().endsWith("Refaster")).orElse(unqualified);
  }

  private static void required(
      Node n, Set<String> declared, Set<String> placeholderMethods, Set<String> out) {
    if (n instanceof LambdaExpr) {
      return;
    }
    if (n instanceof MethodCallExpr c) {
      // Leaving a word out only adds candidates: an unqualified call is taken as Refaster's.
      if (isRefasterCall(c, true) || placeholderMethods.contains(c.getNameAsString())) {
        return;
      }
      out.add(c.getNameAsString());
    } else if (n instanceof MethodReferenceExpr r) {
      out.add(r.getIdentifier());
      return; // its qualifier is a type or an expression the site may spell otherwise
    } else if (n instanceof ObjectCreationExpr o) {
      out.add(o.getType().getNameAsString());
      o.getArguments().forEach(a -> required(a, declared, placeholderMethods, out));
      return; // an anonymous body's members are not compared by name
    } else if (n instanceof FieldAccessExpr f && !inQualifierPosition(f)) {
      out.add(f.getNameAsString());
    } else if (n instanceof NullLiteralExpr) {
      out.add("null");
    } else if (n instanceof BooleanLiteralExpr b) {
      out.add(String.valueOf(b.getValue()));
    } else if (n instanceof StringLiteralExpr s) {
      out.add("\"" + s.getValue() + "\"");
    }
    for (Node child : n.getChildNodes()) {
      required(child, declared, placeholderMethods, out);
    }
  }

  /**
   * True where a name may stand for a type or package: the scope of a field access, call or method
   * reference.
   */
  private static boolean inQualifierPosition(Node n) {
    Node p = n.getParentNode().orElse(null);
    return (p instanceof FieldAccessExpr f && f.getScope() == n)
        || (p instanceof MethodCallExpr c && c.getScope().orElse(null) == n)
        || (p instanceof MethodReferenceExpr r && r.getScope() == n);
  }

  private static void referenced(
      Node n, Set<String> declared, Set<String> fields, Set<String> out) {
    if (n instanceof MethodCallExpr c) {
      // A name only ever adds candidates here, so only a call that cannot be a real method is
      // left out: Refaster's own, written with its class. A @Placeholder method's name is kept:
      // the same name may be a real method another template names (the set is per file).
      if (!isRefasterCall(c, false)) {
        out.add(c.getNameAsString());
      }
    } else if (n instanceof MethodReferenceExpr r) {
      out.add(r.getIdentifier());
    } else if (n instanceof ObjectCreationExpr o) {
      out.add(o.getType().getNameAsString());
    } else if (n instanceof FieldAccessExpr f) {
      out.add(f.getNameAsString());
    } else if (n instanceof NameExpr x) {
      String name = x.getNameAsString();
      boolean onlyAType =
          inQualifierPosition(x)
              && fields != null
              && !fields.contains(name)
              && !fields.contains("*");
      if (!declared.contains(name) && !onlyAType) {
        out.add(name);
      }
    }
    for (Node child : n.getChildNodes()) {
      referenced(child, declared, fields, out);
    }
  }
}
