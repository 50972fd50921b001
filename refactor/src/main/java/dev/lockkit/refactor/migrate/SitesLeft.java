package dev.lockkit.refactor.migrate;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.printer.DefaultPrettyPrinter;
import com.github.javaparser.printer.configuration.DefaultConfigurationOption;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration.ConfigOption;
import dev.lockkit.refactor.migrate.match.Match;
import dev.lockkit.refactor.migrate.match.Members;
import dev.lockkit.refactor.migrate.match.NearMiss;
import dev.lockkit.refactor.migrate.report.LeftSite;
import dev.lockkit.refactor.migrate.resolve.Symbols;
import dev.lockkit.refactor.migrate.template.Ref;
import dev.lockkit.refactor.migrate.template.Rule;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every remaining use of the old API in one file, with the reason no template rewrote it.
 *
 * <p>Implementation overview. The old API is what the before templates name ({@link Rule#named()}):
 * methods, fields and constructors. Every call, field access and {@code new} of the file whose name
 * is one of them is resolved; one that resolves to a named member (a call also when it resolves to
 * an override) and that no applied or found match consumed is a site left. So is one that does not
 * resolve at all: it may be a use, so it is listed as unresolved rather than silently dropped. The
 * reason is, in order of preference: the gating refusal at that site; the nearest miss of any
 * template tried there (which names what the template needed and what the code has: an alias, a
 * plain parameter, another object's member, a wider type); otherwise what the code does with the
 * member (its value escapes into a variable, is passed on, returned...). Uses nested in a site
 * already listed are not listed again. Each site is attributed to one rule: the one whose template
 * came nearest, else the first rule that names the member.
 */
final class SitesLeft {

  private static final DefaultPrettyPrinter PRINTER =
      new DefaultPrettyPrinter(
          new DefaultPrinterConfiguration()
              .removeOption(new DefaultConfigurationOption(ConfigOption.PRINT_COMMENTS)));

  /** A site left and the rule it is reported under. */
  record Entry(Rule rule, LeftSite site) {}

  private final List<Rule> rules;
  private final Symbols symbols;

  /** Sites left, with javac deciding which member a call, method reference or field denotes. */
  SitesLeft(List<Rule> rules, Symbols symbols) {
    this.symbols = symbols;
    this.rules = rules;
  }

  List<Entry> find(FilePlan plan, Map<Node, NearMiss> nearMisses) {
    Map<Node, FilePlan.Refused> refused = new IdentityHashMap<>();
    for (FilePlan.Refused r : plan.refused()) {
      refused.put(key(r.match().first()), r);
    }
    Map<Node, Match> overlapped = new IdentityHashMap<>();
    for (Match m : plan.overlapped()) {
      overlapped.put(key(m.first()), m);
    }
    List<Entry> out = new ArrayList<>();
    Map<Node, Boolean> listed = new IdentityHashMap<>();
    for (Node n : plan.unit().cu().findAll(Node.class, Node.TreeTraversal.PREORDER)) {
      if (!(n instanceof MethodCallExpr
              || n instanceof MethodReferenceExpr
              || n instanceof FieldAccessExpr
              || n instanceof NameExpr
              || n instanceof ObjectCreationExpr)
          || plan.isConsumed(n)
          || insideListed(n, listed)
          || hasAncestor(n, ImportDeclaration.class)
          || hasAncestor(n, AnnotationExpr.class)) {
        continue;
      }
      Optional<Use> use = use((Expression) n);
      if (use.isEmpty()) {
        continue;
      }
      Rule rule = use.get().rule();
      String reason;
      boolean unresolved = use.get().unresolvedReason() != null;
      SortedMap<String, Boolean> witness = new TreeMap<>();
      FilePlan.Refused r = refused.get(n);
      NearMiss miss = nearMiss(n, use.get().ref(), nearMisses);
      if (unresolved) {
        reason = use.get().unresolvedReason();
      } else if (r != null) {
        rule = r.match().rule();
        reason = r.rejection().reason();
        witness = r.rejection().witness();
      } else if (overlapped.containsKey(n)) {
        rule = overlapped.get(n).rule();
        reason = "overlaps another rewrite in the same run; run migrate again";
      } else if (use.get().wider() != null) {
        reason = widerReason((MethodCallExpr) n, use.get());
      } else if (miss != null) {
        rule = miss.rule();
        reason = miss.mismatch().reason();
        unresolved = miss.mismatch().unresolved();
      } else {
        reason = context((Expression) n, use.get().ref());
      }
      listed.put(n, true);
      var begin = n.getBegin().orElseThrow();
      out.add(
          new Entry(
              rule,
              new LeftSite(
                  plan.unit().displayPath(),
                  begin.line,
                  begin.column,
                  use.get().ref().display(),
                  code(n),
                  reason,
                  unresolved,
                  witness)));
    }
    return out;
  }

  /**
   * The near miss that explains the use {@code n} of {@code ref}: the one at {@code n}, else the
   * one at the nearest enclosing expression or statement whose rule names {@code ref}. A template
   * whose root is not the old API's call ({@code cmp.compare(a, b) <= 0 ? a : b}) fails at its
   * root, not at the call inside it, and its reason (a bound, a refused self-call) is the one to
   * report.
   */
  private static NearMiss nearMiss(Node n, Ref ref, Map<Node, NearMiss> nearMisses) {
    NearMiss at = nearMisses.get(n);
    if (at != null) {
      return at;
    }
    Optional<Node> p = n.getParentNode();
    // Up to the enclosing body: a loop template's miss is keyed by the loop, around the body's
    // block.
    while (p.isPresent()
        && (p.get() instanceof Expression
            || p.get() instanceof com.github.javaparser.ast.stmt.Statement)
        && !(p.get() instanceof com.github.javaparser.ast.expr.LambdaExpr)) {
      NearMiss m = nearMisses.get(p.get());
      if (m != null && m.rule().named().contains(ref)) {
        return m;
      }
      p = p.get().getParentNode();
    }
    return null;
  }

  /** Gating refusals and near misses of statement templates are keyed by the expression. */
  private static Node key(Node n) {
    return n instanceof com.github.javaparser.ast.stmt.ExpressionStmt s ? s.getExpression() : n;
  }

  private static boolean insideListed(Node n, Map<Node, Boolean> listed) {
    Optional<Node> p = n.getParentNode();
    while (p.isPresent()) {
      if (listed.containsKey(p.get())) {
        return true;
      }
      p = p.get().getParentNode();
    }
    return false;
  }

  /** A use of {@code ref}; {@code wider} names the supertype method called instead, if any. */
  private record Use(Rule rule, Ref ref, String unresolvedReason, String wider) {}

  /** The named member {@code x} uses, if any; a name match that does not resolve counts. */
  private Optional<Use> use(Expression x) {
    for (Rule rule : rules) {
      for (Ref ref : rule.named()) {
        if (!plausible(x, ref)) {
          continue;
        }
        try {
          if (uses(x, ref)) {
            return Optional.of(new Use(rule, ref, null, null));
          }
          String wider = widerUse(x, ref);
          if (wider != null) {
            return Optional.of(new Use(rule, ref, null, wider));
          }
        } catch (RuntimeException e) {
          if (qualifiedByOtherType(x, ref)) {
            continue;
          }
          String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
          return Optional.of(
              new Use(
                  rule,
                  ref,
                  "unresolved: cannot resolve '"
                      + code(x)
                      + "' ("
                      + m.lines().findFirst().orElse(m)
                      + "); it may use "
                      + ref.display()
                      + (dev.lockkit.refactor.javac.Attribution.classPathMayHelp(m)
                          ? ", pass its library with --classpath"
                          : ""),
                  null));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * True for a call or field access qualified by a type name other than the member's owner (for
   * example {@code Arrays.equals(a, b)} against {@code String.equals}): whatever javac's trouble
   * with it, it cannot be a use. A qualifier javac resolved to a variable is never skipped.
   */
  private boolean qualifiedByOtherType(Expression x, Ref ref) {
    Optional<Expression> scope =
        x instanceof MethodCallExpr m
            ? m.getScope()
            : x instanceof FieldAccessExpr f ? Optional.of(f.getScope()) : Optional.empty();
    if (scope.isEmpty() || !(scope.get() instanceof NameExpr n)) {
      return false;
    }
    String name = n.getNameAsString();
    String ownerSimple = ref.owner().substring(ref.owner().lastIndexOf('.') + 1);
    if (name.equals(ownerSimple) || !Character.isUpperCase(name.charAt(0))) {
      return false;
    }
    String kind = symbols.kind(n);
    if (kind == null) {
      return false; // javac has no answer: the site is reported as unresolved, never skipped
    }
    // a variable or field named like a type
    return !(kind.contains("VARIABLE")
        || kind.equals("PARAMETER")
        || kind.equals("FIELD")
        || kind.equals("ENUM_CONSTANT"));
  }

  private static boolean plausible(Expression x, Ref ref) {
    return switch (ref.kind()) {
      case METHOD ->
          (x instanceof MethodCallExpr m && m.getNameAsString().equals(ref.name()))
              || (x instanceof MethodReferenceExpr r && r.getIdentifier().equals(ref.name()));
      case FIELD ->
          (x instanceof FieldAccessExpr f && f.getNameAsString().equals(ref.name()))
              || (x instanceof NameExpr n && n.getNameAsString().equals(ref.name()));
      case CONSTRUCTOR ->
          // The simple name as written ('new Outer.Inner()' spells Inner): a longer name that
          // merely ends the same ('new XInner()') is another type, even when javac cannot say.
          x instanceof ObjectCreationExpr o
              && ref.owner()
                  .substring(ref.owner().lastIndexOf('.') + 1)
                  .equals(o.getType().getNameAsString());
      default -> false;
    };
  }

  /**
   * Whether {@code x} denotes {@code ref}'s member, as javac resolved it.
   *
   * @throws IllegalStateException when javac could not resolve it or has no answer for it (reported
   *     as unresolved by the caller)
   */
  private boolean uses(Expression x, Ref ref) {
    Symbols.Answer a =
        x instanceof MethodReferenceExpr || x instanceof MethodCallExpr
            ? symbols.method(x)
            : x instanceof NameExpr || x instanceof FieldAccessExpr ? symbols.field(x) : null;
    if (x instanceof ObjectCreationExpr o) {
      a = symbols.constructor(o);
    }
    if (a == null) {
      throw new IllegalStateException(NO_ANSWER);
    }
    if (a instanceof Symbols.Unresolved u) {
      throw new IllegalStateException(u.problem()); // reported as unresolved by the caller
    }
    Symbols.Member m = (Symbols.Member) a;
    if (x instanceof ObjectCreationExpr o) {
      // An anonymous subclass's creation calls its own constructor, which javac gives the
      // anonymous class (no name) as owner; the type it names, written there, is one of that
      // class's supertypes, and its constructor is what the code uses.
      return m.owner().equals(ref.owner())
          || (o.getAnonymousClassBody().isPresent()
              && m.owner().isEmpty()
              && m.ownerSupertypes().contains(ref.owner()));
    }
    if (x instanceof MethodReferenceExpr || x instanceof MethodCallExpr) {
      // A method reference is a use of the method: listed (a rule rewrites it only when one of
      // its before templates is that reference).
      return Members.sameMethod(ref, m);
    }
    return m.owner().equals(ref.owner());
  }

  private static final String NO_ANSWER = "javac has no answer for it";

  /**
   * For a call of a method that {@code ref} overrides (the receiver's static type is a supertype of
   * the template's), the qualified name of the method called; otherwise null.
   */
  private String widerUse(Expression x, Ref ref) {
    if (!(x instanceof MethodCallExpr m) || ref.kind() != Ref.Kind.METHOD || ref.isStatic()) {
      return null;
    }
    if (!(symbols.method(m) instanceof Symbols.Member d)) {
      return null;
    }
    String owner = d.owner();
    // Every object has Object's methods: a call through Object says nothing about the template's
    // type. Otherwise the receiver's static type must itself be a supertype of the template's
    // owner (a Class<?> receiver of equals() can never be a String).
    if (d.isStatic()
        || owner.equals("java.lang.Object")
        || !ref.ownerSupertypes().contains(owner)
        || !d.signature().equals(ref.signature())) {
      return null;
    }
    if (m.getScope().isPresent()) {
      String receiver = symbols.typeOf(m.getScope().get());
      if (!Symbols.isClassType(receiver)
          || !ref.ownerSupertypes().contains(Symbols.className(receiver))) {
        return null;
      }
    }
    return owner + "." + d.name();
  }

  private String widerReason(MethodCallExpr call, Use use) {
    String receiver = call.getScope().map(SitesLeft::code).orElse("this");
    String printed = call.getScope().map(symbols::typeOf).orElse(null);
    String type = printed == null ? "" : printed;
    return "a receiver of a wider type: '"
        + receiver
        + "'"
        + (type.isEmpty() ? "" : " has type " + type)
        + ", so this calls "
        + use.wider()
        + "; it is "
        + use.ref().display()
        + " only when the object is a "
        + use.ref().owner().substring(use.ref().owner().lastIndexOf('.') + 1);
  }

  /** What the code does with a member no template tried to match here. */
  private String context(Expression x, Ref ref) {
    if (x instanceof MethodReferenceExpr) {
      return "a method reference to "
          + ref.display()
          + ": no before template is this reference, so it is not rewritten";
    }
    Node parent = x.getParentNode().orElse(null);
    while (parent instanceof Expression e && e.isEnclosedExpr()) {
      parent = e.getParentNode().orElse(null);
    }
    String what = ref.kind() == Ref.Kind.METHOD ? "the result of " + ref.display() : ref.display();
    String alias = isReference(x) ? " (an alias: its later uses cannot be matched)" : "";
    if (parent instanceof VariableDeclarator v) {
      return what + " is kept in local variable '" + v.getNameAsString() + "'" + alias;
    }
    if (parent instanceof AssignExpr a && a.getValue() == x) {
      return what + " is assigned to '" + code(a.getTarget()) + "'" + alias;
    }
    if (parent instanceof MethodCallExpr m && m.getArguments().contains(x)) {
      return what
          + " is passed to "
          + m.getNameAsString()
          + "(), which receives it as a plain parameter";
    }
    if (parent instanceof MethodCallExpr m && m.getScope().orElse(null) == x) {
      return what + " is the receiver of " + m.getNameAsString() + "(), which no template covers";
    }
    if (parent instanceof ReturnStmt) {
      return what + " is returned to the caller";
    }
    return "uses " + what + " in a form no before-template matches";
  }

  private boolean isReference(Expression x) {
    return Symbols.isClassType(symbols.typeOf(x));
  }

  private static String code(Node n) {
    String s = PRINTER.print(n).replaceAll("\\s+", " ").strip();
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
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
