package dev.lockkit.analyzer.gating.members;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.gating.members.CodeModel.Kind;
import dev.lockkit.analyzer.gating.members.CodeModel.SiteKind;
import dev.lockkit.analyzer.gating.members.CodeModel.Use;
import dev.lockkit.analyzer.pc.Expr;
import dev.lockkit.analyzer.pc.Guards;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Walks one compilation unit, carrying the presence condition and the enclosing declaration of the
 * current position (see {@link MemberExtractor} for the overall algorithm). Recursion follows the
 * AST; only the node kinds that change the condition or produce a declaration, reference or site
 * are handled specially, every other node just passes its state to its children. Reading an
 * {@code @IfConfig} string is {@link IfConfigReader}'s job and placing a name on a project
 * declaration {@link ReferenceResolver}'s; what is left here is the condition bookkeeping.
 */
final class Walker {
  private final Syntax.Unit unit;
  private final TypeIndex index;
  private final Deque<String> enclosingTypes = new ArrayDeque<>();
  final List<CodeModel.Declaration> declarations = new ArrayList<>();
  final List<CodeModel.Reference> references = new ArrayList<>();
  final List<CodeModel.ConditionSite> sites = new ArrayList<>();
  final List<CodeModel.SymbolUse> symbolUses = new ArrayList<>();
  final List<CodeModel.Problem> problems = new ArrayList<>();

  private final GuardConditions guards;
  private final IfConfigReader ifConfig;
  private final ReferenceResolver resolver;

  Walker(Syntax.Unit unit, TypeIndex index, Guards guardSpec) {
    this.unit = unit;
    this.index = index;
    this.guards = new GuardConditions(guardSpec, unit, index, enclosingTypes);
    this.ifConfig = new IfConfigReader(unit, guards, sites, symbolUses, problems);
    this.resolver = new ReferenceResolver(unit, index, enclosingTypes);
  }

  /** What this file's walk could not resolve, by position. */
  List<CodeModel.Unresolved> unresolved() {
    List<CodeModel.Unresolved> all = new ArrayList<>(guards.unresolved);
    all.addAll(resolver.unresolved);
    all.sort(
        java.util.Comparator.comparing(CodeModel.Unresolved::location)
            .thenComparing(CodeModel.Unresolved::what));
    // A receiver chain may ask about the same call twice.
    return all.stream().distinct().toList();
  }

  void run() {
    for (TypeDeclaration<?> td : unit.cu().getTypes()) {
      walk(td, Expr.TRUE, null);
    }
  }

  private Location at(Node n) {
    return Syntax.location(unit, n);
  }

  private void children(Node n, Expr pc, String element) {
    for (Node child : new ArrayList<>(n.getChildNodes())) {
      walk(child, pc, element);
    }
  }

  private void walk(Node n, Expr pc, String element) {
    if (n instanceof AnnotationExpr) {
      return; // annotations are metadata, not uses; @IfConfig is read by its declaration
    }
    if (n instanceof TypeDeclaration<?> td) {
      if (Syntax.isLocal(td)) {
        localType(td, pc, element);
      } else {
        type(td, pc);
      }
    } else if ((n instanceof CallableDeclaration<?> || n instanceof FieldDeclaration)
        && !Syntax.isMemberOfNamedType(n)) {
      localMember((BodyDeclaration<?>) n, pc, element);
    } else if (n instanceof CallableDeclaration<?> c) {
      callable(c, pc);
    } else if (n instanceof FieldDeclaration f) {
      field(f, pc);
    } else if (n instanceof EnumConstantDeclaration ec && Syntax.isMemberOfNamedType(ec)) {
      String target = enclosingTypes.peek() + "#" + ec.getNameAsString();
      Expr own = ifConfig.read(ec, target, pc);
      Expr full = Expr.and(pc, own);
      declare(Kind.FIELD, target, target, full, own, ec, false, List.of());
      ec.getArguments().forEach(a -> walk(a, full, target));
      if (!ec.getClassBody().isEmpty()) {
        // A constant-specific body is an anonymous subclass of the enum: its methods override the
        // enum's, they are not further members of it.
        localBody(ec.getClassBody(), null, full, target);
      }
    } else if (n instanceof InitializerDeclaration init) {
      children(init, pc, Syntax.isMemberOfNamedType(init) ? enclosingTypes.peek() : element);
    } else if (n instanceof BlockStmt block) {
      block(block, pc, element);
    } else if (n instanceof IfStmt ifs) {
      ifStatement(ifs, pc, element);
    } else if (n instanceof ConditionalExpr c) {
      walk(c.getCondition(), pc, element);
      boolean guarded = guards.hasGuard(c.getCondition());
      branch(
          c.getThenExpr(),
          pc,
          guards.when(c.getCondition(), true),
          SiteKind.THEN,
          guarded,
          element,
          c);
      branch(
          c.getElseExpr(),
          pc,
          guards.when(c.getCondition(), false),
          SiteKind.ELSE,
          guarded,
          element,
          c.getElseExpr());
    } else if (n instanceof BinaryExpr b
        && (b.getOperator() == BinaryExpr.Operator.AND
            || b.getOperator() == BinaryExpr.Operator.OR)) {
      walk(b.getLeft(), pc, element);
      boolean and = b.getOperator() == BinaryExpr.Operator.AND;
      walk(b.getRight(), Expr.and(pc, guards.when(b.getLeft(), and)), element);
    } else if (n instanceof MethodCallExpr call) {
      children(call, pc, element);
      methodCall(call, pc, element);
    } else if (n instanceof ObjectCreationExpr oc) {
      objectCreation(oc, pc, element);
    } else if (n instanceof FieldAccessExpr fa) {
      children(fa, pc, element);
      if (index.fieldNames.contains(fa.getNameAsString())) {
        fieldRef(fa, fa.getNameAsString(), fa.getScope(), pc, element);
      }
    } else if (n instanceof NameExpr name) {
      if (index.fieldNames.contains(name.getNameAsString())) {
        fieldRef(name, name.getNameAsString(), null, pc, element);
      }
    } else if (n instanceof ClassOrInterfaceType t) {
      children(t, pc, element);
      if (index.typeSimpleNames.contains(t.getNameAsString())) {
        String target = resolver.type(t.getNameWithScope());
        if (target != null) {
          reference(element, target, Use.USES_TYPE, pc, t);
        }
      }
    } else {
      children(n, pc, element);
    }
  }

  private void type(TypeDeclaration<?> td, Expr pc) {
    String target = td.getFullyQualifiedName().orElseThrow();
    Expr own = ifConfig.read(td, target, pc);
    Expr full = Expr.and(pc, own);
    List<ClassOrInterfaceType> supers = new ArrayList<>();
    if (td instanceof ClassOrInterfaceDeclaration c) {
      supers.addAll(c.getExtendedTypes());
      supers.addAll(c.getImplementedTypes());
    } else if (td instanceof EnumDeclaration e) {
      supers.addAll(e.getImplementedTypes());
    } else if (td instanceof RecordDeclaration r) {
      supers.addAll(r.getImplementedTypes());
    }
    List<String> resolvedSupers = new ArrayList<>();
    for (ClassOrInterfaceType s : supers) {
      String r = resolver.type(s.getNameWithScope());
      if (r != null) {
        resolvedSupers.add(r);
      }
    }
    boolean variantPoint =
        td.getAnnotations().stream()
            .anyMatch(a -> a.getName().getIdentifier().equals(Guards.VARIANT_POINT));
    declare(Kind.TYPE, target, target, full, own, td, variantPoint, resolvedSupers);
    enclosingTypes.push(target);
    try {
      children(td, full, target);
    } finally {
      enclosingTypes.pop();
    }
  }

  private void callable(CallableDeclaration<?> c, Expr pc) {
    String owner = enclosingTypes.peek();
    String target = Syntax.target(owner, c);
    Expr own = ifConfig.read(c, target, pc);
    Expr full = Expr.and(pc, own);
    // The signature javac compares: erased parameter types (List<String> and List<Integer> clash,
    // T erases to its bound, String... is String[]), with names resolved where we can so that
    // Set and java.util.Set are one type.
    List<String> params = new ArrayList<>();
    for (Parameter p : c.getParameters()) {
      params.add(
          Erasure.of(p.getType(), c, index, unit.cu(), enclosingTypes)
              + (p.isVarArgs() ? "[]" : ""));
    }
    String signature =
        target.substring(0, target.lastIndexOf('/')) + "(" + String.join(",", params) + ")";
    Kind kind = c.isConstructorDeclaration() ? Kind.CONSTRUCTOR : Kind.METHOD;
    declare(kind, target, signature, full, own, c, false, List.of());
    children(c, full, target);
  }

  private void field(FieldDeclaration f, Expr pc) {
    String owner = enclosingTypes.peek();
    Expr own = ifConfig.read(f, owner + "#" + f.getVariable(0).getNameAsString(), pc);
    Expr full = Expr.and(pc, own);
    for (VariableDeclarator v : f.getVariables()) {
      String target = owner + "#" + v.getNameAsString();
      declare(Kind.FIELD, target, target, full, own, v, false, List.of());
      children(v, full, target);
    }
  }

  private void declare(
      Kind kind,
      String target,
      String signature,
      Expr full,
      Expr own,
      Node node,
      boolean vp,
      List<String> supers) {
    boolean staticMember =
        node instanceof EnumConstantDeclaration
            || (node instanceof CallableDeclaration<?> c && c.isStatic())
            || (node instanceof VariableDeclarator v
                && v.getParentNode().orElse(null) instanceof FieldDeclaration f
                && (f.isStatic()
                    || f.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration owner
                        && owner.isInterface()));
    declarations.add(
        new CodeModel.Declaration(
            kind,
            target,
            signature,
            enclosingTypes.isEmpty() ? "" : enclosingTypes.peek(),
            full,
            own,
            at(node),
            vp,
            supers,
            staticMember));
  }

  private void block(BlockStmt block, Expr pc, String element) {
    Expr rest = pc;
    NodeList<Statement> stmts = block.getStatements();
    for (int i = 0; i < stmts.size(); i++) {
      Statement s = stmts.get(i);
      walk(s, rest, element);
      if (s instanceof IfStmt ifs && guards.hasGuard(ifs.getCondition()) && i + 1 < stmts.size()) {
        boolean thenExits = GuardConditions.exits(ifs.getThenStmt());
        boolean elseExits = ifs.getElseStmt().map(GuardConditions::exits).orElse(false);
        Expr after = null;
        if (thenExits && !elseExits) {
          after = guards.when(ifs.getCondition(), false);
        } else if (elseExits && !thenExits) {
          after = guards.when(ifs.getCondition(), true);
        }
        if (after != null && !after.equals(Expr.TRUE)) {
          sites.add(
              new CodeModel.ConditionSite(
                  SiteKind.REST, rest, after, element, at(stmts.get(i + 1))));
          rest = Expr.and(rest, after);
        }
      }
    }
  }

  private void ifStatement(IfStmt ifs, Expr pc, String element) {
    walk(ifs.getCondition(), pc, element);
    boolean guarded = guards.hasGuard(ifs.getCondition());
    branch(
        ifs.getThenStmt(),
        pc,
        guards.when(ifs.getCondition(), true),
        SiteKind.THEN,
        guarded,
        element,
        ifs);
    if (ifs.getElseStmt().isPresent()) {
      Statement e = ifs.getElseStmt().get();
      branch(e, pc, guards.when(ifs.getCondition(), false), SiteKind.ELSE, guarded, element, e);
    }
  }

  private void branch(
      Node body,
      Expr pc,
      Expr local,
      SiteKind kind,
      boolean guarded,
      String element,
      Node siteNode) {
    if (guarded && !local.equals(Expr.TRUE)) {
      sites.add(new CodeModel.ConditionSite(kind, pc, local, element, at(siteNode)));
    }
    walk(body, Expr.and(pc, local), element);
  }

  private void methodCall(MethodCallExpr call, Expr pc, String element) {
    Optional<String> option = guards.option(call);
    if (option.isPresent()) {
      symbolUses.add(new CodeModel.SymbolUse(option.get(), element, at(call.getArgument(0))));
      return;
    }
    if (!index.methodNames.contains(call.getNameAsString())) {
      return;
    }
    String target = resolver.method(call);
    if (target != null) {
      reference(element, target, Use.CALLS, pc, call);
    }
  }

  private void objectCreation(ObjectCreationExpr oc, Expr pc, String element) {
    oc.getScope().ifPresent(s -> walk(s, pc, element));
    oc.getArguments().forEach(a -> walk(a, pc, element));
    oc.getType().getTypeArguments().ifPresent(args -> args.forEach(a -> walk(a, pc, element)));
    String type =
        index.typeSimpleNames.contains(oc.getType().getNameAsString())
            ? resolver.type(oc.getType().getNameWithScope())
            : null;
    // An anonymous class body is code of the element that creates it, in its own scope: its
    // methods are never members of the enclosing type (two `new Expr() { eval(..) }` in one method
    // are not two definitions of anything).
    oc.getAnonymousClassBody().ifPresent(body -> localBody(body, type, pc, element));
    if (type == null) {
      return;
    }
    String ctor = oc.getAnonymousClassBody().isEmpty() ? resolver.constructor(oc, type) : null;
    if (ctor != null && index.members.contains(ctor)) {
      reference(element, ctor, Use.CONSTRUCTS, pc, oc);
    } else {
      reference(element, type, Use.USES_TYPE, pc, oc.getType());
    }
  }

  private void fieldRef(Expression node, String name, Expression scope, Expr pc, String element) {
    if (node.getParentNode()
        .filter(p -> p instanceof MethodCallExpr m && guards.option(m).isPresent())
        .isPresent()) {
      return; // the option constant inside isEnabled(Option.X) is the guard, not a use
    }
    String target = resolver.field(node, name, scope);
    if (target != null) {
      reference(element, target, Use.READS, pc, node);
    }
  }

  /**
   * A local class, a class nested in one, or any type inside an anonymous body: its members are
   * part of {@code element}'s code, in a scope of their own.
   */
  private void localType(TypeDeclaration<?> td, Expr pc, String element) {
    Expr own = ifConfig.read(td, element, pc);
    String superType = null;
    if (td instanceof ClassOrInterfaceDeclaration c && !c.getExtendedTypes().isEmpty()) {
      superType = resolver.type(c.getExtendedTypes().get(0).getNameWithScope());
    }
    Expr full = Expr.and(pc, own);
    for (Node child : new ArrayList<>(td.getChildNodes())) {
      if (!(child instanceof BodyDeclaration<?>)) {
        walk(child, full, element); // supertypes, type parameters, record components
      }
    }
    localBody(td.getMembers(), superType, full, element);
  }

  /**
   * Walks the members of an anonymous, local or enum-constant class body as code of {@code
   * element}, with the body's own member names shadowing the enclosing types' for unqualified
   * names, and {@code superType} (a project type, or null) supplying inherited ones.
   */
  private void localBody(
      List<? extends BodyDeclaration<?>> body, String superType, Expr pc, String element) {
    Set<String> names = new HashSet<>();
    for (BodyDeclaration<?> m : body) {
      if (m instanceof CallableDeclaration<?> c) {
        names.add(c.getNameAsString());
      } else if (m instanceof FieldDeclaration f) {
        f.getVariables().forEach(v -> names.add(v.getNameAsString()));
      }
    }
    resolver.enterLocalScope(names, superType);
    try {
      for (BodyDeclaration<?> m : new ArrayList<>(body)) {
        walk(m, pc, element);
      }
    } finally {
      resolver.exitLocalScope();
    }
  }

  /** A method, constructor or field of a local or anonymous class: code of {@code element}. */
  private void localMember(BodyDeclaration<?> member, Expr pc, String element) {
    Expr own = ifConfig.read(member, element, pc);
    children(member, Expr.and(pc, own), element);
  }

  private void reference(String from, String target, Use use, Expr pc, Node node) {
    if (from == null || from.equals(target)) {
      return;
    }
    references.add(new CodeModel.Reference(from, target, use, pc, at(node)));
  }
}
