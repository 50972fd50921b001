package dev.lockkit.refactor.move.model;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
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
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.Optional;

/**
 * The declared (static) type of the simple instance expressions that may qualify a static member
 * ({@code obj.CONST}, {@code this.f}, {@code holder.obj.m()}, {@code new T().m()}, {@code ((T)
 * x).m()}, {@code make().m()} for a project method), from declarations alone. Anything else — a
 * {@code var}, a generic type variable, an array element, a library method's result — is unknown
 * (null): the caller must then treat the site as unrecognised, never guess.
 */
public final class ExpressionTypes {

  private final JavaProject project;

  public ExpressionTypes(JavaProject project) {
    this.project = project;
  }

  /** The qualified name of {@code e}'s declared type at its place in {@code scope}'s file. */
  public String typeOf(Expression e, FileScope scope) {
    if (e instanceof EnclosedExpr p) {
      return typeOf(p.getInner(), scope);
    }
    if (e instanceof CastExpr c) {
      return resolve(c.getType(), scope, c);
    }
    if (e instanceof ObjectCreationExpr o) {
      return o.getAnonymousClassBody().isPresent() ? null : resolve(o.getType(), scope, o);
    }
    if (e instanceof ThisExpr t) {
      if (t.getTypeName().isPresent()) {
        return scope.resolveType(t.getTypeName().get().asString(), t);
      }
      return enclosingType(t);
    }
    if (e instanceof NameExpr n) {
      return nameType(n.getNameAsString(), n, scope);
    }
    if (e instanceof FieldAccessExpr fa) {
      String owner = typeOf(fa.getScope(), scope);
      TypeInfo t = owner == null ? null : project.type(owner);
      return t == null ? null : fieldType(t, fa.getNameAsString(), scope);
    }
    if (e instanceof MethodCallExpr mc) {
      return returnType(mc, scope);
    }
    if (e instanceof com.github.javaparser.ast.expr.ClassExpr) {
      return "java.lang.Class";
    }
    return null;
  }

  /** The declared return type of a call to a project method, when every candidate agrees. */
  private String returnType(MethodCallExpr mc, FileScope scope) {
    TypeInfo owner = null;
    if (mc.getScope().isPresent()) {
      String q = scope.resolveTypeChain(mc.getScope().get());
      if (q == null) {
        q = typeOf(mc.getScope().get(), scope);
      }
      if (q != null && FileScope.jdkClass(q)) {
        return jdkReturnType(q, mc.getNameAsString(), mc.getArguments().size());
      }
      TypeInfo t = q == null ? null : project.type(q);
      owner = t == null ? null : scope.declaringType(t, mc.getNameAsString(), true, 0);
    } else {
      FileScope.Member m = scope.resolveMember(mc.getNameAsString(), true, mc);
      owner = m.kind() == FileScope.Kind.MEMBER ? m.owner() : null;
    }
    if (owner == null) {
      // Object's getClass() is final and any toString() returns the final String: whatever the
      // receiver's type, these two calls have these types.
      if (mc.getArguments().isEmpty() && mc.getNameAsString().equals("getClass")) {
        return "java.lang.Class";
      }
      if (mc.getArguments().isEmpty() && mc.getNameAsString().equals("toString")) {
        return "java.lang.String";
      }
      return null;
    }
    FileScope there = project.scope(owner.file());
    String found = null;
    for (var b : owner.decl().getMembers()) {
      if (b instanceof MethodDeclaration md
          && md.getNameAsString().equals(mc.getNameAsString())
          && md.getParameters().size() == mc.getArguments().size()) {
        String r = resolve(md.getType(), there, md);
        if (r == null || found != null && !found.equals(r)) {
          return null;
        }
        found = r;
      }
    }
    return found;
  }

  /**
   * True if evaluating {@code e} can have no effect but its value: variable and field reads, {@code
   * this}, parentheses. Rewriting {@code e.STATIC} to {@code D.STATIC} drops the evaluation, which
   * is only behaviour-preserving for these.
   */
  public static boolean sideEffectFree(Expression e) {
    if (e instanceof EnclosedExpr p) {
      return sideEffectFree(p.getInner());
    }
    if (e instanceof FieldAccessExpr fa) {
      return sideEffectFree(fa.getScope());
    }
    return e instanceof NameExpr || e instanceof ThisExpr;
  }

  private String nameType(String name, Node site, FileScope scope) {
    if (scope.isLocalVariable(name, site)) {
      Type declared = localDeclaration(name, site);
      return declared == null ? null : resolve(declared, scope, site);
    }
    for (Node n = site.getParentNode().orElse(null);
        n != null;
        n = n.getParentNode().orElse(null)) {
      if (n instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
        return null; // a field of the anonymous class may shadow: not resolved
      }
      if (n instanceof TypeDeclaration<?> td) {
        TypeInfo info = project.typeOf(td);
        if (info == null) {
          return null;
        }
        String t = fieldType(info, name, scope);
        if (t != null) {
          return t;
        }
      }
    }
    return null;
  }

  /** The type of field {@code name} declared in {@code t} or a project supertype, or null. */
  private String fieldType(TypeInfo t, String name, FileScope scope) {
    TypeInfo owner = scope.declaringType(t, name, false, 0);
    if (owner == null) {
      return null;
    }
    FileScope there = project.scope(owner.file());
    for (var b : owner.decl().getMembers()) {
      if (b instanceof FieldDeclaration fd) {
        for (VariableDeclarator v : fd.getVariables()) {
          if (v.getNameAsString().equals(name)) {
            return resolve(v.getType(), there, v);
          }
        }
      }
    }
    return null; // an enum constant or a record component: not needed for static qualifiers
  }

  /**
   * The erased return type of the JDK's public methods {@code name} with {@code arity} parameters
   * on {@code owner} (an interface also has Object's), when they all agree and none returns a type
   * variable (whose erasure is not the call's type); else null.
   */
  private static String jdkReturnType(String owner, String name, int arity) {
    Class<?> c = jdkType(owner);
    if (c == null) {
      return null;
    }
    java.util.List<java.lang.reflect.Method> ms = new java.util.ArrayList<>();
    ms.addAll(java.util.List.of(c.getMethods()));
    if (c.isInterface()) {
      ms.addAll(java.util.List.of(Object.class.getMethods()));
    }
    String found = null;
    for (java.lang.reflect.Method m : ms) {
      if (!m.getName().equals(name) || m.getParameterCount() != arity || m.isBridge()) {
        continue;
      }
      if (m.getGenericReturnType() instanceof java.lang.reflect.TypeVariable<?>
          || m.getReturnType().isPrimitive()
          || m.getReturnType().isArray()) {
        return null;
      }
      String r = m.getReturnType().getCanonicalName();
      if (r == null || found != null && !found.equals(r)) {
        return null;
      }
      found = r;
    }
    return found;
  }

  /**
   * The JDK class a canonical name denotes ({@code java.util.Map.Entry} included: nested names are
   * retried with {@code $}), loaded without initialising it, or null when it is not a JDK class.
   */
  public static Class<?> jdkType(String fqn) {
    String binary = fqn;
    while (true) {
      try {
        return Class.forName(binary, false, ClassLoader.getPlatformClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        int dot = binary.lastIndexOf('.');
        if (dot < 0) {
          return null;
        }
        binary = binary.substring(0, dot) + "$" + binary.substring(dot + 1);
      }
    }
  }

  /** The declared type of the innermost local variable or parameter {@code name} seen at site. */
  private static Type localDeclaration(String name, Node site) {
    int at = site.getBegin().map(p -> p.line * 10000 + p.column).orElse(Integer.MAX_VALUE);
    for (Node n = site.getParentNode().orElse(null);
        n != null;
        n = n.getParentNode().orElse(null)) {
      if (n instanceof CallableDeclaration<?> c) {
        for (Parameter p : c.getParameters()) {
          if (p.getNameAsString().equals(name)) {
            return p.getType();
          }
        }
      }
      if (n instanceof LambdaExpr l) {
        for (Parameter p : l.getParameters()) {
          if (p.getNameAsString().equals(name)) {
            return p.getType().isUnknownType() ? null : p.getType();
          }
        }
      }
      // The last declaration of the name that starts before the site, directly in this node's
      // subtree but not in a nested callable: the innermost one in scope, by isLocalVariable.
      Optional<VariableDeclarator> last =
          n.findAll(VariableDeclarator.class, v -> v.getNameAsString().equals(name)).stream()
              .filter(v -> v.getBegin().map(p -> p.line * 10000 + p.column).orElse(at) < at)
              .filter(v -> !(v.getParentNode().orElse(null) instanceof FieldDeclaration))
              .reduce((a, b) -> b);
      if (last.isPresent()) {
        Type t = last.get().getType();
        return t.isVarType() ? null : t;
      }
      if (n instanceof TypeDeclaration<?>) {
        return null;
      }
    }
    return null;
  }

  private static String resolve(Type t, FileScope scope, Node ctx) {
    if (!(t instanceof ClassOrInterfaceType c)) {
      return null;
    }
    return scope.resolveType(c.getNameWithScope(), ctx);
  }

  private String enclosingType(Node n) {
    for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
        return null;
      }
      if (p instanceof TypeDeclaration<?> td) {
        TypeInfo info = project.typeOf(td);
        return info == null ? null : info.fqn();
      }
    }
    return null;
  }
}
