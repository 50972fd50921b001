package dev.lockkit.refactor.move.model;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Name resolution inside one file, as javac does it for the names a move can affect.
 *
 * <p>Implementation overview. A simple type name is looked up in JLS 6.4/7.5 order: type parameters
 * in scope (which shadow everything), enclosing and member types (walking outwards, including
 * members inherited from project supertypes), single-type imports, the file's own package,
 * on-demand imports, {@code java.lang}. Types outside the project are recognised through the
 * running JDK's class loader, which is enough for the JDK and refuses to guess otherwise. An
 * unqualified member name is looked up the same way: local variables and parameters in scope (for
 * fields), then the members of each enclosing class and its project supertypes, then static
 * imports. The answer distinguishes "local", "a member of project type T", "statically imported
 * from T" and "unknown", so callers can tell a reference to a moved member from a lookalike.
 */
public final class FileScope {

  /** What an unqualified member name denotes at a site. */
  public enum Kind {
    LOCAL,
    MEMBER,
    STATIC_IMPORT,
    UNKNOWN
  }

  /** Resolution of an unqualified member name; {@code owner} is set for MEMBER/STATIC_IMPORT. */
  public record Member(Kind kind, TypeInfo owner, TypeDeclaration<?> lexical) {}

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

  /** The supertypes {@code t} names in extends/implements, project or not. */
  public List<ClassOrInterfaceType> supertypesWritten(TypeInfo t) {
    List<ClassOrInterfaceType> written = new ArrayList<>();
    if (t.decl() instanceof ClassOrInterfaceDeclaration c) {
      written.addAll(c.getExtendedTypes());
      written.addAll(c.getImplementedTypes());
    } else if (t.decl() instanceof EnumDeclaration e) {
      written.addAll(e.getImplementedTypes());
    } else if (t.decl() instanceof RecordDeclaration r) {
      written.addAll(r.getImplementedTypes());
    }
    return written;
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

  /** The qualified name of a name chain in an expression ({@code T}, {@code pkg.T}), or null. */
  public String resolveTypeChain(Expression e) {
    String chain = chain(e);
    if (chain == null) {
      return null;
    }
    String first = chain.contains(".") ? chain.substring(0, chain.indexOf('.')) : chain;
    if (Character.isLowerCase(first.charAt(0)) && !chain.contains(".")) {
      return null;
    }
    if (Character.isLowerCase(first.charAt(0)) || !isLocalVariable(first, e)) {
      return resolveType(chain, e);
    }
    return null;
  }

  /** The dotted text of a pure name chain, or null. */
  public static String chain(Expression e) {
    if (e instanceof NameExpr n) {
      return n.getNameAsString();
    }
    if (e instanceof FieldAccessExpr f) {
      String s = chain(f.getScope());
      return s == null ? null : s + "." + f.getNameAsString();
    }
    if (e.isTypeExpr() && e.asTypeExpr().getType() instanceof ClassOrInterfaceType t) {
      return t.getNameWithScope();
    }
    return null;
  }

  // ---- members --------------------------------------------------------------------------------

  /**
   * What the unqualified member {@code name} (a method if {@code method}) denotes at {@code site}.
   */
  public Member resolveMember(String name, boolean method, Node site) {
    if (!method && isLocalVariable(name, site)) {
      return new Member(Kind.LOCAL, null, null);
    }
    for (Node n = site.getParentNode().orElse(null);
        n != null;
        n = n.getParentNode().orElse(null)) {
      if (n instanceof ObjectCreationExpr oce && oce.getAnonymousClassBody().isPresent()) {
        if (declares(oce.getAnonymousClassBody().get(), name, method)) {
          return new Member(Kind.LOCAL, null, null);
        }
      } else if (n instanceof TypeDeclaration<?> t) {
        TypeInfo info = project.typeOf(t);
        if (info == null) {
          if (declares(t.getMembers(), name, method)) {
            return new Member(Kind.LOCAL, null, null);
          }
          continue;
        }
        TypeInfo owner = declaringType(info, name, method, 0);
        if (owner != null) {
          return new Member(Kind.MEMBER, owner, t);
        }
      }
    }
    for (String owner : staticSingle.getOrDefault(name, List.of())) {
      TypeInfo t = project.type(owner);
      return new Member(t == null ? Kind.UNKNOWN : Kind.STATIC_IMPORT, t, null);
    }
    for (String owner : staticOnDemand) {
      TypeInfo t = project.type(owner);
      if (t != null && declaringType(t, name, method, 0) != null) {
        return new Member(Kind.STATIC_IMPORT, declaringType(t, name, method, 0), null);
      }
    }
    return new Member(Kind.UNKNOWN, null, null);
  }

  /** The type among {@code t} and its project supertypes that declares the member, or null. */
  public TypeInfo declaringType(TypeInfo t, String name, boolean method, int depth) {
    if (declares(t.decl().getMembers(), name, method)
        || !method
            && t.decl() instanceof EnumDeclaration e
            && e.getEntries().stream().anyMatch(c -> c.getNameAsString().equals(name))) {
      return t;
    }
    if (depth > 8) {
      return null;
    }
    for (TypeInfo sup : supertypes(t)) {
      TypeInfo r = declaringType(sup, name, method, depth + 1);
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  private static boolean declares(NodeList<BodyDeclaration<?>> members, String name, boolean m) {
    for (BodyDeclaration<?> b : members) {
      if (m && b instanceof MethodDeclaration md && md.getNameAsString().equals(name)) {
        return true;
      }
      if (!m
          && b instanceof FieldDeclaration fd
          && fd.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name))) {
        return true;
      }
    }
    return false;
  }

  /** True if a local variable or parameter named {@code name} is in scope at {@code site}. */
  public boolean isLocalVariable(String name, Node site) {
    Node child = site;
    for (Node n = site.getParentNode().orElse(null);
        n != null;
        n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> || n instanceof ObjectCreationExpr) {
        if (n instanceof ObjectCreationExpr oce && oce.getAnonymousClassBody().isEmpty()) {
          child = n;
          continue;
        }
        return false;
      }
      if (n instanceof BlockStmt b && declaredBefore(b.getStatements(), child, name)) {
        return true;
      }
      if (n instanceof SwitchEntry se && declaredBefore(se.getStatements(), child, name)) {
        return true;
      }
      if (n instanceof CallableDeclaration<?> c && hasParam(c.getParameters(), name)
          || n instanceof LambdaExpr l && hasParam(l.getParameters(), name)
          || n instanceof CatchClause cc && cc.getParameter().getNameAsString().equals(name)
          || n instanceof ForEachStmt fe && declaresVar(fe.getVariable(), name)
          || n instanceof ForStmt fs
              && fs.getInitialization().stream().anyMatch(i -> declaresVar(i, name))
          || n instanceof TryStmt ts
              && ts.getResources().stream().anyMatch(r -> declaresVar(r, name))) {
        return true;
      }
      if (n instanceof CallableDeclaration<?> || n instanceof LambdaExpr) {
        // Pattern variables: flow scoping is approximated by "declared earlier in this body".
        Node body = n;
        int at = site.getBegin().map(p -> p.line * 10000 + p.column).orElse(0);
        Optional<TypePatternExpr> pattern =
            body.findFirst(
                TypePatternExpr.class,
                p ->
                    p.getNameAsString().equals(name)
                        && p.getBegin().map(q -> q.line * 10000 + q.column).orElse(0) < at);
        if (pattern.isPresent()) {
          return true;
        }
      }
      child = n;
    }
    return false;
  }

  private static boolean hasParam(NodeList<Parameter> ps, String name) {
    return ps.stream().anyMatch(p -> p.getNameAsString().equals(name));
  }

  private static boolean declaresVar(Expression e, String name) {
    return e instanceof VariableDeclarationExpr v
        && v.getVariables().stream().anyMatch(d -> d.getNameAsString().equals(name));
  }

  private static boolean declaredBefore(NodeList<Statement> stmts, Node child, String name) {
    for (Statement s : stmts) {
      if (s == child) {
        return false;
      }
      if (s instanceof ExpressionStmt es && declaresVar(es.getExpression(), name)) {
        return true;
      }
      if (s instanceof LocalClassDeclarationStmt) {
        continue;
      }
    }
    return false;
  }

  /** Names of the variables a field declaration declares. */
  public static List<String> names(FieldDeclaration f) {
    return f.getVariables().stream().map(VariableDeclarator::getNameAsString).toList();
  }
}
