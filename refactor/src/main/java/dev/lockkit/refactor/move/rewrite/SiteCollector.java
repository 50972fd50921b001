package dev.lockkit.refactor.move.rewrite;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.comments.JavadocComment;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.lockkit.refactor.javac.Attribution;
import dev.lockkit.refactor.move.check.Access;
import dev.lockkit.refactor.move.model.FileScope;
import dev.lockkit.refactor.move.model.JavaProject;
import dev.lockkit.refactor.move.model.MovedElement;
import dev.lockkit.refactor.move.model.ParsedFile;
import dev.lockkit.refactor.move.model.TypeInfo;
import dev.lockkit.refactor.move.rewrite.Site.Kind;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;

/**
 * Finds every {@link Site} of a plan: references to moved members in all files, and inside each
 * moved member the names whose meaning depends on where the member lives.
 *
 * <p>Implementation overview. Candidates are found by name first (a cheap filter: only calls,
 * method references, field accesses and bare names spelled like a moved member), then decided by
 * javac's own attribution ({@link Attribution}): a candidate is a reference to a moved element
 * exactly when the compiler bound it to that element's symbol, so overloads (same arity, arrays,
 * varargs, boxing, generics, a method reference's target type), qualifiers of any type ({@code
 * var}, a library call's result) and inherited members are decided as javac decides them. A
 * candidate javac could not resolve (missing class path, an error in the file, a call javac finds
 * ambiguous) is an {@link Kind#UNRESOLVED} site, which the rewrite reports as a conflict: it is
 * never guessed. Javadoc is scanned textually for {@code {@link T#m}}, {@code {@linkplain ...}} and
 * {@code @see}; ordinary comments and string literals are never looked at.
 */
public final class SiteCollector {

  private static final Pattern LINK =
      Pattern.compile("(\\{@link(?:plain)?\\s+|@see\\s+)([\\w.$]*)#([\\w$]+)");

  private final JavaProject project;
  private final List<MovedElement> moved;
  private final Map<String, List<MovedElement>> byName = new HashMap<>();
  private final Map<MovedElement, MemberText> spans;
  private final Attribution javac;
  private final Map<Element, MovedElement> bySymbol = new HashMap<>();

  public SiteCollector(
      JavaProject project,
      List<MovedElement> moved,
      Map<MovedElement, MemberText> spans,
      Attribution javac) {
    this.project = project;
    this.javac = javac;
    this.moved = moved;
    this.spans = spans;
    for (MovedElement m : moved) {
      byName.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m);
      ParsedFile f = m.origin().file();
      Node name =
          m.decl() instanceof MethodDeclaration md
              ? md.getName()
              : ((com.github.javaparser.ast.body.FieldDeclaration) m.decl())
                  .getVariable(0)
                  .getName();
      Element e = javac.declaredAt(f.source().path(), f.begin(name));
      if (e != null) {
        bySymbol.put(e, m);
      }
    }
  }

  /**
   * Decides a candidate with javac: a site is added if javac bound it to a moved element, an {@link
   * Kind#UNRESOLVED} site if javac could not resolve it (never a guess), nothing if javac bound it
   * to something else (an overload that stays, a local variable, another type's member).
   *
   * @param spanStart where javac's tree starts ({@code a.m} of a call {@code a.m(x)})
   * @param qualifier the written qualifier, or null for an unqualified name
   */
  private void reference(
      ParsedFile f,
      Node site,
      int spanStart,
      int spanEnd,
      Expression qualifier,
      String name,
      List<Site> out) {
    Path path = f.source().path();
    Attribution.Binding b = javac.at(path, spanStart, spanEnd);
    String problem =
        bySymbol.isEmpty()
            ? "javac did not resolve the moved declarations"
            : b == null ? "javac's tree does not line up with the source here" : b.problem();
    if (problem != null) {
      int at = f.begin(site);
      out.add(
          new Site(f, site, Kind.UNRESOLVED, at, at, byName.get(name).get(0), null, problem, name));
      return;
    }
    MovedElement target = bySymbol.get(b.element());
    if (target == null) {
      return;
    }
    if (qualifier == null) {
      int at = f.begin(site);
      Kind kind = b.viaEnclosingScope() ? Kind.UNQUALIFIED : Kind.STATIC_IMPORTED;
      out.add(new Site(f, site, kind, at, at, target, null, null, name));
      return;
    }
    int qs = f.begin(qualifier);
    int qe = f.end(qualifier);
    Kind kind =
        javac.namesType(path, qs, qe)
            ? Kind.QUALIFIED
            : sideEffectFree(qualifier) ? Kind.INSTANCE_QUALIFIED : Kind.INSTANCE_SIDE_EFFECT;
    out.add(new Site(f, site, kind, qs, qe, target, null, null, name));
  }

  /**
   * True if evaluating {@code e} cannot have an effect (a variable, a field chain, {@code this},
   * parentheses): such a qualifier of a static member may be replaced by the destination type.
   */
  static boolean sideEffectFree(Expression e) {
    if (e instanceof com.github.javaparser.ast.expr.EnclosedExpr p) {
      return sideEffectFree(p.getInner());
    }
    if (e instanceof FieldAccessExpr fa) {
      return sideEffectFree(fa.getScope());
    }
    return e instanceof NameExpr || e instanceof com.github.javaparser.ast.expr.ThisExpr;
  }

  /** All sites, file by file in path order, in source order within a file. */
  public List<Site> collect() {
    List<Site> out = new ArrayList<>();
    for (ParsedFile f : project.files()) {
      if (!f.parsed()) {
        continue;
      }
      FileScope scope = project.scope(f);
      references(f, out);
      javadoc(f, scope, out);
      for (MovedElement m : moved) {
        if (m.origin().file() == f) {
          inside(m, scope, out);
        }
      }
    }
    out.sort(
        (a, b) ->
            a.file() != b.file()
                ? a.file().display().compareTo(b.file().display())
                : Integer.compare(a.start(), b.start()));
    return out;
  }

  // ---- references to moved members ----------------------------------------------------------

  private void references(ParsedFile f, List<Site> out) {
    f.cu()
        .walk(
            node -> {
              if (node instanceof MethodCallExpr mc
                  && byName.containsKey(id(mc.getNameAsString()))) {
                reference(
                    f,
                    mc,
                    f.begin(mc),
                    f.end(mc.getName()),
                    mc.getScope().orElse(null),
                    id(mc.getNameAsString()),
                    out);
              } else if (node instanceof MethodReferenceExpr mr
                  && byName.containsKey(id(mr.getIdentifier()))) {
                reference(
                    f, mr, f.begin(mr), f.end(mr), mr.getScope(), id(mr.getIdentifier()), out);
              } else if (node instanceof FieldAccessExpr fa
                  && byName.containsKey(id(fa.getNameAsString()))) {
                reference(
                    f, fa, f.begin(fa), f.end(fa), fa.getScope(), id(fa.getNameAsString()), out);
              } else if (node instanceof NameExpr ne
                  && byName.containsKey(id(ne.getNameAsString()))) {
                reference(f, ne, f.begin(ne), f.end(ne), null, id(ne.getNameAsString()), out);
              }
            });
  }

  /** An identifier as javac reads it: Unicode escapes ({@code \\u0066} for f) decoded. */
  private static String id(String raw) {
    return raw.indexOf('\\') < 0 ? raw : JavaProject.unescape(raw);
  }

  // ---- Javadoc -------------------------------------------------------------------------------

  private void javadoc(ParsedFile f, FileScope scope, List<Site> out) {
    for (Comment c : f.cu().getAllComments()) {
      if (!(c instanceof JavadocComment) || c.getBegin().isEmpty()) {
        continue;
      }
      int base = f.begin(c) + 3;
      Node documented = c.getCommentedNode().orElse(f.cu());
      TypeDeclaration<?> enclosing = null;
      for (Node n = documented;
          n != null && enclosing == null;
          n = n.getParentNode().orElse(null)) {
        if (n instanceof TypeDeclaration<?> t) {
          enclosing = t;
        }
      }
      Matcher m = LINK.matcher(c.getContent());
      while (m.find()) {
        String typePart = m.group(2);
        String member = m.group(3);
        if (javadocByJavac(f, c, base, m, out)) {
          continue;
        }
        TypeInfo t;
        if (typePart.isEmpty()) {
          t = enclosing == null ? null : project.typeOf(enclosing);
        } else {
          String fqn = scope.resolveType(typePart, documented);
          t = fqn == null ? null : project.type(fqn);
        }
        if (t == null) {
          continue;
        }
        int start = base + m.start(2);
        int end = base + m.end(2);
        MovedElement target = null;
        for (MovedElement me : byName.getOrDefault(member, List.of())) {
          if (me.origin().equals(t)) {
            target = me;
          }
        }
        if (target != null) {
          out.add(new Site(f, c, Kind.JAVADOC, start, end, target, t, null, member));
        } else if (typePart.isEmpty() && insideMoved(f, start) != null) {
          out.add(new Site(f, c, Kind.JAVADOC_STAY_BEHIND, start, end, null, t, null, member));
        }
      }
    }
  }

  /**
   * Decides a Javadoc reference with javac's {@code DocTrees}: true when javac resolved it (a site
   * is added if it denotes a moved element, or a member that stays and is linked by {@code #m} from
   * inside moved text); false when javac gave no element, and the link is matched as text.
   */
  private boolean javadocByJavac(ParsedFile f, Comment c, int base, Matcher m, List<Site> out) {
    String text = f.source().text();
    int start = base + m.start(2);
    int end = base + m.end(3);
    if (end < text.length() && text.charAt(end) == '(') {
      int close = text.indexOf(')', end);
      if (close < 0) {
        return false;
      }
      end = close + 1;
    }
    Element e = javac.linkAt(f.source().path(), start, end);
    if (e == null) {
      return false;
    }
    String member = m.group(3);
    int typeEnd = base + m.end(2);
    MovedElement target = bySymbol.get(e);
    boolean stayBehind = m.group(2).isEmpty() && insideMoved(f, start) != null;
    if (target == null && !stayBehind) {
      // A link to something that neither moves nor is linked from moved text: no site. Its
      // owner is not looked up, which could make the project parse the owner's file.
      return true;
    }
    TypeInfo owner =
        e.getEnclosingElement() instanceof javax.lang.model.element.TypeElement te
            ? project.type(te.getQualifiedName().toString())
            : null;
    if (target != null) {
      out.add(new Site(f, c, Kind.JAVADOC, start, typeEnd, target, owner, null, member));
    } else if (stayBehind && owner != null) {
      out.add(new Site(f, c, Kind.JAVADOC_STAY_BEHIND, start, typeEnd, null, owner, null, member));
    }
    return true;
  }

  private MovedElement insideMoved(ParsedFile f, int offset) {
    for (Map.Entry<MovedElement, MemberText> e : spans.entrySet()) {
      if (e.getValue().file() == f && e.getValue().contains(offset)) {
        return e.getKey();
      }
    }
    return null;
  }

  // ---- inside a moved member -----------------------------------------------------------------

  private void inside(MovedElement m, FileScope scope, List<Site> out) {
    ParsedFile f = m.origin().file();
    m.decl()
        .walk(
            node -> {
              if (node instanceof ClassOrInterfaceType t && t.getScope().isEmpty()) {
                typeUse(f, scope, t.getName(), t.getNameAsString(), out);
              } else if (node instanceof AnnotationExpr a
                  && !a.getName().getQualifier().isPresent()) {
                typeUse(f, scope, a.getName(), a.getNameAsString(), out);
              } else if (node instanceof NameExpr ne) {
                nameInside(m, f, scope, ne, out);
              } else if (node instanceof MethodCallExpr mc) {
                if (mc.getScope().isEmpty()) {
                  callInside(m, f, scope, mc, mc.getNameAsString(), true, out);
                } else {
                  memberUse(f, scope, mc, mc.getScope().get(), mc.getNameAsString(), true, out);
                }
              } else if (node instanceof FieldAccessExpr fa) {
                memberUse(f, scope, fa, fa.getScope(), fa.getNameAsString(), false, out);
              } else if (node instanceof MethodReferenceExpr mr) {
                memberUse(f, scope, mr, mr.getScope(), mr.getIdentifier(), true, out);
              } else if (node instanceof ObjectCreationExpr oce
                  && oce.getAnonymousClassBody().isEmpty()
                  && oce.getScope().isEmpty()) {
                constructorUse(f, scope, oce, out);
              }
            });
  }

  private void typeUse(ParsedFile f, FileScope scope, Node nameNode, String name, List<Site> out) {
    String byJavac = javacType(f, nameNode);
    String fqn =
        byJavac == null ? scope.resolveType(name, nameNode) : byJavac.isEmpty() ? null : byJavac;
    if (fqn != null) {
      out.add(
          new Site(
              f,
              nameNode,
              Kind.TYPE_USE,
              f.begin(nameNode),
              f.end(nameNode),
              null,
              project.type(fqn),
              fqn,
              name));
    }
  }

  /**
   * The type javac bound a simple type name to, by its canonical name (a library's nested type such
   * as {@code JsonInclude} of {@code JsonInclude.Value} included, which lockkit's own lookup cannot
   * see); "" when javac bound it to something that is not a named type (a type variable, a local
   * class); null when javac did not resolve it.
   */
  private String javacType(ParsedFile f, Node nameNode) {
    return JavacNames.bound(javac, f, f.begin(nameNode), f.end(nameNode));
  }

  private void nameInside(
      MovedElement m, ParsedFile f, FileScope scope, NameExpr ne, List<Site> out) {
    String name = ne.getNameAsString();
    if (ne.getParentNode().orElse(null) instanceof SwitchEntry se && se.getLabels().contains(ne)) {
      return; // an enum constant label means the selector's constant, wherever the code lives
    }
    FileScope.Member r = scope.resolveMember(name, false, ne);
    if (r.kind() == FileScope.Kind.UNKNOWN) {
      if (scope.resolveType(name, ne) != null) {
        typeUse(f, scope, ne, name, out);
      } else if (!Character.isUpperCase(name.charAt(0)) || !name.equals(name.toUpperCase())) {
        return; // a package name prefix or an unknown variable
      } else {
        staticOrInherited(m, f, scope, ne, name, false, out);
      }
      return;
    }
    stayOrStatic(m, f, ne, name, r, out);
  }

  private void callInside(
      MovedElement m,
      ParsedFile f,
      FileScope scope,
      MethodCallExpr mc,
      String name,
      boolean method,
      List<Site> out) {
    FileScope.Member r = scope.resolveMember(name, method, mc);
    if (r.kind() == FileScope.Kind.UNKNOWN) {
      staticOrInherited(m, f, scope, mc, name, method, out);
      return;
    }
    stayOrStatic(m, f, mc, name, r, out);
  }

  private void stayOrStatic(
      MovedElement m, ParsedFile f, Node site, String name, FileScope.Member r, List<Site> out) {
    int at = f.begin(site);
    if (r.kind() == FileScope.Kind.MEMBER) {
      // A call that a moved overload can take is a reference to a moved element (handled, or
      // reported as ambiguous, by the reference pass); any other use means a member that stays.
      // A use javac did not resolve that is spelled like a moved member was reported by the
      // reference pass (every name of the file is visited there); it is not a member that stays.
      Boolean byCompiler = movedByJavac(f, site);
      boolean isMoved = byCompiler != null ? byCompiler : byName.containsKey(name);
      if (!isMoved) {
        TypeInfo lexical = project.typeOf(r.lexical());
        out.add(new Site(f, site, Kind.STAY_BEHIND, at, at, null, lexical, r.owner().fqn(), name));
      }
    } else if (r.kind() == FileScope.Kind.STATIC_IMPORT) {
      boolean isMoved =
          byName.getOrDefault(name, List.of()).stream().anyMatch(x -> x.origin().equals(r.owner()));
      if (!isMoved) {
        out.add(new Site(f, site, Kind.STATIC_USE, at, at, null, r.owner(), r.owner().fqn(), name));
      }
    }
  }

  /**
   * Whether javac bound an unqualified use inside a moved member to a moved element; null: unknown.
   */
  private Boolean movedByJavac(ParsedFile f, Node site) {
    if (bySymbol.isEmpty()) {
      return null;
    }
    int end = site instanceof MethodCallExpr mc ? f.end(mc.getName()) : f.end(site);
    Attribution.Binding b = javac.at(f.source().path(), f.begin(site), end);
    return b == null || !b.resolved() ? null : bySymbol.containsKey(b.element());
  }

  /**
   * An unqualified name nothing in the project declares: a static import of a library member, or a
   * member the origin inherits from a library supertype.
   */
  private void staticOrInherited(
      MovedElement m,
      ParsedFile f,
      FileScope scope,
      Node site,
      String name,
      boolean method,
      List<Site> out) {
    int at = f.begin(site);
    for (String owner : scope.staticSingleImports().getOrDefault(name, List.of())) {
      out.add(new Site(f, site, Kind.STATIC_USE, at, at, null, null, owner, name));
      return;
    }
    for (String owner : scope.staticOnDemandImports()) {
      if (jdkStatic(owner, name, method)) {
        out.add(new Site(f, site, Kind.STATIC_USE, at, at, null, null, owner, name));
        return;
      }
    }
    if (!scope.supertypesWritten(m.origin()).isEmpty() && !inLocalOrAnonymousClass(site, m)) {
      out.add(
          new Site(f, site, Kind.STAY_BEHIND, at, at, null, m.origin(), m.origin().fqn(), name));
    }
  }

  /** True if a local or anonymous class lies between {@code site} and the moved member. */
  private static boolean inLocalOrAnonymousClass(Node site, MovedElement m) {
    for (Node n = site; n != null && n != m.decl(); n = n.getParentNode().orElse(null)) {
      if (n instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()
          || n instanceof TypeDeclaration<?>) {
        return true;
      }
    }
    return false;
  }

  private static boolean jdkStatic(String owner, String name, boolean method) {
    if (!FileScope.jdkClass(owner)) {
      return false;
    }
    try {
      Class<?> c = Class.forName(owner, false, ClassLoader.getPlatformClassLoader());
      if (method) {
        for (var x : c.getMethods()) {
          if (x.getName().equals(name) && Modifier.isStatic(x.getModifiers())) {
            return true;
          }
        }
        return false;
      }
      return Modifier.isStatic(c.getField(name).getModifiers());
    } catch (ReflectiveOperationException | LinkageError e) {
      return false;
    }
  }

  /** A qualified use {@code X.name} of a project type's member, for access checks. */
  private void memberUse(
      ParsedFile f,
      FileScope scope,
      Node site,
      Expression qualifier,
      String name,
      boolean method,
      List<Site> out) {
    String fqn = scope.resolveTypeChain(qualifier);
    TypeInfo t = fqn == null ? null : project.type(fqn);
    if (t == null) {
      return;
    }
    TypeInfo owner = scope.declaringType(t, name, method, 0);
    if (owner != null) {
      int at = f.begin(site);
      out.add(new Site(f, site, Kind.MEMBER_USE, at, at, null, owner, owner.fqn(), name));
    }
  }

  /** {@code new X(...)} of a project type: its constructor must be visible from the destination. */
  private void constructorUse(
      ParsedFile f, FileScope scope, ObjectCreationExpr oce, List<Site> out) {
    String fqn = scope.resolveType(oce.getType().getNameWithScope(), oce);
    TypeInfo t = fqn == null ? null : project.type(fqn);
    if (t != null) {
      int at = f.begin(oce);
      out.add(new Site(f, oce, Kind.MEMBER_USE, at, at, null, t, t.fqn(), Access.CONSTRUCTOR));
    }
  }
}
