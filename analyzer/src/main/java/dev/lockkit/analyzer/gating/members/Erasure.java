package dev.lockkit.analyzer.gating.members;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The erasure of a parameter type as written (JLS 4.6), which is what decides whether two methods
 * of one class clash: type arguments dropped, a type variable replaced by the erasure of its first
 * bound ({@code Object} when unbounded), names made canonical where the sources can tell — a
 * project type by its qualified name, an imported or {@code java.lang} type by its import — so that
 * {@code Set} and {@code java.util.Set} are the same parameter type.
 */
final class Erasure {
  private static final Map<String, Boolean> JAVA_LANG = new ConcurrentHashMap<>();

  private Erasure() {}

  static String of(
      Type t, Node scope, TypeIndex index, CompilationUnit cu, Deque<String> enclosingTypes) {
    if (t instanceof ArrayType a) {
      return of(a.getComponentType(), scope, index, cu, enclosingTypes) + "[]";
    }
    if (!(t instanceof ClassOrInterfaceType ct)) {
      return t.asString(); // primitives
    }
    String name = ct.getNameWithScope();
    if (ct.getScope().isEmpty()) {
      TypeParameter tp = typeParameter(scope, name);
      if (tp != null) {
        return tp.getTypeBound().isEmpty()
            ? "java.lang.Object"
            : of(
                tp.getTypeBound().get(0),
                tp.getParentNode().orElse(scope),
                index,
                cu,
                enclosingTypes);
      }
    }
    String project = index.resolve(name, cu, enclosingTypes);
    if (project != null) {
      return project;
    }
    if (ct.getScope().isPresent()) {
      return name;
    }
    for (ImportDeclaration imp : cu.getImports()) {
      if (!imp.isAsterisk() && !imp.isStatic() && imp.getName().getIdentifier().equals(name)) {
        return imp.getNameAsString();
      }
    }
    return inJavaLang(name) ? "java.lang." + name : name;
  }

  /** The type parameter {@code name} declared by {@code n} or the nearest declaration around it. */
  private static TypeParameter typeParameter(Node n, String name) {
    for (Node at = n; at != null; at = at.getParentNode().orElse(null)) {
      if (at instanceof NodeWithTypeParameters<?> g) {
        for (TypeParameter tp : g.getTypeParameters()) {
          if (tp.getNameAsString().equals(name)) {
            return tp;
          }
        }
      }
    }
    return null;
  }

  private static boolean inJavaLang(String simpleName) {
    return JAVA_LANG.computeIfAbsent(
        simpleName,
        n -> {
          try {
            Class.forName("java.lang." + n, false, ClassLoader.getPlatformClassLoader());
            return true;
          } catch (ClassNotFoundException | LinkageError e) {
            return false;
          }
        });
  }
}
