package dev.lockkit.refactor.migrate.match;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.lockkit.refactor.migrate.resolve.Symbols;
import dev.lockkit.refactor.migrate.template.Ref;
import dev.lockkit.refactor.migrate.template.Rule;
import dev.lockkit.refactor.migrate.template.Template;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds every site of one file that a rule's before template matches.
 *
 * <p>Implementation overview. Expression templates are tried at every expression (parentheses
 * skipped: the inner expression is tried instead), statement templates at every run of consecutive
 * statements of a block (never of a switch case, nor a statement standing alone as an {@code if} or
 * loop body: Refaster leaves those too). A cheap syntactic filter (same node kind, same method
 * name) runs before any symbol is resolved, so resolution cost is paid only at plausible sites.
 * Rules are tried in file order and a rule's alternatives in declaration order; the first that
 * matches a site wins, which makes the result deterministic. A failed attempt that got past its
 * first node is remembered as a near miss for the site, keeping the deepest one: that is the reason
 * the report gives for a site left.
 */
public final class Matcher {

  private final List<Rule> rules;
  private final Symbols symbols;

  /** A matcher that takes javac's answers ({@code symbols}) where javac attributed the code. */
  public Matcher(List<Rule> rules, Symbols symbols) {
    this.rules = List.copyOf(rules);
    this.symbols = symbols;
  }

  /** Matches and near misses of one file. */
  public record Result(List<Match> matches, Map<Node, NearMiss> nearMisses) {}

  public Result scan(CompilationUnit cu) {
    List<Match> matches = new ArrayList<>();
    Map<Node, NearMiss> misses = new IdentityHashMap<>();
    for (Expression x : cu.findAll(Expression.class)) {
      if (x.isEnclosedExpr() || hasAncestor(x, AnnotationExpr.class)) {
        continue;
      }
      tryExpression(x, matches, misses);
    }
    // Statement templates match runs of a block's statements only, as Refaster's BlockTemplate
    // does (it matches a JCBlock's statement list and nothing else): a statement of a switch case
    // or the brace-less body of an if or a loop is left, so lockkit never rewrites what Error Prone
    // leaves (Picnic's CheckArgument left 'if (...) throw' inside 'case' in commons-lang3).
    for (BlockStmt b : cu.findAll(BlockStmt.class)) {
      tryRuns(b.getStatements(), matches, misses);
    }
    return new Result(matches, misses);
  }

  private void tryExpression(Expression x, List<Match> matches, Map<Node, NearMiss> misses) {
    for (Rule rule : rules) {
      for (Template t : rule.before()) {
        if (t.kind() != Template.Kind.EXPRESSION
            || !(t.negated()
                ? x instanceof UnaryExpr || x instanceof BinaryExpr
                : plausible(t, t.expression(), x))) {
          continue;
        }
        Bindings b = new Bindings();
        Mismatch m = Unifier.expression(t, x, b, symbols);
        if (m == null) {
          m = afterChecks(rule, x, b);
        }
        if (m == null) {
          matches.add(new Match(rule, t, List.of(x), b));
          return;
        }
        remember(x, rule, m, misses);
      }
    }
  }

  private void tryRuns(
      NodeList<Statement> statements, List<Match> matches, Map<Node, NearMiss> misses) {
    // A plain copy: sub-lists of a NodeList are not reliable, and a new NodeList would re-parent.
    tryRuns(new ArrayList<>(statements), matches, misses);
  }

  private void tryRuns(List<Statement> list, List<Match> matches, Map<Node, NearMiss> misses) {
    for (int i = 0; i < list.size(); i++) {
      Statement start = list.get(i);
      ruleLoop:
      for (Rule rule : rules) {
        for (Template t : rule.before()) {
          int n = t.statements().size();
          if (t.kind() != Template.Kind.STATEMENTS
              || i + n > list.size()
              || !plausibleStatement(t, t.statements().get(0), start)) {
            continue;
          }
          List<Statement> run = list.subList(i, i + n);
          Bindings b = new Bindings();
          Mismatch m = Unifier.statements(t, run, b, symbols);
          if (m == null) {
            m = afterChecks(rule, start, b);
          }
          if (m == null) {
            matches.add(new Match(rule, t, run, b));
            break ruleLoop;
          }
          Node key = start instanceof ExpressionStmt es ? es.getExpression() : start;
          remember(key, rule, m, misses);
        }
      }
    }
  }

  /**
   * What a unified match must also pass before the after is written at {@code site}: it must not
   * make the enclosing method call itself, nor write an {@code instanceof} javac would reject.
   */
  private Mismatch afterChecks(Rule rule, Node site, Bindings b) {
    Mismatch m = SelfCall.check(rule, site, b);
    return m != null ? m : InstanceOfOperand.check(rule, site, b, symbols);
  }

  private static void remember(Node at, Rule rule, Mismatch m, Map<Node, NearMiss> misses) {
    if (m.depth() == 0 && !m.unresolved()) {
      return;
    }
    NearMiss old = misses.get(at);
    if (old == null || m.depth() > old.mismatch().depth()) {
      misses.put(at, new NearMiss(rule, m));
    }
  }

  private static boolean plausibleStatement(Template t, Statement ts, Statement x) {
    if (ts instanceof ExpressionStmt te) {
      return x instanceof ExpressionStmt xe && plausible(t, te.getExpression(), xe.getExpression());
    }
    return ts.getClass() == x.getClass();
  }

  /** A syntactic pre-check: the same kind of node and, for a call, the same method name. */
  private static boolean plausible(Template t, Expression te, Expression x) {
    while (te.isEnclosedExpr()) {
      te = te.asEnclosedExpr().getInner();
    }
    while (x.isEnclosedExpr()) {
      x = x.asEnclosedExpr().getInner();
    }
    Ref ref = t.refs().get(te);
    if (ref != null && ref.kind() == Ref.Kind.ANY_OF) {
      for (Expression alt : ((MethodCallExpr) te).getArguments()) {
        if (plausible(t, alt, x)) {
          return true;
        }
      }
      return false;
    }
    if (te instanceof MethodReferenceExpr tm) {
      return x instanceof MethodReferenceExpr xm && xm.getIdentifier().equals(tm.getIdentifier());
    }
    if (ref != null && ref.kind() == Ref.Kind.METHOD) {
      return x instanceof MethodCallExpr mc && mc.getNameAsString().equals(ref.name());
    }
    if (ref != null && ref.kind() == Ref.Kind.FIELD) {
      return x.isFieldAccessExpr() || x.isNameExpr();
    }
    return te.getClass() == x.getClass();
  }

  private static boolean hasAncestor(Node n, Class<? extends Node> kind) {
    Optional<Node> p = n.getParentNode();
    while (p.isPresent()) {
      if (kind.isInstance(p.get())) {
        return true;
      }
      p = p.get().getParentNode();
    }
    return false;
  }
}
