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
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.lockkit.refactor.javac.Attribution;
import dev.lockkit.refactor.move.check.Access;
import dev.lockkit.refactor.move.model.JavaProject;
import dev.lockkit.refactor.move.model.MovedElement;
import dev.lockkit.refactor.move.model.ParsedFile;
import dev.lockkit.refactor.move.model.TypeInfo;
import dev.lockkit.refactor.move.rewrite.Site.Kind;
import dev.lockkit.refactor.source.UnicodeEscapes;
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
  private final JavacNames names;
  private final Map<Element, MovedElement> bySymbol = new HashMap<>();

  public SiteCollector(
      JavaProject project,
      List<MovedElement> moved,
      Map<MovedElement, MemberText> spans,
      Attribution javac) {
    this.project = project;
    this.javac = javac;
    this.names = new JavacNames(javac);
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
      references(f, out);
      javadoc(f, out);
      for (MovedElement m : moved) {
        if (m.origin().file() == f) {
          inside(m, out);
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
    return raw.indexOf('\\') < 0 ? raw : UnicodeEscapes.decode(raw);
  }

  // ---- Javadoc -------------------------------------------------------------------------------

  /**
   * The Javadoc links ({@code {@link T#m}}, {@code {@linkplain ...}}, {@code @see}) of {@code f},
   * decided by javac's {@code DocTrees}. A link javac does not resolve is already broken (or names
   * what javac cannot see): it is left as written, not matched by its text.
   */
  private void javadoc(ParsedFile f, List<Site> out) {
    for (Comment c : f.comments()) {
      if (!(c instanceof JavadocComment) || c.getBegin().isEmpty()) {
        continue;
      }
      int base = f.begin(c) + 3;
      Matcher m = LINK.matcher(c.getContent());
      while (m.find()) {
        javadocByJavac(f, c, base, m, out);
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

  private void inside(MovedElement m, List<Site> out) {
    ParsedFile f = m.origin().file();
    m.decl()
        .walk(
            node -> {
              if (node instanceof ClassOrInterfaceType t && t.getScope().isEmpty()) {
                typeUse(m, f, t, t.getName(), t.getNameAsString(), out);
              } else if (node instanceof AnnotationExpr a
                  && !a.getName().getQualifier().isPresent()) {
                typeUse(m, f, a, a.getName(), a.getNameAsString(), out);
              } else if (node instanceof NameExpr ne) {
                // An enum constant label needs nothing (JavacNames.member); a constant label does.
                unqualified(m, f, ne, ne.getNameAsString(), out);
              } else if (node instanceof MethodCallExpr mc) {
                if (mc.getScope().isEmpty()) {
                  unqualified(m, f, mc, mc.getNameAsString(), out);
                } else {
                  memberUse(f, mc, f.begin(mc), f.end(mc.getName()), mc.getScope().get(), out);
                }
              } else if (node instanceof FieldAccessExpr fa) {
                memberUse(f, fa, f.begin(fa), f.end(fa), fa.getScope(), out);
              } else if (node instanceof MethodReferenceExpr mr) {
                memberUse(f, mr, f.begin(mr), f.end(mr), mr.getScope(), out);
              } else if (node instanceof ObjectCreationExpr oce
                  && oce.getAnonymousClassBody().isEmpty()
                  && oce.getScope().isEmpty()) {
                constructorUse(f, oce, out);
              }
            });
  }

  /**
   * A type name in moved text: javac's binding in the old file, which the destination must give the
   * same meaning; a name javac did not resolve is reported, not guessed.
   */
  private void typeUse(
      MovedElement m, ParsedFile f, Node typeNode, Node nameNode, String name, List<Site> out) {
    String fqn = names.type(f, typeNode);
    if (fqn == null) {
      String problem = names.problem(f, typeNode);
      if (problem != null) {
        int at = f.begin(nameNode);
        out.add(new Site(f, nameNode, Kind.UNRESOLVED_INSIDE, at, at, m, null, problem, name));
      }
      return;
    }
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

  /**
   * An unqualified name in moved text, by javac's binding and the scope it came through ({@link
   * JavacNames#member}): a member of an enclosing class that stays behind gets that class as its
   * qualifier, one a static import supplied needs the import at the destination; a local, a moved
   * member (the reference pass rewrites it) or a member of a class inside the moved text needs
   * nothing.
   */
  private void unqualified(MovedElement m, ParsedFile f, Node site, String name, List<Site> out) {
    JavacNames.Member r = names.member(f, site);
    int at = f.begin(site);
    switch (r.kind()) {
      case TYPE -> {
        if (r.element() instanceof javax.lang.model.element.TypeElement) {
          typeUse(m, f, site, site, name, out);
        }
      }
      case LOCAL -> {}
      case UNRESOLVED -> {
        // A name spelled like a moved member was reported by the reference pass.
        if (!byName.containsKey(id(name))) {
          out.add(new Site(f, site, Kind.UNRESOLVED_INSIDE, at, at, m, null, r.problem(), name));
        }
      }
      case MEMBER -> {
        TypeInfo lexical = r.lexical() instanceof TypeDeclaration<?> d ? project.typeOf(d) : null;
        if (!bySymbol.containsKey(r.element()) && lexical != null && encloses(lexical, m)) {
          out.add(new Site(f, site, Kind.STAY_BEHIND, at, at, null, lexical, r.owner(), name));
        }
      }
      case STATIC_IMPORT -> {
        if (!bySymbol.containsKey(r.element())) {
          out.add(
              new Site(
                  f,
                  site,
                  Kind.STATIC_USE,
                  at,
                  at,
                  null,
                  project.type(r.owner()),
                  r.owner(),
                  name));
        }
      }
    }
  }

  /** True if {@code t} is the moved member's type or one enclosing it. */
  private static boolean encloses(TypeInfo t, MovedElement m) {
    for (TypeInfo o = m.origin(); o != null; o = o.outer()) {
      if (o.equals(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A qualified use {@code X.name} of a project type's member, by javac's binding of the select:
   * the graph's new edge when it stays in the moved member's old top-level type.
   */
  private void memberUse(
      ParsedFile f, Node site, int start, int end, Expression qualifier, List<Site> out) {
    Path path = f.source().path();
    if (!javac.namesType(path, f.begin(qualifier), f.end(qualifier))) {
      return;
    }
    Attribution.Binding b = javac.at(path, start, end);
    if (b == null
        || !b.resolved()
        || !(b.element().getEnclosingElement()
            instanceof javax.lang.model.element.TypeElement owner)) {
      return;
    }
    TypeInfo t = project.type(owner.getQualifiedName().toString());
    if (t != null) {
      int at = f.begin(site);
      out.add(new Site(f, site, Kind.MEMBER_USE, at, at, null, t, t.fqn(), memberName(site)));
    }
  }

  private static String memberName(Node site) {
    if (site instanceof MethodCallExpr mc) {
      return mc.getNameAsString();
    }
    if (site instanceof FieldAccessExpr fa) {
      return fa.getNameAsString();
    }
    return ((MethodReferenceExpr) site).getIdentifier();
  }

  /** {@code new X(...)} of a project type: the graph's edge to it, by javac's binding of X. */
  private void constructorUse(ParsedFile f, ObjectCreationExpr oce, List<Site> out) {
    String fqn = names.type(f, oce.getType());
    TypeInfo t = fqn == null ? null : project.type(fqn);
    if (t != null) {
      int at = f.begin(oce);
      out.add(new Site(f, oce, Kind.MEMBER_USE, at, at, null, t, t.fqn(), Access.CONSTRUCTOR));
    }
  }
}
