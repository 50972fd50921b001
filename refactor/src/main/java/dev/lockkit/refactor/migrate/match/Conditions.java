package dev.lockkit.refactor.migrate.match;

import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import dev.lockkit.refactor.migrate.resolve.Symbols;
import dev.lockkit.refactor.migrate.template.Template;
import java.util.Set;

/**
 * Picnic's {@code @Matches}/{@code @NotMatches} matchers, implemented by name over the target's
 * syntax tree and javac's symbols and types of it (recorded by {@code Symbols}; a node javac has no
 * answer for satisfies no matcher that needs one): Picnic's classes take Error Prone's {@code
 * VisitorState} and cannot run outside Error Prone. Each follows the Picnic 0.27.0 class of the
 * same name:
 *
 * <ul>
 *   <li>{@code IsEmpty}: an empty array creation ({@code new T[0]}, {@code new T[] {}}); {@code
 *       Collections.EMPTY_LIST/MAP/SET}; a no-argument static {@code Collections.empty*()}, {@code
 *       of()} on (a subtype of) {@code List}, {@code Set}, {@code Map}, {@code Stream} or Guava's
 *       immutable collections, or {@code Stream.empty()}; {@code new ArrayList/HashMap/
 *       LinkedHashMap/LinkedList/Stack/Vector} with only primitive arguments or one empty argument.
 *   <li>{@code IsIdentityOperation}: a static {@code identity()} of (a subtype of) {@code
 *       Function}, {@code IntUnaryOperator}, {@code LongUnaryOperator} or {@code
 *       DoubleUnaryOperator}, or a lambda {@code x -> x}.
 *   <li>{@code IsLambdaExpressionOrMethodReference}: a lambda or a method reference.
 *   <li>{@code IsRefasterAsVarargs}: a call of {@code Refaster.asVarargs}.
 *   <li>{@code RequiresComputation}: anything but a literal, a lambda, a name, a compile-time
 *       constant, or a field access, method reference, cast, unary operation or array access whose
 *       parts require none.
 *   <li>{@code IsNullLiteral}: {@code null}.
 * </ul>
 *
 * An expression whose symbols cannot be resolved does not satisfy a positive condition (the site is
 * left, not rewritten on a guess).
 */
final class Conditions {

  private static final Set<String> EMPTY_OF_OWNERS =
      Set.of(
          "com.google.common.collect.ImmutableCollection",
          "com.google.common.collect.ImmutableMap",
          "com.google.common.collect.ImmutableMultimap",
          "java.util.List",
          "java.util.Map",
          "java.util.Set",
          "java.util.stream.Stream");
  private static final Set<String> MUTABLE_COLLECTIONS =
      Set.of(
          "java.util.ArrayList",
          "java.util.HashMap",
          "java.util.LinkedHashMap",
          "java.util.LinkedList",
          "java.util.Stack",
          "java.util.Vector");
  private static final Set<String> IDENTITY_OWNERS =
      Set.of(
          "java.util.function.DoubleUnaryOperator",
          "java.util.function.Function",
          "java.util.function.IntUnaryOperator",
          "java.util.function.LongUnaryOperator");

  private final Symbols symbols;

  Conditions(Symbols symbols) {
    this.symbols = symbols;
  }

  /** Whether the code {@code x} satisfies {@code c} (a negated condition: does not match). */
  boolean holds(Template.Condition c, Expression x) {
    return matches(c.matcher(), unwrap(x)) != c.negated();
  }

  private boolean matches(String matcher, Expression x) {
    return switch (matcher) {
      case "IsEmpty" -> isEmpty(x);
      case "IsIdentityOperation" -> isIdentity(x);
      case "IsLambdaExpressionOrMethodReference" ->
          x instanceof LambdaExpr || x instanceof MethodReferenceExpr;
      case "IsRefasterAsVarargs" ->
          x instanceof MethodCallExpr c
              && c.getNameAsString().equals("asVarargs")
              && c.getScope().map(s -> s.toString().endsWith("Refaster")).orElse(false);
      case "RequiresComputation" -> requiresComputation(x);
      case "IsNullLiteral" -> x instanceof NullLiteralExpr;
      default -> throw new IllegalArgumentException("unknown matcher " + matcher);
    };
  }

  private static Expression unwrap(Expression e) {
    while (e instanceof EnclosedExpr p) {
      e = p.getInner();
    }
    return e;
  }

  private boolean isEmpty(Expression x) {
    if (x instanceof ArrayCreationExpr a) {
      return a.getInitializer().map(i -> i.getValues().isEmpty()).orElse(false)
          || (!a.getLevels().isEmpty()
              && a.getLevels().get(0).getDimension().map(Conditions::isZero).orElse(false));
    }
    if (x instanceof FieldAccessExpr f
        && Set.of("EMPTY_LIST", "EMPTY_MAP", "EMPTY_SET").contains(f.getNameAsString())) {
      Symbols.Answer a = symbols.field(f);
      return a instanceof Symbols.Member m
          ? m.owner().equals("java.util.Collections")
          : f.getScope().toString().endsWith("Collections");
    }
    if (x instanceof MethodCallExpr c && c.getArguments().isEmpty()) {
      Owner o = staticOwner(c);
      if (o == null) {
        return false;
      }
      String name = c.getNameAsString();
      return (o.is("java.util.Collections") && name.startsWith("empty"))
          || (name.equals("of") && o.isAny(EMPTY_OF_OWNERS))
          || (name.equals("empty") && o.is("java.util.stream.Stream"));
    }
    if (x instanceof ObjectCreationExpr n && n.getAnonymousClassBody().isEmpty()) {
      String printed = symbols.typeOf(n);
      if (printed == null || !MUTABLE_COLLECTIONS.contains(Symbols.className(printed))) {
        return false;
      }
      if (n.getArguments().stream().allMatch(a -> Symbols.isPrimitive(symbols.typeOf(a)))) {
        return true;
      }
      return n.getArguments().size() == 1 && isEmpty(unwrap(n.getArgument(0)));
    }
    return false;
  }

  private static boolean isZero(Expression e) {
    return unwrap(e) instanceof IntegerLiteralExpr i && i.asNumber().intValue() == 0;
  }

  private boolean isIdentity(Expression x) {
    if (x instanceof LambdaExpr l) {
      // An expression body only (Picnic's matcher: BodyKind.EXPRESSION), naming the parameter.
      return l.getParameters().size() == 1
          && l.getBody() instanceof ExpressionStmt s
          && s.getExpression() instanceof NameExpr n
          && n.getNameAsString().equals(l.getParameter(0).getNameAsString());
    }
    if (x instanceof MethodCallExpr c
        && c.getArguments().isEmpty()
        && c.getNameAsString().equals("identity")) {
      Owner o = staticOwner(c);
      return o != null && o.isAny(IDENTITY_OWNERS);
    }
    return false;
  }

  /** The owner and its supertypes of a static method call, or null if not static or unresolved. */
  private record Owner(String name, Set<String> supertypes) {
    boolean is(String type) {
      return name.equals(type);
    }

    boolean isAny(Set<String> types) {
      return types.contains(name) || supertypes.stream().anyMatch(types::contains);
    }
  }

  private Owner staticOwner(MethodCallExpr c) {
    Symbols.Answer a = symbols.method(c);
    if (a instanceof Symbols.Member m) {
      return m.isStatic() ? new Owner(m.owner(), m.ownerSupertypes()) : null;
    }
    return null; // unresolved, or no answer from javac: not known to be that owner's
  }

  private static boolean requiresComputation(Expression x) {
    x = unwrap(x);
    if (x instanceof LiteralExpr || x instanceof LambdaExpr || x instanceof NameExpr) {
      return false;
    }
    if (x instanceof ArrayAccessExpr a) {
      return requiresComputation(a.getName()) || requiresComputation(a.getIndex());
    }
    if (x instanceof MethodReferenceExpr r) {
      return !(r.getScope() instanceof TypeExpr) && requiresComputation(r.getScope());
    }
    if (x instanceof FieldAccessExpr f) {
      return requiresComputation(f.getScope());
    }
    if (x instanceof CastExpr c) {
      return requiresComputation(c.getExpression());
    }
    if (x instanceof UnaryExpr u) {
      return requiresComputation(u.getExpression());
    }
    return !isConstant(x);
  }

  /** A compile-time constant built of literals (javac's constant folding, for what is spelled). */
  private static boolean isConstant(Expression x) {
    x = unwrap(x);
    if (x instanceof LiteralExpr) {
      return !(x instanceof NullLiteralExpr);
    }
    if (x instanceof BinaryExpr b) {
      return isConstant(b.getLeft()) && isConstant(b.getRight());
    }
    if (x instanceof UnaryExpr u) {
      return isConstant(u.getExpression());
    }
    return false;
  }
}
