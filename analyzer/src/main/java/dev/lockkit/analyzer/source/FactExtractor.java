package dev.lockkit.analyzer.source;

import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MarkerAnnotationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import com.github.javaparser.ast.visitor.VoidVisitorAdapter;
import dev.lockkit.analyzer.source.FileFacts.DeclaredType;
import dev.lockkit.analyzer.source.FileFacts.RefKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Walks one syntax tree and writes its declarations and unresolved references into a {@link
 * FileFacts}; the tree can be dropped afterwards.
 *
 * <p>Implementation overview. Resolution needs every file of the project, so this pass only records
 * names as written, each with the innermost enclosing declared type as its context. Three shapes
 * are recorded: type names ({@link RefKind#TYPE}: declarations, extends/implements/throws, casts,
 * instanceof and patterns, generics, class literals, annotations, {@code new}); maximal dotted name
 * chains in expressions ({@link RefKind#EXPR}: static member access such as {@code Foo.BAR}, {@code
 * a.b.Foo.m()}, {@code Foo::m}), which the resolver splits into the longest prefix that is a type;
 * and unqualified calls ({@link RefKind#CALL}), which only matter when a static import may supply
 * them. Names that cannot be types are filtered here, where scope is known: type parameters and
 * local classes in scope shadow types, and a chain whose first segment is a variable declared
 * anywhere in the file is taken for a variable (a deliberate approximation: JLS 6.5.2 prefers
 * variables, and per-file granularity errs on the side of not inventing edges); as a variable may
 * be declared after its use, that check runs once the single walk over the tree is done. Local and
 * anonymous classes are not declared types: their references count for the enclosing named type,
 * which is also where the compiled class's references end up once nested classes are folded into
 * their top-level type.
 */
final class FactExtractor extends VoidVisitorAdapter<Void> {

  private final FileFacts facts;
  private final UnaryOperator<String> intern;
  private final Set<String> variables = new HashSet<>();
  private final BitSet pending = new BitSet();
  private final Deque<Set<String>> shadows = new ArrayDeque<>();
  private final Deque<Integer> contexts = new ArrayDeque<>();
  private boolean hasStaticImports;
  private boolean inHeader;

  /** Method names whose calls get their receiver typed; empty when no rule bans a member. */
  private final Set<String> receiverMethods;

  private final ReceiverTypes receivers;

  private FactExtractor(
      FileFacts facts, UnaryOperator<String> intern, Set<String> receiverMethods) {
    this.facts = facts;
    this.intern = intern;
    this.receiverMethods = receiverMethods;
    this.receivers = receiverMethods.isEmpty() ? null : new ReceiverTypes(this::shadowed);
  }

  /** Extracts the facts of a parsed file. */
  static FileFacts extract(
      CompilationUnit cu, int module, String path, UnaryOperator<String> intern) {
    return extract(cu, module, path, intern, Set.of());
  }

  /**
   * Extracts the facts of a parsed file, with a {@link RefKind#RECEIVER} reference for each call of
   * one of {@code receiverMethods}.
   */
  static FileFacts extract(
      CompilationUnit cu,
      int module,
      String path,
      UnaryOperator<String> intern,
      Set<String> receiverMethods) {
    String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    FileFacts facts = new FileFacts(module, path, intern.apply(pkg));
    FactExtractor x = new FactExtractor(facts, intern, receiverMethods);
    for (ImportDeclaration imp : cu.getImports()) {
      String name = imp.getNameAsString();
      if (imp.isStatic()) {
        x.hasStaticImports = true;
        (imp.isAsterisk() ? facts.staticOnDemandImports : facts.staticSingleImports).add(name);
      } else {
        (imp.isAsterisk() ? facts.onDemandImports : facts.singleImports).add(name);
      }
    }
    x.shadows.push(new HashSet<>());
    cu.getPackageDeclaration().ifPresent(p -> p.getAnnotations().forEach(a -> a.accept(x, null)));
    cu.getTypes().forEach(t -> t.accept(x, null));
    // Only now is every variable of the file known: drop the chains that start with one.
    facts.refs.removeIf(
        i -> x.pending.get(i) && x.variables.contains(firstSegment(facts.refs.chain(i))));
    facts.refs.trim();
    return facts;
  }

  // ---- declarations -------------------------------------------------------------------------

  /**
   * Registers a type and visits it. References in its header (annotations, type parameters,
   * supertypes) belong to the type but resolve in the enclosing scope: a class's own member types
   * are not in scope in its header (JLS 6.3).
   */
  private void declare(
      TypeDeclaration<?> decl, List<ClassOrInterfaceType> supers, List<? extends Node> body) {
    NodeList<TypeParameter> params = typeParameters(decl);
    Runnable header =
        () -> {
          inHeader = true;
          try {
            decl.getAnnotations().forEach(a -> a.accept(this, null));
            params.forEach(p -> p.accept(this, null));
            supers.forEach(t -> t.accept(this, null));
          } finally {
            inHeader = false;
          }
        };
    Runnable inside = () -> body.forEach(m -> m.accept(this, null));
    if (isLocal(decl)) {
      // A local class shadows same-named types for the rest of the enclosing scope; its header
      // is resolved like its body, in the enclosing method's scope.
      shadows.peek().add(decl.getNameAsString());
      withShadows(
          params,
          () -> {
            decl.getAnnotations().forEach(a -> a.accept(this, null));
            params.forEach(p -> p.accept(this, null));
            supers.forEach(t -> t.accept(this, null));
            inside.run();
          });
      return;
    }
    int outer = contexts.isEmpty() ? -1 : contexts.peek();
    String prefix =
        outer >= 0
            ? facts.types.get(outer).fqn()
            : facts.packageName().isEmpty() ? "" : facts.packageName();
    String simple = decl.getNameAsString();
    String fqn = prefix.isEmpty() ? simple : prefix + "." + simple;
    List<String> superNames = new ArrayList<>();
    for (ClassOrInterfaceType t : supers) {
      superNames.add(intern.apply(t.getNameWithScope()));
    }
    Position pos = decl.getName().getBegin().orElse(Position.HOME);
    Set<String> ownParams = new HashSet<>();
    params.forEach(p -> ownParams.add(p.getNameAsString()));
    Predicate<String> typeVariable = n -> ownParams.contains(n) || shadowed(n);
    facts.types.add(
        new DeclaredType(
            intern.apply(fqn),
            intern.apply(simple),
            outer,
            List.copyOf(superNames),
            memberNames(decl),
            signatures(decl),
            receivers == null ? Map.of() : ReceiverTypes.fieldTypes(decl, typeVariable),
            receivers == null ? Map.of() : ReceiverTypes.returnTypes(decl, typeVariable),
            pos.line,
            pos.column));
    contexts.push(facts.types.size() - 1);
    try {
      withShadows(
          params,
          () -> {
            header.run();
            inside.run();
          });
    } finally {
      contexts.pop();
    }
  }

  private static boolean isLocal(TypeDeclaration<?> decl) {
    return decl.getParentNode()
        .map(p -> p instanceof LocalClassDeclarationStmt || p instanceof LocalRecordDeclarationStmt)
        .orElse(false);
  }

  private static NodeList<TypeParameter> typeParameters(TypeDeclaration<?> decl) {
    if (decl instanceof ClassOrInterfaceDeclaration c) {
      return c.getTypeParameters();
    }
    if (decl instanceof RecordDeclaration r) {
      return r.getTypeParameters();
    }
    return new NodeList<>();
  }

  /**
   * Raw class names of the parameter and return types of each method, keyed {@code name/arity}
   * ({@code name/arity+} for varargs), skipping primitives and names that a type parameter of the
   * method or type shadows.
   */
  private Map<String, List<String>> signatures(TypeDeclaration<?> decl) {
    Map<String, List<String>> out = new TreeMap<>();
    Set<String> typeParams = new HashSet<>();
    typeParameters(decl).forEach(p -> typeParams.add(p.getNameAsString()));
    for (BodyDeclaration<?> m : decl.getMembers()) {
      if (!(m instanceof MethodDeclaration md)) {
        continue;
      }
      Set<String> shadow = new HashSet<>(typeParams);
      md.getTypeParameters().forEach(p -> shadow.add(p.getNameAsString()));
      Set<String> names = new TreeSet<>();
      List<Type> types = new ArrayList<>();
      types.add(md.getType());
      md.getParameters().forEach(p -> types.add(p.getType()));
      for (Type t : types) {
        Type element = t.getElementType();
        if (element instanceof ClassOrInterfaceType c) {
          String name = c.getNameWithScope();
          if (!shadow.contains(firstSegment(name)) && !shadowed(firstSegment(name))) {
            names.add(intern.apply(name));
          }
        }
      }
      if (!names.isEmpty()) {
        int arity = md.getParameters().size();
        boolean varargs = arity > 0 && md.getParameter(arity - 1).isVarArgs();
        String key = md.getNameAsString() + "/" + arity + (varargs ? "+" : "");
        out.computeIfAbsent(intern.apply(key), k -> new ArrayList<>()).addAll(names);
      }
    }
    if (out.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> frozen = new HashMap<>();
    out.forEach((k, v) -> frozen.put(k, List.copyOf(new TreeSet<>(v))));
    return frozen;
  }

  private Set<String> memberNames(TypeDeclaration<?> decl) {
    Set<String> names = new TreeSet<>();
    for (BodyDeclaration<?> m : decl.getMembers()) {
      if (m instanceof FieldDeclaration f) {
        f.getVariables().forEach(v -> names.add(intern.apply(v.getNameAsString())));
      } else if (m instanceof MethodDeclaration md) {
        names.add(intern.apply(md.getNameAsString()));
      }
    }
    if (decl instanceof EnumDeclaration e) {
      e.getEntries().forEach(c -> names.add(intern.apply(c.getNameAsString())));
    }
    if (decl instanceof RecordDeclaration r) {
      r.getParameters().forEach(p -> names.add(intern.apply(p.getNameAsString())));
    }
    return names.isEmpty() ? Set.of() : Set.copyOf(names);
  }

  private void withShadows(NodeList<TypeParameter> params, Runnable body) {
    Set<String> names = new HashSet<>();
    params.forEach(p -> names.add(p.getNameAsString()));
    shadows.push(names);
    try {
      body.run();
    } finally {
      shadows.pop();
    }
  }

  @Override
  public void visit(ClassOrInterfaceDeclaration n, Void arg) {
    List<ClassOrInterfaceType> supers = new ArrayList<>(n.getExtendedTypes());
    supers.addAll(n.getImplementedTypes());
    // Permitted subclasses are usually member types, which JLS 6.3 puts in scope there.
    List<Node> body = new ArrayList<>(n.getPermittedTypes());
    body.addAll(n.getMembers());
    declare(n, supers, body);
  }

  @Override
  public void visit(EnumDeclaration n, Void arg) {
    List<Node> body = new ArrayList<>(n.getEntries());
    body.addAll(n.getMembers());
    declare(n, n.getImplementedTypes(), body);
  }

  @Override
  public void visit(RecordDeclaration n, Void arg) {
    List<Node> body = new ArrayList<>(n.getParameters());
    body.addAll(n.getMembers());
    declare(n, n.getImplementedTypes(), body);
  }

  @Override
  public void visit(AnnotationDeclaration n, Void arg) {
    declare(n, List.of(), n.getMembers());
  }

  @Override
  public void visit(MethodDeclaration n, Void arg) {
    withShadows(n.getTypeParameters(), () -> super.visit(n, arg));
  }

  @Override
  public void visit(ConstructorDeclaration n, Void arg) {
    withShadows(n.getTypeParameters(), () -> super.visit(n, arg));
  }

  // ---- references ---------------------------------------------------------------------------

  private boolean shadowed(String firstSegment) {
    for (Set<String> s : shadows) {
      if (s.contains(firstSegment)) {
        return true;
      }
    }
    return false;
  }

  private static String firstSegment(String chain) {
    int dot = chain.indexOf('.');
    return dot < 0 ? chain : chain.substring(0, dot);
  }

  private void record(String chain, String member, RefKind kind, Node at) {
    record(chain, member, kind, at, false);
  }

  /**
   * Records a reference; {@code unlessVariable} defers the check that its first segment is not a
   * variable declared anywhere in the file to the end of the walk, which then knows them all.
   */
  private void record(String chain, String member, RefKind kind, Node at, boolean unlessVariable) {
    if (unlessVariable) {
      pending.set(facts.refs.size());
    }
    Position pos = at.getBegin().orElse(Position.HOME);
    int context = contexts.isEmpty() ? -1 : contexts.peek();
    facts.refs.add(
        intern.apply(chain),
        member == null ? null : intern.apply(member),
        kind,
        inHeader,
        context,
        pos.line,
        pos.column);
  }

  @Override
  public void visit(ClassOrInterfaceType n, Void arg) {
    boolean isScopeOfOuter =
        n.getParentNode()
            .filter(p -> p instanceof ClassOrInterfaceType t && t.getScope().orElse(null) == n)
            .isPresent();
    // 'var' cannot name a type (JLS 3.9); without JavaParser's post-processor it arrives as one.
    boolean isVar =
        n.getScope().isEmpty()
            && n.getTypeArguments().isEmpty()
            && n.getNameAsString().equals("var");
    if (!isScopeOfOuter && !isVar) {
      String chain = n.getNameWithScope();
      if (!shadowed(firstSegment(chain))) {
        record(chain, null, RefKind.TYPE, n);
      }
    }
    super.visit(n, arg);
  }

  private void annotation(AnnotationExpr n) {
    record(n.getNameAsString(), null, RefKind.TYPE, n);
  }

  @Override
  public void visit(MarkerAnnotationExpr n, Void arg) {
    annotation(n);
    super.visit(n, arg);
  }

  @Override
  public void visit(SingleMemberAnnotationExpr n, Void arg) {
    annotation(n);
    super.visit(n, arg);
  }

  @Override
  public void visit(NormalAnnotationExpr n, Void arg) {
    annotation(n);
    super.visit(n, arg);
  }

  /** Whether a chain may name a type as far as scope tells now (variables are checked later). */
  private boolean mayBeType(String chain) {
    return !shadowed(firstSegment(chain));
  }

  // ---- variables: any of these names in the file makes a chain starting with it a variable ---

  @Override
  public void visit(VariableDeclarator n, Void arg) {
    variables.add(n.getNameAsString());
    super.visit(n, arg);
  }

  @Override
  public void visit(Parameter n, Void arg) {
    variables.add(n.getNameAsString());
    super.visit(n, arg);
  }

  @Override
  public void visit(TypePatternExpr n, Void arg) {
    variables.add(n.getNameAsString());
    super.visit(n, arg);
  }

  @Override
  public void visit(EnumConstantDeclaration n, Void arg) {
    variables.add(n.getNameAsString());
    super.visit(n, arg);
  }

  @Override
  public void visit(FieldAccessExpr n, Void arg) {
    String chain = ReceiverTypes.nameChain(n);
    if (chain == null) {
      super.visit(n, arg);
      return;
    }
    // A pure chain is recorded once, at its outermost node; its inner nodes are not visited.
    if (mayBeType(chain)) {
      record(chain, null, RefKind.EXPR, n, true);
    }
  }

  @Override
  public void visit(NameExpr n, Void arg) {
    // Reached only for a bare name that is not the scope of a chain handled elsewhere: it can be a
    // dependency only through a static import of a field.
    if (hasStaticImports && mayBeType(n.getNameAsString())) {
      record(n.getNameAsString(), null, RefKind.EXPR, n, true);
    }
  }

  @Override
  public void visit(MethodCallExpr n, Void arg) {
    if (receivers != null && receiverMethods.contains(n.getNameAsString())) {
      String receiver = receivers.receiver(n);
      if (receiver != null) {
        record(receiver, n.getNameAsString() + "/" + n.getArguments().size(), RefKind.RECEIVER, n);
      }
    }
    if (n.getScope().isPresent()) {
      String chain = ReceiverTypes.nameChain(n.getScope().get());
      if (chain != null) {
        if (mayBeType(chain)) {
          record(chain, n.getNameAsString() + "/" + n.getArguments().size(), RefKind.EXPR, n, true);
        }
        n.getTypeArguments().ifPresent(t -> t.forEach(a -> a.accept(this, arg)));
        n.getArguments().forEach(a -> a.accept(this, arg));
        return;
      }
    } else if (hasStaticImports) {
      record(n.getNameAsString(), n.getNameAsString(), RefKind.CALL, n);
    }
    super.visit(n, arg);
  }

  /**
   * A {@code new T(...)} (an anonymous subclass included), like a {@code T::new}, is also a use of
   * T's constructor, member {@value #CONSTRUCTOR}, for {@code ban T#new}: recorded only when some
   * ban names that member, so runs without constructor bans are unchanged. Its type is already a
   * {@link RefKind#TYPE} reference (and an edge); this one is for rules only (see {@link
   * #isConstruction}).
   */
  @Override
  public void visit(ObjectCreationExpr n, Void arg) {
    if (receiverMethods.contains(CONSTRUCTOR) && n.getScope().isEmpty()) {
      String chain = n.getType().getNameWithScope();
      if (!shadowed(firstSegment(chain))) {
        record(chain, CONSTRUCTOR + "/" + n.getArguments().size(), RefKind.EXPR, n);
      }
    }
    super.visit(n, arg);
  }

  /** The member name that stands for a type's constructors in uses and {@code ban} lines. */
  static final String CONSTRUCTOR = "new";

  /** Whether reference {@code i} is a constructor use recorded for rules, never a graph edge. */
  static boolean isConstruction(FileFacts.Refs refs, int i) {
    String m = refs.member(i);
    return refs.kind(i) == RefKind.EXPR && m != null && m.startsWith(CONSTRUCTOR + "/");
  }

  @Override
  public void visit(MethodReferenceExpr n, Void arg) {
    if (receiverMethods.contains(CONSTRUCTOR)
        && n.getIdentifier().equals(CONSTRUCTOR)
        && n.getScope() instanceof TypeExpr t
        && t.getType() instanceof ClassOrInterfaceType c
        && !shadowed(firstSegment(c.getNameWithScope()))) {
      record(c.getNameWithScope(), CONSTRUCTOR + "/ref", RefKind.EXPR, n);
    }
    String chain = ReceiverTypes.nameChain(n.getScope());
    if (chain == null) {
      super.visit(n, arg);
      return;
    }
    if (mayBeType(chain)) {
      record(chain, n.getIdentifier(), RefKind.EXPR, n, true);
    }
    n.getTypeArguments().ifPresent(t -> t.forEach(a -> a.accept(this, arg)));
  }
}
