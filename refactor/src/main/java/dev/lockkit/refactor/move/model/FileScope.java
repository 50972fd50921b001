package dev.lockkit.refactor.move.model;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a simple type name means inside one file of the project, looked up by lockkit (not javac):
 * what is left of the hand-written resolution, asked only where a file gains text and the question
 * is "what would this name mean here" ({@code rewrite.ImportPlan}, and whether a file sees a host
 * type by its simple name). Which declaration a name already written denotes, and which scope an
 * unqualified field or method name came through, is javac's binding ({@code rewrite.JavacNames}).
 *
 * <p>Implementation overview. A simple type name is looked up in JLS 6.4/7.5 order: type parameters
 * in scope (which shadow everything), enclosing and member types (walking outwards, including
 * members inherited from project supertypes), single-type imports, the file's own package,
 * on-demand imports, {@code java.lang}. Types outside the project are recognised through the
 * running JDK's class loader, which is enough for the JDK and refuses to guess otherwise.
 */
public final class FileScope {

  private final JavaProject project;
  private final ParsedFile file;
  private final String pkg;
  private final Map<String, String> singleImports = new LinkedHashMap<>();
  private final List<String> onDemand = new ArrayList<>();
  private final Map<String, List<String>> staticSingle = new LinkedHashMap<>();
  private final List<String> staticOnDemand = new ArrayList<>();
  private final Map<String, String> cache = new HashMap<>();

  public FileScope(JavaProject project, ParsedFile file) {
    this.project = project;
    this.file = file;
    this.pkg = file.packageName();
    for (ImportDeclaration imp : file.cu().getImports()) {
      String n = imp.getNameAsString();
      if (imp.isStatic()) {
        if (imp.isAsterisk()) {
          staticOnDemand.add(n);
        } else {
          int dot = n.lastIndexOf('.');
          staticSingle
              .computeIfAbsent(n.substring(dot + 1), k -> new ArrayList<>())
              .add(n.substring(0, dot));
        }
      } else if (imp.isAsterisk()) {
        onDemand.add(n);
      } else {
        singleImports.put(n.substring(n.lastIndexOf('.') + 1), n);
      }
    }
  }

  public ParsedFile file() {
    return file;
  }

  public JavaProject project() {
    return project;
  }

  public Map<String, String> singleImports() {
    return singleImports;
  }

  public Map<String, List<String>> staticSingleImports() {
    return staticSingle;
  }

  public List<String> staticOnDemandImports() {
    return staticOnDemand;
  }

  // ---- types ----------------------------------------------------------------------------------

  /** The qualified name a (possibly dotted) type name denotes at {@code ctx}, or null. */
  public String resolveType(String name, Node ctx) {
    int dot = name.indexOf('.');
    if (dot > 0) {
      String first = resolveType(name.substring(0, dot), ctx);
      if (first != null) {
        String fqn = first + name.substring(dot);
        return project.type(fqn) != null || jdkClass(fqn) ? fqn : null;
      }
      return project.type(name) != null || jdkClass(name) ? name : null;
    }
    for (Node n = ctx; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof NodeWithTypeParameters<?> tp
          && tp.getTypeParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
        return null;
      }
      if (n instanceof TypeDeclaration<?> t) {
        TypeInfo info = project.typeOf(t);
        if (info == null) {
          if (t.getNameAsString().equals(name)) {
            return null; // a local class: not a type a move can touch
          }
          continue;
        }
        String member = memberType(info, name, 0);
        if (member != null) {
          return member;
        }
      }
    }
    return cache.computeIfAbsent(name, this::resolveTopLevel);
  }

  private String memberType(TypeInfo t, String name, int depth) {
    if (t.simpleName().equals(name)) {
      return t.fqn();
    }
    if (project.type(t.fqn() + "." + name) != null) {
      return t.fqn() + "." + name;
    }
    if (depth > 8) {
      return null;
    }
    for (TypeInfo sup : supertypes(t)) {
      String inherited =
          project.type(sup.fqn() + "." + name) != null ? sup.fqn() + "." + name : null;
      if (inherited == null) {
        inherited = memberTypeInSupers(sup, name, depth + 1);
      }
      if (inherited != null) {
        return inherited;
      }
    }
    return null;
  }

  private String memberTypeInSupers(TypeInfo t, String name, int depth) {
    if (depth > 8) {
      return null;
    }
    for (TypeInfo sup : supertypes(t)) {
      if (project.type(sup.fqn() + "." + name) != null) {
        return sup.fqn() + "." + name;
      }
      String r = memberTypeInSupers(sup, name, depth + 1);
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  /** The project supertypes of {@code t} (extends and implements), resolved in their own file. */
  public List<TypeInfo> supertypes(TypeInfo t) {
    List<TypeInfo> cached = project.supertypeCache().get(t);
    if (cached == null) {
      cached = computeSupertypes(t);
      project.supertypeCache().put(t, cached);
    }
    return cached;
  }

  private List<TypeInfo> computeSupertypes(TypeInfo t) {
    List<ClassOrInterfaceType> written = new ArrayList<>();
    if (t.decl() instanceof ClassOrInterfaceDeclaration c) {
      written.addAll(c.getExtendedTypes());
      written.addAll(c.getImplementedTypes());
    } else if (t.decl() instanceof EnumDeclaration e) {
      written.addAll(e.getImplementedTypes());
    } else if (t.decl() instanceof RecordDeclaration r) {
      written.addAll(r.getImplementedTypes());
    }
    List<TypeInfo> out = new ArrayList<>();
    FileScope scope = t.file() == file ? this : project.scope(t.file());
    for (ClassOrInterfaceType w : written) {
      // Resolve from the declaration's parent so the type does not find its own members first.
      String fqn = scope.resolveType(w.getNameWithScope(), t.decl().getParentNode().orElse(null));
      TypeInfo sup = fqn == null ? null : project.type(fqn);
      if (sup != null && !sup.equals(t)) {
        out.add(sup);
      }
    }
    return out;
  }

  private String resolveTopLevel(String name) {
    if (singleImports.containsKey(name)) {
      return singleImports.get(name);
    }
    String same = pkg.isEmpty() ? name : pkg + "." + name;
    if (project.type(same) != null) {
      return same;
    }
    for (String p : onDemand) {
      String c = p + "." + name;
      if (project.type(c) != null || jdkClass(c)) {
        return c;
      }
    }
    return jdkClass("java.lang." + name) ? "java.lang." + name : null;
  }

  /** True if {@code fqn} names a class of the running JDK (nested classes written with dots). */
  public static boolean jdkClass(String fqn) {
    if (!fqn.startsWith("java.") && !fqn.startsWith("javax.") && !fqn.startsWith("jdk.")) {
      return false;
    }
    String binary = fqn;
    while (true) {
      try {
        Class.forName(binary, false, ClassLoader.getPlatformClassLoader());
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        int dot = binary.lastIndexOf('.');
        if (dot < 0
            || !Character.isUpperCase(binary.charAt(binary.lastIndexOf('.', dot - 1) + 1))) {
          return false;
        }
        binary = binary.substring(0, dot) + "$" + binary.substring(dot + 1);
      }
    }
  }

  /** Names of the variables a field declaration declares. */
  public static List<String> names(FieldDeclaration f) {
    return f.getVariables().stream().map(VariableDeclarator::getNameAsString).toList();
  }
}
