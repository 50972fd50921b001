package dev.lockkit.refactor.migrate.template;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.stmt.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code @BeforeTemplate} or {@code @AfterTemplate} method.
 *
 * <p>An expression template's body is {@code return EXPR;} and {@link #expression()} is {@code
 * EXPR}; a statement template returns {@code void} and {@link #statements()} is its body. {@link
 * #placeholders()} maps each parameter name to its declared type as javac resolved it in the
 * template file ({@link Type}: type variables of the method stay type variables; the matcher
 * unifies them), {@link #refs()} the resolved meaning of every name in the body (so the matcher
 * never resolves the template again), {@link #typeVariables()} the method's own type parameters
 * (and its rule class's), {@link #requires()} the gated declarations it references, {@link
 * #negated()} whether this is the negation of a before template, {@link #conditions()} the
 * {@code @Matches}/{@code @NotMatches} conditions of its placeholders, {@link #repeated()} its
 * {@code @Repeated} placeholders (each the last argument of a call: it stands for zero or more
 * arguments), {@link #placeholderMethods()} the rule's {@code @Placeholder} methods by name.
 */
public record Template(
    MethodDeclaration method,
    Kind kind,
    Expression expression,
    List<Statement> statements,
    Map<String, Type> placeholders,
    Set<String> typeVariables,
    Map<Node, Ref> refs,
    List<Requirement> requires,
    boolean negated,
    Map<String, List<Condition>> conditions,
    Set<String> repeated,
    Map<String, PlaceholderMethod> placeholderMethods) {

  public Template {
    conditions = Map.copyOf(conditions);
    repeated = Set.copyOf(repeated);
    placeholderMethods = Map.copyOf(placeholderMethods);
  }

  /**
   * A placeholder's {@code @Matches(M.class)} (or, {@code negated}, {@code @NotMatches}): the code
   * it binds must (must not) satisfy the matcher {@code M}, named by its simple class name.
   */
  public record Condition(String matcher, boolean negated) {
    /**
     * The matchers implemented (by name: Picnic's classes need Error Prone's {@code VisitorState}):
     * those Picnic's JDK and Guava rules use.
     */
    public static final Set<String> KNOWN =
        Set.of(
            "IsEmpty",
            "IsIdentityOperation",
            "IsLambdaExpressionOrMethodReference",
            "IsRefasterAsVarargs",
            "RequiresComputation",
            "IsNullLiteral");
  }

  /**
   * The negation of this before template ({@code @AlsoNegation}): it matches the code Refaster's
   * negation of the expression would be ({@code a == b} as {@code a != b}, {@code !x} as {@code x},
   * {@code a && b} as {@code !a || !b}, anything else as {@code !(...)}), and the after template is
   * rendered negated there.
   */
  public Template negation() {
    return new Template(
        method,
        kind,
        expression,
        statements,
        placeholders,
        typeVariables,
        refs,
        requires,
        true,
        conditions,
        repeated,
        placeholderMethods);
  }

  /**
   * A declaration the template's body references, with the {@code @IfConfig} conditions of the
   * declaration and its enclosing types (empty when it is unconditional or known only from a jar).
   */
  public record Requirement(Ref ref, List<String> conditions) {
    public Requirement {
      conditions = List.copyOf(conditions);
    }
  }

  /**
   * A type of the template as javac resolved it, copied out of javac's task.
   *
   * @param printed the type as javac prints it ({@code java.util.List<T>}, {@code int}, {@code T})
   * @param className the qualified name of its class or interface when it is one (type arguments
   *     dropped); null for a primitive, array or type variable
   */
  public record Type(String printed, String className) {}

  /** Expression or statement template. */
  public enum Kind {
    EXPRESSION,
    STATEMENTS
  }

  /** The 1-based line of the method declaration in the template file. */
  public int line() {
    return method.getBegin().map(p -> p.line).orElse(0);
  }

  /** The body nodes that are matched or rendered: the expression, or the statements in order. */
  public List<? extends Node> body() {
    return kind == Kind.EXPRESSION ? List.of(expression) : statements;
  }
}
