package dev.lockkit.analyzer.gating.members;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.types.ResolvedReferenceType;
import dev.lockkit.analyzer.pc.Expr;
import dev.lockkit.analyzer.pc.Guards;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Translates Java conditions into presence conditions.
 *
 * <p>A guard is a call of a declared guard method ({@link Guards}) on a receiver of its declaring
 * type: {@code config.isEnabled(Option.MMU)} with {@code config} a lockcore {@code Config}, not
 * {@code log.isEnabled(Level.DEBUG)} on a logger. The receiver's type is found by JavaParser's
 * symbol solver (the method's declaring type and its supertypes), else from the source: the
 * declared type of the variable or field named as receiver, a type name of a static call, the
 * enclosing types of an unqualified call — each qualified through the file's imports. A call that
 * looks like a guard (a guard method's name, one option-like argument) but whose receiver type
 * neither way can tell is not a guard and is recorded in {@link #unresolved}: the run says it is
 * incomplete rather than treat the code as unconditional without saying so.
 *
 * <p>A guard may mix {@code isEnabled(X)} with ordinary run-time tests ({@code cfg.isEnabled(MMU)
 * && vma != null}). Such a test is opaque, so the translation is one-sided: {@link
 * #when(Expression, boolean) when(e, true)} is a formula implied by {@code e} being true and {@code
 * when(e, false)} one implied by {@code e} being false — opaque parts become {@code true}, negation
 * swaps the side, and De Morgan applies. Code in a branch therefore gets a condition that is sound
 * (never claims a branch exists where it does not) and exact whenever the guard is purely made of
 * guard calls, which is also exactly what the variant materialiser folds.
 */
final class GuardConditions {
  private final Guards guards;
  private final Syntax.Unit unit;
  private final TypeIndex index;
  private final Deque<String> enclosingTypes;
  private final Map<MethodCallExpr, Optional<String>> decided = new IdentityHashMap<>();

  /** Guard-like calls whose receiver type could not be told: not treated as guards. */
  final List<CodeModel.Unresolved> unresolved = new ArrayList<>();

  GuardConditions(Guards guards, Syntax.Unit unit, TypeIndex index, Deque<String> enclosingTypes) {
    this.guards = guards;
    this.unit = unit;
    this.index = index;
    this.enclosingTypes = enclosingTypes;
  }

  /** The option a guard call tests, or empty if {@code e} is not a guard call. */
  Optional<String> option(Expression e) {
    if (!(e instanceof MethodCallExpr call)
        || call.getArguments().size() != 1
        || !guards.mayBeGuardMethod(call.getNameAsString())) {
      return Optional.empty();
    }
    // Decided once per call: the walk asks several times, and an unresolved one is recorded once.
    Optional<String> known = decided.get(call);
    if (known == null) {
      known = decide(call);
      decided.put(call, known);
    }
    return known;
  }

  private Optional<String> decide(MethodCallExpr call) {
    Optional<String> option = Guards.optionOf(source(call.getArgument(0)));
    if (option.isEmpty()) {
      return option;
    }
    // The source first: the declared type of the receiver settles most calls without the solver's
    // method resolution, which doubled the extraction time when asked for every guard. Only a
    // project type that is not itself the guard type (it may extend it) needs the solver.
    String type = receiverType(call);
    Boolean guard = null;
    if (type != null) {
      if (guards.isGuardMethod(type, List.of(), call.getNameAsString())) {
        guard = true;
      } else if (!index.types.contains(type)) {
        guard = false; // a library's or the JDK's type, e.g. a Log4j Logger
      }
    }
    if (guard == null) {
      guard = bySolver(call);
    }
    if (guard == null && type != null) {
      guard = false; // a project type the solver cannot place: it does not declare the guard
    }
    if (guard == null) {
      // Neither the source nor the solver tells the receiver's type (a library type behind a
      // method call, say). A call with a guard method's name and an option argument is taken as
      // that guard, as the code most likely means, and reported: the run is incomplete, and the
      // finding says what was assumed. A receiver whose type is known never gets here, so a
      // Log4j `log.isEnabled(Level.DEBUG)` stays ordinary code.
      unresolved.add(
          new CodeModel.Unresolved(
              Syntax.location(unit, call),
              "call " + call.getNameAsString() + "(" + source(call.getArgument(0)) + ")",
              null,
              true));
      return option;
    }
    return guard ? option : Optional.empty();
  }

  /** Whether the solver places the call on a guard method; null when it cannot place it. */
  private Boolean bySolver(MethodCallExpr call) {
    ResolvedMethodDeclaration m;
    try {
      m = call.resolve();
    } catch (RuntimeException e) {
      return null; // UnsolvedSymbolException and friends: a type outside the project and the JDK
    }
    ResolvedReferenceTypeDeclaration owner = m.declaringType();
    List<String> supers = new ArrayList<>();
    try {
      for (ResolvedReferenceType t : owner.getAllAncestors()) {
        supers.add(t.getQualifiedName());
      }
    } catch (RuntimeException e) {
      // An ancestor outside the project: the declaring type itself still decides.
    }
    return guards.isGuardMethod(owner.getQualifiedName(), supers, m.getName());
  }

  /**
   * The receiver's qualified type as the source declares it; null when the source does not tell.
   */
  private String receiverType(MethodCallExpr call) {
    String name = call.getNameAsString();
    Expression scope = call.getScope().orElse(null);
    if (scope == null) {
      for (String t : enclosingTypes) {
        if (guards.isGuardMethod(t, List.of(), name)) {
          return t;
        }
      }
      return null;
    }
    String type = null;
    if (scope instanceof NameExpr n) {
      type = declaredType(n);
      if (type == null && Character.isUpperCase(n.getNameAsString().charAt(0))) {
        type = qualify(n.getNameAsString()); // a static call through a type name
      }
    } else if (scope instanceof FieldAccessExpr f
        && Character.isUpperCase(f.getNameAsString().charAt(0))) {
      type = qualify(source(f));
    } else if (scope instanceof MethodCallExpr m) {
      type = returnType(m);
    }
    return type;
  }

  /**
   * The qualified return type of the project method {@code m} calls, as its declaration writes it
   * ({@code ctx.config()} returning a library's {@code Config}): the solver can place the project
   * method even when it cannot resolve the library type it returns. Null when it cannot.
   */
  private String returnType(MethodCallExpr m) {
    Node decl;
    try {
      decl = m.resolve().toAst().orElse(null);
    } catch (RuntimeException e) {
      return null;
    }
    if (!(decl instanceof com.github.javaparser.ast.body.MethodDeclaration md)
        || !(md.getType() instanceof ClassOrInterfaceType c)
        || (c.getScope().isEmpty() && isTypeVariable(md, c.getNameAsString()))) {
      return null;
    }
    return md.findCompilationUnit()
        .map(cu -> qualify(c.getNameWithScope(), cu, index, new java.util.ArrayDeque<>()))
        .orElse(null);
  }

  /**
   * The qualified type of the variable, parameter or field {@code n} names, from its declaration.
   */
  private String declaredType(NameExpr n) {
    return declaredType(n, unit, index, enclosingTypes);
  }

  /** {@link #declaredType(NameExpr)} for any unit: the ReferenceResolver asks it too. */
  static String declaredType(
      NameExpr n, Syntax.Unit unit, TypeIndex index, Deque<String> enclosingTypes) {
    Node decl;
    try {
      decl = n.resolve().toAst().orElse(null);
    } catch (RuntimeException e) {
      // The solver gives up on some shapes it should handle (names inside switch-expression arms,
      // for one); Java's scoping, read off the tree, finds the declaration all the same.
      decl = inScope(n);
    }
    if (decl == null) {
      decl = inScope(n);
    }
    Type t = typeOf(decl, n.getNameAsString());
    if (t == null) {
      decl = inScope(n); // the solver's declaration may be a node that names no type
      t = typeOf(decl, n.getNameAsString());
    }
    if (t instanceof ClassOrInterfaceType c) {
      if (c.getScope().isEmpty() && isTypeVariable(decl, c.getNameAsString())) {
        return null; // a type variable: any type, perhaps a project one
      }
      return qualify(c.getNameWithScope(), unit, index, enclosingTypes);
    }
    return null;
  }

  /** The declared type of the declaration {@code decl} of {@code name}; null if it names none. */
  private static Type typeOf(Node decl, String name) {
    if (decl instanceof VariableDeclarator v) {
      return v.getType();
    } else if (decl instanceof Parameter p) {
      return p.getType();
    } else if (decl instanceof FieldDeclaration f && f.getVariables().size() > 0) {
      return f.getVariable(0).getType();
    } else if (decl instanceof com.github.javaparser.ast.expr.VariableDeclarationExpr e) {
      for (VariableDeclarator v : e.getVariables()) {
        if (v.getNameAsString().equals(name)) {
          return v.getType();
        }
      }
    }
    return null;
  }

  /**
   * The parameter, local variable or field {@code n} names, found by walking out from {@code n}
   * through the enclosing lambdas, methods, blocks and types as Java scopes names; null if none.
   * Locals count only when declared before {@code n} in an enclosing block.
   */
  static Node inScope(NameExpr n) {
    String name = n.getNameAsString();
    Node child = n;
    for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof com.github.javaparser.ast.expr.LambdaExpr l) {
        for (Parameter q : l.getParameters()) {
          if (q.getNameAsString().equals(name)) {
            return q;
          }
        }
      } else if (p instanceof com.github.javaparser.ast.body.CallableDeclaration<?> c) {
        for (Parameter q : c.getParameters()) {
          if (q.getNameAsString().equals(name)) {
            return q;
          }
        }
      } else if (p instanceof com.github.javaparser.ast.stmt.BlockStmt b) {
        for (com.github.javaparser.ast.stmt.Statement st : b.getStatements()) {
          if (st == child) {
            break;
          }
          for (VariableDeclarator v : st.findAll(VariableDeclarator.class)) {
            if (v.getNameAsString().equals(name)
                && v.getParentNode().orElse(null)
                    instanceof com.github.javaparser.ast.expr.VariableDeclarationExpr e
                && e.getParentNode().orElse(null)
                    instanceof com.github.javaparser.ast.stmt.ExpressionStmt es
                && es.getParentNode().orElse(null) == b) {
              return v;
            }
          }
        }
      } else if (p instanceof com.github.javaparser.ast.body.TypeDeclaration<?> t) {
        for (FieldDeclaration f : t.getFields()) {
          for (VariableDeclarator v : f.getVariables()) {
            if (v.getNameAsString().equals(name)) {
              return v;
            }
          }
        }
      }
      child = p;
    }
    return null;
  }

  /** Whether {@code name} is a type parameter of a method or type around {@code node}. */
  private static boolean isTypeVariable(Node node, String name) {
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters<?> g
          && g.getTypeParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
        return true;
      }
    }
    return false;
  }

  private String qualify(String name) {
    return qualify(name, unit, index, enclosingTypes);
  }

  /** A type name written in a file, qualified: a project type, else by the file's imports. */
  static String qualify(
      String name, Syntax.Unit unit, TypeIndex index, Deque<String> enclosingTypes) {
    return qualify(name, unit.cu(), index, enclosingTypes);
  }

  /** {@link #qualify(String, Syntax.Unit, TypeIndex, Deque)} in any compilation unit. */
  private static String qualify(
      String name,
      com.github.javaparser.ast.CompilationUnit cu,
      TypeIndex index,
      Deque<String> enclosingTypes) {
    String project = index.resolve(name, cu, enclosingTypes);
    if (project != null) {
      return project;
    }
    return Guards.qualify(
        name,
        cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse(""),
        cu.getImports().stream()
            .filter(i -> !i.isStatic() && !i.isAsterisk())
            .map(ImportDeclaration::getNameAsString)
            .toList(),
        cu.getImports().stream()
            .filter(i -> !i.isStatic() && i.isAsterisk())
            .map(ImportDeclaration::getNameAsString)
            .toList(),
        index.types::contains);
  }

  /**
   * Whether an annotation is a declared condition annotation: its name, qualified as Java would in
   * this file (enclosing and project types, imports, the package), is one {@link Guards} knows.
   */
  boolean isConditionAnnotation(AnnotationExpr a) {
    String name = a.getNameAsString();
    return guards.mayBeConditionAnnotation(name) && guards.isConditionAnnotation(qualify(name));
  }

  /**
   * The source text of a guard argument as {@link Expression#toString()} prints it. Why not just
   * call that: it runs JavaParser's pretty printer, and the walk asks for the option of every guard
   * several times — that printing was two thirds of the walk. Names, qualified names and string
   * literals, the only arguments that name an option, are rebuilt directly. ({@link
   * ReferenceResolver} uses it for type qualifiers, for the same reason.)
   */
  static String source(Expression arg) {
    if (arg instanceof NameExpr n) {
      return n.getNameAsString();
    }
    if (arg instanceof FieldAccessExpr f
        && (f.getScope() instanceof NameExpr || f.getScope() instanceof FieldAccessExpr)) {
      return source(f.getScope()) + "." + f.getNameAsString();
    }
    if (arg instanceof StringLiteralExpr lit) {
      return "\"" + lit.getValue() + "\"";
    }
    return arg.toString();
  }

  /** Whether {@code e} contains an {@code isEnabled(X)} guard anywhere. */
  boolean hasGuard(Expression e) {
    return option(e).isPresent()
        || e.findFirst(MethodCallExpr.class, c -> option(c).isPresent()).isPresent();
  }

  /** A presence condition implied by {@code e} evaluating to {@code value}. */
  Expr when(Expression e, boolean value) {
    if (e instanceof EnclosedExpr en) {
      return when(en.getInner(), value);
    }
    if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      return when(u.getExpression(), !value);
    }
    if (e instanceof BinaryExpr b) {
      if (b.getOperator() == BinaryExpr.Operator.AND) {
        Expr l = when(b.getLeft(), value);
        Expr r = when(b.getRight(), value);
        return value ? Expr.and(l, r) : Expr.or(l, r);
      }
      if (b.getOperator() == BinaryExpr.Operator.OR) {
        Expr l = when(b.getLeft(), value);
        Expr r = when(b.getRight(), value);
        return value ? Expr.or(l, r) : Expr.and(l, r);
      }
    }
    if (e instanceof BooleanLiteralExpr lit) {
      return lit.getValue() == value ? Expr.TRUE : Expr.FALSE;
    }
    Optional<String> opt = option(e);
    if (opt.isPresent()) {
      Expr s = Expr.sym(opt.get());
      return value ? s : Expr.not(s);
    }
    return Expr.TRUE;
  }

  /** Whether {@code s} never completes normally (return, throw, break, continue, or all arms). */
  static boolean exits(Statement s) {
    if (s instanceof ReturnStmt
        || s instanceof ThrowStmt
        || s instanceof BreakStmt
        || s instanceof ContinueStmt) {
      return true;
    }
    if (s instanceof BlockStmt b) {
      return !b.getStatements().isEmpty() && exits(b.getStatements().getLast().orElseThrow());
    }
    if (s instanceof IfStmt i) {
      return i.getElseStmt().isPresent() && exits(i.getThenStmt()) && exits(i.getElseStmt().get());
    }
    return false;
  }
}
