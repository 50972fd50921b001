package dev.lockkit.refactor.migrate.template;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.TypeParameter;
import dev.lockkit.refactor.edit.SourceFile;
import dev.lockkit.refactor.migrate.resolve.TemplateSymbols;
import dev.lockkit.refactor.migrate.resolve.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a template file into rules, refusing anything outside the supported subset.
 *
 * <p>Implementation overview. The file is parsed with the workspace's parser, so template types
 * resolve exactly as the analysed code's do. Every class that declares an annotated template method
 * is a rule (nested classes included, named {@code Outer.Inner}). Checks run before any rule is
 * returned, so a bad file is refused as a whole: unsupported Refaster features are named ({@link
 * BodyChecker}); a rule has at least one {@code @BeforeTemplate} and at most one
 * {@code @AfterTemplate}; all of a rule's templates have the same shape and return type; every
 * after parameter is a parameter of every before template; and no before template is a bare
 * placeholder (it would match every expression). Names in the bodies are resolved once by {@link
 * RefResolver}; a name that does not resolve is an error here, because guessing its meaning would
 * rewrite code on a guess.
 */
public final class TemplateParser {

  static final String BEFORE = "BeforeTemplate";
  static final String AFTER = "AfterTemplate";

  /**
   * Refaster annotations whose meaning lockkit does not implement: refused, never ignored, since
   * ignoring them would apply the rule with a different meaning.
   */
  static final Set<String> UNSUPPORTED_ANNOTATIONS =
      Set.of("OfKind", "AllowCodeBetweenLines", "NoAutoboxing", "AlsoReverseTernary");

  private final Workspace workspace;
  private final SourceFile file;
  private final String display;
  private final Set<String> templateTypes = new java.util.TreeSet<>();
  private JavacRefs javacRefs;

  private final java.util.function.Function<SourceFile, TemplateSymbols> javac;

  private TemplateParser(
      Workspace workspace,
      SourceFile file,
      java.util.function.Function<SourceFile, TemplateSymbols> javac) {
    this.workspace = workspace;
    this.file = file;
    this.display = workspace.displayPath(file.path());
    this.javac = javac;
  }

  /**
   * The rules of {@code path}, in file order, with javac's answers for its names from {@code javac}
   * (given the file as read; the migration attributes it in the task of the analysed code).
   */
  public static TemplateSet parse(
      Workspace workspace,
      Path path,
      java.util.function.Function<SourceFile, TemplateSymbols> javac)
      throws TemplateException {
    String problem = dev.lockkit.analyzer.io.IoMessages.inputProblem(path, "template file");
    if (problem != null) {
      throw new TemplateException(problem); // a pipe would block; a directory is not "missing"
    }
    SourceFile file;
    try {
      file = SourceFile.read(path);
    } catch (IOException e) {
      throw new TemplateException(
          path
              + ": cannot read template file: "
              + dev.lockkit.analyzer.io.IoMessages.describe(e).replace(path + ": ", ""));
    }
    return new TemplateParser(workspace, file, javac).parse();
  }

  private TemplateSet parse() throws TemplateException {
    int deep = NestingCheck.tooDeepAt(file.text());
    if (deep > 0) {
      throw new TemplateException(
          display + ":" + deep + ": expression nested too deep (limit " + NestingCheck.LIMIT + ")");
    }
    ParseResult<CompilationUnit> r = workspace.parser().parse(file.text());
    if (!r.isSuccessful() || r.getResult().isEmpty()) {
      com.github.javaparser.Problem p = r.getProblems().get(0);
      int line =
          p.getLocation().flatMap(l -> l.getBegin().getRange()).map(x -> x.begin.line).orElse(0);
      throw new TemplateException(
          display
              + ":"
              + line
              + ": template file does not parse: "
              + p.getMessage().lines().findFirst().orElse(""));
    }
    CompilationUnit cu = r.getResult().get();
    // javac attributes the whole template file once; its answers are the only ones, for before and
    // after templates alike.
    javacRefs = new JavacRefs(javac.apply(file));
    for (TypeDeclaration<?> t : cu.findAll(TypeDeclaration.class)) {
      t.getFullyQualifiedName().ifPresent(templateTypes::add);
    }
    List<Rule> rules = new ArrayList<>();
    List<SkippedRule> skipped = new ArrayList<>();
    for (ClassOrInterfaceDeclaration c : cu.findAll(ClassOrInterfaceDeclaration.class)) {
      if (!isRule(c)) {
        continue;
      }
      try {
        checkAnnotations(c);
        rule(c).ifPresent(rules::add);
      } catch (TemplateException e) {
        skipped.add(new SkippedRule(ruleName(c), line(c), e.getMessage()));
      }
    }
    if (rules.isEmpty()) {
      if (!skipped.isEmpty()) {
        // Nothing to run: the file is refused, with the first reason as its located message.
        StringBuilder sb = new StringBuilder(skipped.get(0).reason());
        for (SkippedRule other : skipped.subList(1, skipped.size())) {
          sb.append("\n  also skipped: rule ")
              .append(other.name())
              .append(": ")
              .append(other.reason());
        }
        throw new TemplateException(sb.toString());
      }
      throw new TemplateException(
          display + ":1: no rules: no method is annotated @" + BEFORE + " or @" + AFTER);
    }
    return new TemplateSet(file, display, rules, skipped);
  }

  /** True if {@code c} declares a template method (its own methods, not a nested class's). */
  private static boolean isRule(ClassOrInterfaceDeclaration c) {
    return c.getMethods().stream()
        .anyMatch(m -> m.isAnnotationPresent(BEFORE) || m.isAnnotationPresent(AFTER));
  }

  private Optional<Rule> rule(ClassOrInterfaceDeclaration c) throws TemplateException {
    List<MethodDeclaration> befores = new ArrayList<>();
    List<MethodDeclaration> afters = new ArrayList<>();
    for (MethodDeclaration m : c.getMethods()) {
      checkAnnotations(m);
      for (Parameter p : m.getParameters()) {
        checkAnnotations(p);
        if (p.isAnnotationPresent("Placeholder")) {
          throw error(p, "@Placeholder applies to an abstract method of the rule, not a parameter");
        }
      }
      if (m.isAnnotationPresent(BEFORE)) {
        befores.add(m);
      }
      if (m.isAnnotationPresent(AFTER)) {
        afters.add(m);
      }
    }
    if (befores.isEmpty() && afters.isEmpty()) {
      return Optional.empty();
    }
    String name = ruleName(c);
    int line = line(c);
    if (afters.size() > 1) {
      throw error(
          afters.get(1),
          "rule "
              + name
              + " has two @"
              + AFTER
              + " methods (lines "
              + line(afters.get(0))
              + " and "
              + line(afters.get(1))
              + "); a rule has at most one");
    }
    if (befores.isEmpty()) {
      throw error(c, "rule " + name + " has an @" + AFTER + " but no @" + BEFORE + " method");
    }
    RefResolver resolver = new RefResolver(this);
    Map<String, PlaceholderMethod> pms = PlaceholderMethods.of(this, c, resolver);
    List<List<MethodCallExpr>> beforeCalls = new ArrayList<>();
    List<Template> before = new ArrayList<>();
    Set<Ref> named = new LinkedHashSet<>();
    for (MethodDeclaration m : befores) {
      beforeCalls.add(PlaceholderMethods.calls(this, m, pms));
      Template t = template(m, resolver, true, pms);
      before.add(t);
      for (Ref ref : t.refs().values()) {
        if (ref.kind() == Ref.Kind.METHOD
            || ref.kind() == Ref.Kind.FIELD
            || ref.kind() == Ref.Kind.CONSTRUCTOR) {
          named.add(ref);
        }
      }
    }
    Optional<Template> after = Optional.empty();
    if (!afters.isEmpty()) {
      PlaceholderMethods.checkAfterArguments(
          this, PlaceholderMethods.calls(this, afters.get(0), pms), beforeCalls);
      Template a = template(afters.get(0), resolver, false, pms);
      for (Template b : before) {
        checkCompatible(name, b, a);
      }
      after = Optional.of(a);
      if (afters.get(0).isAnnotationPresent("AlsoNegation")) {
        if (a.kind() != Template.Kind.EXPRESSION) {
          throw error(afters.get(0), "@AlsoNegation applies to an expression template only");
        }
        for (Template b : List.copyOf(before)) {
          before.add(b.negation());
        }
      }
    }
    return Optional.of(new Rule(name, line, before, after, named));
  }

  private Template template(
      MethodDeclaration m,
      RefResolver resolver,
      boolean isBefore,
      Map<String, PlaceholderMethod> pms)
      throws TemplateException {
    if (m.getBody().isEmpty()) {
      throw error(m, "template method " + m.getNameAsString() + " has no body");
    }
    Map<String, Template.Type> placeholders = new LinkedHashMap<>();
    Map<String, List<Template.Condition>> conditions = new LinkedHashMap<>();
    Set<String> repeated = new LinkedHashSet<>();
    for (Parameter p : m.getParameters()) {
      if (p.isVarArgs()) {
        throw error(p, "varargs placeholders are not supported (parameter " + p.getName() + ")");
      }
      placeholders.put(p.getNameAsString(), resolver.parameterType(p));
      List<Template.Condition> cs = PlaceholderAnnotations.conditions(this, p);
      if (!cs.isEmpty()) {
        conditions.put(p.getNameAsString(), cs);
      }
      if (p.isAnnotationPresent("Repeated")) {
        repeated.add(p.getNameAsString());
      }
    }
    Set<String> typeVariables = new LinkedHashSet<>();
    // Picnic's form declares a rule's type variables on the rule class, shared by its templates;
    // they are unified exactly like the method's own.
    if (m.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration owner) {
      for (TypeParameter tp : owner.getTypeParameters()) {
        typeVariables.add(tp.getNameAsString());
      }
    }
    for (TypeParameter tp : m.getTypeParameters()) {
      typeVariables.add(tp.getNameAsString());
    }
    PlaceholderAnnotations.checkRepeated(this, m, repeated);
    List<Statement> stmts = new ArrayList<>(m.getBody().get().getStatements());
    Template.Kind kind;
    Expression expression = null;
    if (m.getType().isVoidType()) {
      kind = Template.Kind.STATEMENTS;
      if (stmts.isEmpty()) {
        throw error(m, "template method " + m.getNameAsString() + " has an empty body");
      }
    } else {
      kind = Template.Kind.EXPRESSION;
      if (stmts.size() != 1
          || !(stmts.get(0) instanceof ReturnStmt ret)
          || ret.getExpression().isEmpty()) {
        throw error(
            m,
            "a template returning a value must be a single 'return EXPR;' (block templates that"
                + " return a value are not supported)");
      }
      expression = ret.getExpression().get();
    }
    if (isBefore) {
      for (Node n : kind == Template.Kind.EXPRESSION ? List.of(expression) : stmts) {
        BodyChecker.check(this, n);
      }
      checkNotBare(m, kind, expression, stmts, placeholders.keySet());
    }
    if (!isBefore && kind == Template.Kind.EXPRESSION) {
      // First: javac's error for an ill-typed expression lies inside the names' spans too, which
      // would make them unresolved; the type's own message says what is wrong.
      TypeChecks.checkAfterType(this, javacRefs.symbols(), m, expression);
    }
    if (!isBefore && kind == Template.Kind.STATEMENTS) {
      // The same for statements: an argument of the wrong type makes the call's name unresolved.
      TypeChecks.checkCompilesButMissingNames(this, javacRefs.symbols(), stmts);
    }
    Map<Node, Ref> refs =
        resolver.resolveBody(
            kind == Template.Kind.EXPRESSION ? List.of(expression) : stmts,
            placeholders.keySet(),
            typeVariables,
            pms.keySet(),
            !isBefore);
    if (!isBefore) {
      resolver.checkReachable(refs, templateTypes);
      TypeChecks.checkCompiles(
          this,
          javacRefs.symbols(),
          kind == Template.Kind.EXPRESSION ? List.of(expression) : stmts);
    }
    List<Template.Requirement> requires = isBefore ? List.of() : resolver.requirements(refs);
    return new Template(
        m,
        kind,
        expression,
        kind == Template.Kind.STATEMENTS ? stmts : List.of(),
        placeholders,
        typeVariables,
        refs,
        requires,
        false,
        conditions,
        repeated,
        pms);
  }

  private void checkNotBare(
      MethodDeclaration m,
      Template.Kind kind,
      Expression expression,
      List<Statement> stmts,
      Set<String> params)
      throws TemplateException {
    Expression e = expression;
    if (kind == Template.Kind.STATEMENTS && stmts.size() == 1 && stmts.get(0).isExpressionStmt()) {
      e = stmts.get(0).asExpressionStmt().getExpression();
    }
    if (e != null && isBare(e, params)) {
      throw error(
          m,
          "@"
              + BEFORE
              + " "
              + m.getNameAsString()
              + " is a bare placeholder: it would match every expression");
    }
  }

  private static boolean isBare(Expression e, Set<String> params) {
    while (e.isEnclosedExpr()) {
      e = e.asEnclosedExpr().getInner();
    }
    if (e instanceof NameExpr n) {
      return params.contains(n.getNameAsString());
    }
    if (e instanceof MethodCallExpr mc && RefResolver.isRefaster(mc, "anyOf")) {
      return mc.getArguments().stream().anyMatch(a -> isBare(a, params));
    }
    return false;
  }

  private void checkCompatible(String rule, Template before, Template after)
      throws TemplateException {
    if (before.kind() != after.kind()) {
      throw error(
          after.method(),
          "rule "
              + rule
              + ": @"
              + BEFORE
              + " at line "
              + before.line()
              + " is "
              + (before.kind() == Template.Kind.EXPRESSION ? "an expression" : "a statement")
              + " template but the @"
              + AFTER
              + " is not");
    }
    if (before.kind() == Template.Kind.EXPRESSION) {
      TypeChecks.checkReturnTypes(this, javacRefs.symbols(), rule, before, after);
    }
    // The after writes T's class literal or instanceof type as the code spelled it, which only a
    // Refaster.<T>clazz() or isInstance of the before binds (MapRules.CreateEnumMap's K is bound by
    // no code the before matches).
    for (Map.Entry<Node, Ref> e : after.refs().entrySet()) {
      Ref.Kind k = e.getValue().kind();
      if ((k == Ref.Kind.CLASS_OF || k == Ref.Kind.INSTANCE_OF)
          && before.refs().values().stream()
              .noneMatch(
                  r ->
                      (r.kind() == Ref.Kind.CLASS_OF || r.kind() == Ref.Kind.INSTANCE_OF)
                          && r.name().equals(e.getValue().name()))) {
        throw error(
            e.getKey(),
            "rule "
                + rule
                + ": the @"
                + AFTER
                + " names "
                + e.getValue().name()
                + "'s class, which no Refaster.clazz or isInstance of the @"
                + BEFORE
                + " at line "
                + before.line()
                + " binds");
      }
    }
    for (Map.Entry<String, Template.Type> p : after.placeholders().entrySet()) {
      Template.Type bt = before.placeholders().get(p.getKey());
      if (bt == null) {
        throw error(
            after.method(),
            "rule "
                + rule
                + ": @"
                + AFTER
                + " parameter '"
                + p.getKey()
                + "' is not a parameter of the @"
                + BEFORE
                + " at line "
                + before.line());
      }
    }
  }

  private void checkAnnotations(NodeWithAnnotations<?> n) throws TemplateException {
    for (AnnotationExpr a : n.getAnnotations()) {
      String simple = a.getName().getIdentifier();
      if (UNSUPPORTED_ANNOTATIONS.contains(simple)) {
        throw error(
            a,
            "@"
                + simple
                + " is not supported by lockkit migrate (see refactor/MIGRATE.md for the"
                + " supported subset)");
      }
    }
  }

  private static String ruleName(ClassOrInterfaceDeclaration c) {
    StringBuilder sb = new StringBuilder(c.getNameAsString());
    Optional<Node> p = c.getParentNode();
    while (p.isPresent()) {
      if (p.get() instanceof TypeDeclaration<?> t) {
        sb.insert(0, t.getNameAsString() + ".");
      }
      p = p.get().getParentNode();
    }
    return sb.toString();
  }

  static int line(Node n) {
    return n.getBegin().map(p -> p.line).orElse(0);
  }

  /** javac's answers for this file's names. */
  JavacRefs javacRefs() {
    return javacRefs;
  }

  TemplateException error(Node at, String message) {
    return new TemplateException(display + ":" + line(at) + ": " + message);
  }
}
