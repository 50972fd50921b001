package dev.lockkit.analyzer.source;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Describes the static type of a call's receiver expression as far as one file tells, for the
 * resolver to finish with the whole project ({@link ReceiverResolver}).
 *
 * <p>A description is a base and steps joined by {@code |}: the base is {@code this}, {@code
 * super}, {@code T:Name} (a type as written, resolved in the reference's scope) or {@code n:a.b.c}
 * (a name chain whose first name is no local variable: a field in scope, else a type); each step is
 * {@code f:field} or {@code m:method/argc}, typed by the declared field or return type. Locals,
 * parameters, catch and for-each variables, lambda parameters and pattern variables are looked up
 * by walking up the tree from the call, so only calls whose method name a rule bans pay for it. A
 * local declared with {@code var} takes the description of its initializer. Returns null when the
 * type cannot be told from the source alone: a lambda parameter without a type, a primitive, an
 * array, a type variable, a union type, or an expression other than names, field accesses, calls,
 * casts, {@code new}, {@code this} and parentheses.
 */
final class ReceiverTypes {

  private static final int MAX_DEPTH = 32;

  /** A name bound to something whose type is unknown: stop looking further out. */
  private static final String UNTYPED = "";

  private final Predicate<String> typeVariable;

  /**
   * @param typeVariable whether a simple name is a type parameter in scope at the call
   */
  ReceiverTypes(Predicate<String> typeVariable) {
    this.typeVariable = typeVariable;
  }

  /** The description of a call's receiver: its scope, or the enclosing instance when absent. */
  String receiver(MethodCallExpr call) {
    return call.getScope().map(s -> describe(s, 0)).orElse("this");
  }

  private String describe(Expression e, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    if (e instanceof EnclosedExpr x) {
      return describe(x.getInner(), depth + 1);
    }
    if (e instanceof ThisExpr t) {
      return t.getTypeName().map(n -> "T:" + n.asString()).orElse("this");
    }
    if (e instanceof SuperExpr s) {
      return s.getTypeName().isPresent() ? null : "super";
    }
    if (e instanceof CastExpr c) {
      return written(c.getType());
    }
    if (e instanceof ObjectCreationExpr o) {
      return o.getScope().isPresent() ? null : written(o.getType());
    }
    String chain = nameChain(e);
    if (chain != null) {
      int dot = chain.indexOf('.');
      String first = dot < 0 ? chain : chain.substring(0, dot);
      String local = local(e, first, depth);
      if (local == null) {
        return "n:" + chain;
      }
      if (local.equals(UNTYPED)) {
        return null;
      }
      return dot < 0 ? local : local + "|f:" + chain.substring(dot + 1).replace(".", "|f:");
    }
    if (e instanceof FieldAccessExpr f) {
      String scope = describe(f.getScope(), depth + 1);
      return scope == null ? null : scope + "|f:" + f.getNameAsString();
    }
    if (e instanceof MethodCallExpr m) {
      String scope = receiver(m);
      return scope == null
          ? null
          : scope + "|m:" + m.getNameAsString() + "/" + m.getArguments().size();
    }
    return null;
  }

  /** The dotted name of a pure name chain ({@code a}, {@code a.b.c}), or null. */
  static String nameChain(Node e) {
    if (e instanceof NameExpr n) {
      return n.getNameAsString();
    }
    if (e instanceof FieldAccessExpr f && f.getTypeArguments().isEmpty()) {
      String scope = nameChain(f.getScope());
      return scope == null ? null : scope + "." + f.getNameAsString();
    }
    return null;
  }

  /** {@code T:Name} for a class type as written, else null. */
  private String written(Type t) {
    if (!(t instanceof ClassOrInterfaceType c)) {
      return null;
    }
    String name = c.getNameWithScope();
    int dot = name.indexOf('.');
    return typeVariable.test(dot < 0 ? name : name.substring(0, dot)) ? null : "T:" + name;
  }

  private String declared(Type t) {
    String w = written(t);
    return w == null ? UNTYPED : w;
  }

  /**
   * The description of the local variable, parameter or pattern variable {@code name} visible at
   * {@code at}, {@link #UNTYPED} when it exists but cannot be typed, or null when no local of that
   * name is in scope (then it is a field or a type). Walks outwards through blocks, loops, catch
   * clauses, lambdas, methods and local or anonymous classes, and stops at the first named type.
   */
  private String local(Node at, String name, int depth) {
    Node child = at;
    for (Node p = at.getParentNode().orElse(null);
        p != null;
        child = p, p = p.getParentNode().orElse(null)) {
      String found = null;
      if (p instanceof BlockStmt b) {
        found = inStatements(b.getStatements(), child, name, depth);
      } else if (p instanceof SwitchEntry s) {
        found = inStatements(s.getStatements(), child, name, depth);
      } else if (p instanceof ForStmt f) {
        for (Expression init : f.getInitialization()) {
          found = found != null ? found : inDeclaration(init, name, depth);
        }
      } else if (p instanceof ForEachStmt f) {
        found = inDeclaration(f.getVariable(), name, depth);
      } else if (p instanceof TryStmt t) {
        for (Expression r : t.getResources()) {
          found = found != null ? found : inDeclaration(r, name, depth);
        }
      } else if (p instanceof CatchClause c) {
        found = inParameters(List.of(c.getParameter()), name);
      } else if (p instanceof LambdaExpr l) {
        found = pattern(l.getBody(), at, name);
        found = found != null ? found : inParameters(l.getParameters(), name);
      } else if (p instanceof CallableDeclaration<?> c) {
        found = pattern(c, at, name);
        found = found != null ? found : inParameters(c.getParameters(), name);
      } else if (p instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
        found = inFields(o.getAnonymousClassBody().get(), name);
      } else if (p instanceof TypeDeclaration<?> t) {
        if (t.isTopLevelType() || t.getParentNode().orElse(null) instanceof TypeDeclaration) {
          return null; // a named type: its fields and inherited ones are the resolver's business
        }
        found = inFields(t.getMembers(), name);
      }
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private String inStatements(NodeList<Statement> stmts, Node child, String name, int depth) {
    String found = null;
    for (Statement s : stmts) {
      if (s == child) {
        break;
      }
      if (s instanceof ExpressionStmt e) {
        String d = inDeclaration(e.getExpression(), name, depth);
        found = d != null ? d : found; // a later redeclaration (in another scope) cannot occur
      }
    }
    return found;
  }

  private String inDeclaration(Expression e, String name, int depth) {
    if (!(e instanceof VariableDeclarationExpr v)) {
      return null;
    }
    for (VariableDeclarator d : v.getVariables()) {
      if (d.getNameAsString().equals(name)) {
        if (d.getType().isVarType()
            || (d.getType() instanceof ClassOrInterfaceType c
                && c.getScope().isEmpty()
                && c.getNameAsString().equals("var"))) {
          String init = d.getInitializer().map(i -> describe(i, depth + 1)).orElse(null);
          return init == null ? UNTYPED : init;
        }
        return declared(d.getType());
      }
    }
    return null;
  }

  private String inParameters(List<Parameter> params, String name) {
    for (Parameter p : params) {
      if (p.getNameAsString().equals(name)) {
        return p.getType().isUnknownType() || p.isVarArgs() ? UNTYPED : declared(p.getType());
      }
    }
    return null;
  }

  private String inFields(List<BodyDeclaration<?>> members, String name) {
    for (BodyDeclaration<?> m : members) {
      if (m instanceof FieldDeclaration f) {
        for (VariableDeclarator v : f.getVariables()) {
          if (v.getNameAsString().equals(name)) {
            return declared(v.getType());
          }
        }
      }
    }
    return null;
  }

  /**
   * A pattern variable {@code name} introduced in {@code scope} before {@code at}: an approximation
   * of flow scoping that holds for code that compiles, where a pattern variable cannot share its
   * name with a local or parameter in scope.
   */
  private String pattern(Node scope, Node at, String name) {
    Position limit = at.getBegin().orElse(null);
    if (limit == null) {
      return null;
    }
    for (TypePatternExpr p : scope.findAll(TypePatternExpr.class)) {
      if (p.getNameAsString().equals(name)
          && p.getBegin().map(b -> b.isBefore(limit)).orElse(false)) {
        return declared(p.getType());
      }
    }
    return null;
  }

  // ---- what the resolver needs of each declared type: field and return types as written ------

  /**
   * Field name to its type as written ({@code ""} when it cannot be typed): fields, record
   * components, and enum constants (typed by their enum).
   */
  static Map<String, String> fieldTypes(TypeDeclaration<?> decl, Predicate<String> typeVariable) {
    Map<String, String> out = new HashMap<>();
    for (BodyDeclaration<?> m : decl.getMembers()) {
      if (m instanceof FieldDeclaration f) {
        for (VariableDeclarator v : f.getVariables()) {
          out.put(v.getNameAsString(), raw(v.getType(), typeVariable));
        }
      }
    }
    if (decl instanceof RecordDeclaration r) {
      r.getParameters().forEach(p -> out.put(p.getNameAsString(), raw(p.getType(), typeVariable)));
    }
    if (decl instanceof EnumDeclaration e) {
      e.getEntries().forEach(c -> out.put(c.getNameAsString(), e.getNameAsString()));
    }
    return out.isEmpty() ? Map.of() : Map.copyOf(out);
  }

  /**
   * {@code name/arity} ({@code name/arity+} for varargs) to the return type as written; {@code ""}
   * when it cannot be typed or overloads of that arity disagree.
   */
  static Map<String, String> returnTypes(TypeDeclaration<?> decl, Predicate<String> typeVariable) {
    Map<String, String> out = new HashMap<>();
    for (BodyDeclaration<?> m : decl.getMembers()) {
      if (m instanceof MethodDeclaration md) {
        Set<String> own = new HashSet<>();
        md.getTypeParameters().forEach(p -> own.add(p.getNameAsString()));
        String type = raw(md.getType(), n -> own.contains(n) || typeVariable.test(n));
        int arity = md.getParameters().size();
        boolean varargs = arity > 0 && md.getParameter(arity - 1).isVarArgs();
        String key = md.getNameAsString() + "/" + arity + (varargs ? "+" : "");
        out.merge(key, type, (a, b) -> a.equals(b) ? a : "");
      }
    }
    return out.isEmpty() ? Map.of() : Map.copyOf(out);
  }

  private static String raw(Type t, Predicate<String> typeVariable) {
    if (!(t instanceof ClassOrInterfaceType c)) {
      return "";
    }
    String name = c.getNameWithScope();
    int dot = name.indexOf('.');
    return typeVariable.test(dot < 0 ? name : name.substring(0, dot)) || name.equals("var")
        ? ""
        : name;
  }
}
