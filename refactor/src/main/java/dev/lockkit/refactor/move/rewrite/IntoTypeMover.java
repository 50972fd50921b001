package dev.lockkit.refactor.move.rewrite;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.comments.JavadocComment;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.kconfig.FeatureModel;
import dev.lockkit.analyzer.pc.ExprSyntaxException;
import dev.lockkit.refactor.edit.TextEdit;
import dev.lockkit.refactor.move.check.Access;
import dev.lockkit.refactor.move.check.GraphDelta;
import dev.lockkit.refactor.move.check.Presence;
import dev.lockkit.refactor.move.model.FileScope;
import dev.lockkit.refactor.move.model.MovedType;
import dev.lockkit.refactor.move.model.ParsedFile;
import dev.lockkit.refactor.move.model.TypeInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves a top-level type into an existing top-level type (the host), where it becomes a static
 * member type; its file is deleted. The mirror image of {@link NestedTypeMover}.
 *
 * <p>Reference rule (the same as for a nested type moving out, so both directions read alike):
 * users keep the simple name and import the new nested name, {@code import pkg.Helper;} becomes
 * {@code import pkg2.Host.Helper;}; a file that saw the type through its package gets that import;
 * qualified names {@code pkg.Helper} become {@code pkg2.Host.Helper}; imports of its members
 * ({@code import static pkg.Helper.X;}) follow the prefix. Inside the host the simple name works by
 * scope, so the host's own import of the type is dropped and qualified uses there become simple.
 *
 * <p>The moved text keeps every byte of the declaration (Javadoc, comments, annotations, its own
 * {@code @IfConfig}) re-indented to the host's member indentation; a class gains {@code static}
 * (other kinds are implicitly static). The names it uses are re-resolved inside the host: each must
 * mean there what it meant in its old file, through an import merged into the host's file, or it is
 * a {@code move/name-clash}.
 */
final class IntoTypeMover {

  private final MoveRewriter r;

  IntoTypeMover(MoveRewriter r) {
    this.r = r;
  }

  void move(MovedType t) {
    TypeInfo helper = t.type();
    TypeInfo host = t.host();
    ParsedFile home = helper.file();
    ParsedFile hostFile = host.file();
    if (r.project.type(t.newFqn()) != null) {
      r.conflict(
          "move/name-clash",
          hostFile,
          host.decl(),
          host.fqn() + " already has a member type named " + helper.simpleName(),
          t.oldFqn() + " -> " + t.newFqn());
    }
    gating(t);
    boolean needsPublic = false;
    Set<String> packageMembers = TypeMover.packagePrivateMemberNames(helper);
    boolean leavesPackage = !helper.packageName().equals(t.destPackage());
    for (ParsedFile f : r.project.files()) {
      if (!f.parsed() || f == home || !references(f, t)) {
        continue;
      }
      if (f == hostFile || f.packageName().equals(t.destPackage())) {
        continue;
      }
      needsPublic = true;
      if (!TypeMover.isPublic(host.decl())) {
        r.conflict(
            "move/access",
            f,
            null,
            f.display()
                + " uses "
                + t.oldFqn()
                + ", but "
                + host.fqn()
                + " is not public: "
                + t.newFqn()
                + " would not be visible from "
                + f.packageName(),
            t.newFqn() + " <- " + f.packageName());
      }
      if (leavesPackage && f.packageName().equals(helper.packageName())) {
        String hit = TypeMover.usesByName(f, packageMembers, helper.simpleName());
        if (hit != null) {
          r.conflict(
              "move/access",
              f,
              null,
              t.oldFqn()
                  + "'s "
                  + hit
                  + " is not public; once it is in "
                  + host.fqn()
                  + " it is not visible from "
                  + f.display(),
              t.oldFqn() + " -> " + t.destPackage() + " <- " + f.packageName());
        }
      }
    }
    MemberText span = MemberText.of(home, helper.decl());
    String body = new IntoTypeText(r, t, span).text(needsPublic);
    insert(t, body);
    r.deletions.add(home.source());
    r.delta.renamed.put(
        t.oldFqn(), new GraphDelta.NewType(host.fqn(), t.destPackage(), host.fqn()));
    r.notes.add(
        "moves "
            + t.oldFqn()
            + " into "
            + host.fqn()
            + " as "
            + t.newFqn()
            + " ("
            + home.display()
            + " deleted)");
  }

  /** The host's presence condition must hold wherever the moved type existed. */
  private void gating(MovedType t) {
    ParsedFile home = t.type().file();
    Presence.Decision pd;
    try {
      pd = r.presence.decide(t.type().decl(), t.host().decl());
    } catch (ExprSyntaxException e) {
      r.conflict(
          "gate/unguarded-reference",
          home,
          t.type().decl(),
          t.oldFqn() + ": cannot read an @IfConfig: " + e.getMessage(),
          t.oldFqn() + " @IfConfig");
      return;
    }
    if (pd.conflict()) {
      TreeSet<String> relevant = new TreeSet<>(pd.condition().symbols());
      relevant.addAll(pd.destination().symbols());
      r.conflicts.add(
          Finding.of(
                  "gate/unguarded-reference",
                  Severity.ERROR,
                  new Location(
                      home.display(), t.type().decl().getBegin().map(p -> p.line).orElse(0), 0),
                  t.oldFqn()
                      + " exists where "
                      + pd.condition()
                      + " holds, but "
                      + t.host().fqn()
                      + " only where "
                      + pd.destination()
                      + "; with "
                      + FeatureModel.describe(pd.lostIn().get(), relevant)
                      + " it would disappear",
                  t.oldFqn() + " -> " + t.host().fqn())
              .withWitness(pd.lostIn().get()));
    }
  }

  /** Inserts the re-indented declaration before the host's closing brace. */
  private void insert(MovedType t, String body) {
    TypeInfo host = t.host();
    ParsedFile f = host.file();
    String text = f.source().text();
    int brace = f.end(host.decl()) - 1;
    String indent = memberIndent(t);
    StringBuilder block = new StringBuilder();
    for (String line : body.split("\n", -1)) {
      block.append(line.isBlank() ? "" : indent + line).append('\n');
    }
    String b = block.toString();
    while (b.endsWith("\n\n")) {
      b = b.substring(0, b.length() - 1);
    }
    int ls = ImportPlan.lineStart(text, brace);
    if (text.substring(ls, brace).isBlank()) {
      r.edit(f, ls, ls, (host.decl().getMembers().isEmpty() ? "" : "\n") + b);
    } else {
      r.edit(f, brace, brace, "\n" + b);
    }
  }

  /** The host's member indentation: its first member's, else one step of the moved file's. */
  private static String memberIndent(MovedType t) {
    TypeDeclaration<?> host = t.host().decl();
    if (!host.getMembers().isEmpty()) {
      return MemberText.of(t.host().file(), host.getMembers().get(0)).indent();
    }
    for (String line : t.type().file().source().text().split("\n")) {
      if (!line.isBlank() && Character.isWhitespace(line.charAt(0))) {
        return line.substring(0, line.length() - line.stripLeading().length());
      }
    }
    return "  ";
  }

  /** Rewrites the references in {@code f}; returns true if {@code f} uses the type at all. */
  private boolean references(ParsedFile f, MovedType t) {
    FileScope scope = r.project.scope(f);
    String oldFqn = t.oldFqn();
    String simple = t.type().simpleName();
    boolean inHost = f == t.host().file();
    String qualified = inHost ? simple : t.newFqn();
    boolean explicitImport = false;
    boolean any = false;
    String text = f.source().text();
    for (ImportDeclaration d : f.cu().getImports()) {
      String n = d.getNameAsString();
      if (!n.equals(oldFqn) && !n.startsWith(oldFqn + ".")) {
        continue;
      }
      any = true;
      if (!d.isStatic() && !d.isAsterisk() && n.equals(oldFqn)) {
        explicitImport = true;
        if (inHost) {
          // The host sees its member type by scope.
          r.edit(f, ImportPlan.lineStart(text, f.begin(d)), ImportPlan.lineEnd(text, f.end(d)), "");
          continue;
        }
      }
      int s = f.begin(d.getName());
      r.edit(f, s, s + oldFqn.length(), t.newFqn());
    }
    boolean[] simpleUse = {false};
    boolean[] found = {any};
    f.cu()
        .walk(
            n -> {
              if (n instanceof ClassOrInterfaceType ct
                      && ct.getScope().isEmpty()
                      && ct.getNameAsString().equals(simple)
                  || n instanceof NameExpr ne && ne.getNameAsString().equals(simple)
                  || n instanceof AnnotationExpr a && a.getNameAsString().equals(simple)) {
                if (oldFqn.equals(scope.resolveType(simple, n))) {
                  simpleUse[0] = true;
                  found[0] = true;
                }
              } else if (n instanceof ClassOrInterfaceType ct
                  && ct.getScope().isPresent()
                  && ct.getNameWithScope().equals(oldFqn)) {
                r.edit(f, f.begin(ct), f.end(ct.getName()), qualified);
                found[0] = true;
              } else if (n instanceof FieldAccessExpr fa && oldFqn.equals(FileScope.chain(fa))) {
                r.edit(f, f.begin(fa), f.end(fa), qualified);
                found[0] = true;
              }
            });
    if (simpleUse[0] && !explicitImport && !inHost) {
      r.plan(f, null).forceImport(t.newFqn());
    }
    javadoc(f, t, simpleUse[0] || explicitImport || inHost);
    return found[0];
  }

  private void javadoc(ParsedFile f, MovedType t, boolean simpleVisible) {
    Pattern qualified = Pattern.compile("(?<![\\w.])" + Pattern.quote(t.oldFqn()) + "\\b");
    Pattern simple =
        Pattern.compile(
            "(\\{@link(?:plain)?\\s+|@see\\s+|@throws\\s+)"
                + Pattern.quote(t.type().simpleName())
                + "\\b");
    boolean samePackage = f.packageName().equals(t.type().packageName());
    for (Comment c : f.cu().getAllComments()) {
      if (!(c instanceof JavadocComment) || c.getBegin().isEmpty()) {
        continue;
      }
      int base = f.begin(c) + 3;
      Matcher m = qualified.matcher(c.getContent());
      while (m.find()) {
        r.edit(f, base + m.start(), base + m.end(), t.newFqn());
      }
      if (samePackage && !simpleVisible) {
        Matcher s = simple.matcher(c.getContent());
        while (s.find()) {
          r.edit(f, base + s.start() + s.group(1).length(), base + s.end(), t.newFqn());
        }
      }
    }
  }

  /** The moved declaration's text (not yet indented), and the imports it needs in the host. */
  private static final class IntoTypeText {
    private final MoveRewriter r;
    private final MovedType t;
    private final MemberText span;
    private final ParsedFile home;
    private final FileScope scope;
    private final FileScope hostScope;
    private final ImportPlan hostImports;
    private final List<TextEdit> edits = new ArrayList<>();
    private final Set<String> reported = new LinkedHashSet<>();

    IntoTypeText(MoveRewriter r, MovedType t, MemberText span) {
      this.r = r;
      this.t = t;
      this.span = span;
      this.home = t.type().file();
      this.scope = r.project.scope(home);
      this.hostScope = r.project.scope(t.host().file());
      this.hostImports = r.plan(t.host().file(), t.host().decl());
    }

    String text(boolean needsPublic) {
      t.type()
          .decl()
          .walk(
              n -> {
                String name = null;
                if (n instanceof ClassOrInterfaceType ct && ct.getScope().isEmpty()) {
                  name = ct.getNameAsString();
                } else if (n instanceof AnnotationExpr a && a.getName().getQualifier().isEmpty()) {
                  name = a.getNameAsString();
                } else if (n instanceof NameExpr ne
                    && scope.resolveMember(ne.getNameAsString(), false, ne).kind()
                        == FileScope.Kind.UNKNOWN) {
                  name = ne.getNameAsString();
                }
                if (name != null) {
                  typeName(n, name);
                }
                if (n instanceof NameExpr ne) {
                  memberName(n, ne.getNameAsString(), false);
                } else if (n instanceof MethodCallExpr mc && mc.getScope().isEmpty()) {
                  memberName(n, mc.getNameAsString(), true);
                } else if (n instanceof MethodCallExpr mc) {
                  qualified(n, mc.getScope().get(), mc.getNameAsString(), true);
                } else if (n instanceof FieldAccessExpr fa) {
                  qualified(n, fa.getScope(), fa.getNameAsString(), false);
                } else if (n instanceof MethodReferenceExpr mr) {
                  qualified(n, mr.getScope(), mr.getIdentifier(), true);
                }
              });
      modifiers(needsPublic);
      // Its own Javadoc's links to its old name: the simple name is the type itself in the host.
      Pattern old = Pattern.compile("(?<![\\w.])" + Pattern.quote(t.oldFqn()) + "\\b");
      for (Comment c : home.cu().getAllComments()) {
        if (c instanceof JavadocComment
            && c.getBegin().isPresent()
            && span.contains(home.begin(c))) {
          Matcher m = old.matcher(c.getContent());
          int base = home.begin(c) + 3;
          while (m.find()) {
            edits.add(new TextEdit(base + m.start(), base + m.end(), t.type().simpleName()));
          }
        }
      }
      List<TextEdit> sorted = new ArrayList<>(new LinkedHashSet<>(edits));
      sorted.sort(TextEdit.ORDER);
      StringBuilder body =
          new StringBuilder(home.source().text().substring(span.start(), span.end()));
      for (int i = sorted.size() - 1; i >= 0; i--) {
        TextEdit e = sorted.get(i);
        body.replace(e.start() - span.start(), e.end() - span.start(), e.replacement());
      }
      return body.toString();
    }

    /** A simple type name must mean inside the host what it meant in the old file. */
    private void typeName(Node n, String name) {
      String fqn = scope.resolveType(name, n);
      if (fqn == null || fqn.equals(t.oldFqn()) || fqn.startsWith(t.oldFqn() + ".")) {
        return; // a type parameter, unknown, or the moved type and its own members
      }
      String there = hostScope.resolveType(name, t.host().decl());
      if (there == null) {
        hostImports.forceImport(fqn);
      } else if (!there.equals(fqn) && reported.add("type " + name)) {
        r.conflict(
            "move/name-clash",
            home,
            n,
            t.oldFqn()
                + " uses "
                + fqn
                + " as "
                + name
                + ", but inside "
                + t.host().fqn()
                + " "
                + name
                + " means "
                + there,
            t.oldFqn() + " " + name + " -> " + there);
      }
      TypeInfo used = r.project.type(fqn);
      if (used != null
          && used.outer() == null
          && used.packageName().equals(t.type().packageName())
          && !used.packageName().equals(t.destPackage())
          && Access.ofType(used) < 3
          && reported.add(fqn)) {
        r.conflict(
            "move/access",
            home,
            n,
            t.oldFqn()
                + " uses "
                + fqn
                + " ("
                + Access.label(Access.ofType(used))
                + "), which is not visible from "
                + t.destPackage(),
            t.oldFqn() + " -> " + fqn);
      }
    }

    /**
     * An unqualified member name that came from a static import: the host needs the import, and a
     * host member of that name would shadow it (a nested type sees its enclosing type's members
     * before any static import).
     */
    private void memberName(Node n, String name, boolean method) {
      FileScope.Member m = scope.resolveMember(name, method, n);
      if (m.kind() != FileScope.Kind.STATIC_IMPORT || m.owner() == null) {
        return;
      }
      if (hostDeclares(name, method) && reported.add((method ? "method " : "field ") + name)) {
        r.conflict(
            "move/name-clash",
            home,
            n,
            t.oldFqn()
                + " uses "
                + m.owner().fqn()
                + "."
                + name
                + " through a static import, but inside "
                + t.host().fqn()
                + " "
                + name
                + " means "
                + t.host().fqn()
                + "'s own "
                + (method ? "method" : "field"),
            t.oldFqn() + " " + name + " -> " + t.host().fqn() + "#" + name);
        return;
      }
      hostImports.addStatic(m.owner().fqn(), name);
    }

    private boolean hostDeclares(String name, boolean method) {
      for (BodyDeclaration<?> b : t.host().decl().getMembers()) {
        if (method && b instanceof CallableDeclaration<?> c && c.getNameAsString().equals(name)
            || !method && b instanceof FieldDeclaration fd && FileScope.names(fd).contains(name)) {
          return true;
        }
      }
      return false;
    }

    /** {@code X.m} where {@code X} is a type: {@code m} must be visible from the host. */
    private void qualified(
        Node n, com.github.javaparser.ast.expr.Expression q, String name, boolean method) {
      String fqn = scope.resolveTypeChain(q);
      TypeInfo owner = fqn == null ? null : r.project.type(fqn);
      if (owner == null || owner.topLevel().equals(t.type())) {
        return;
      }
      TypeInfo declaring = scope.declaringType(owner, name, method, 0);
      if (declaring != null
          && !Access.memberVisible(declaring, name, method, t.host().fqn(), t.destPackage())
          && reported.add(declaring.fqn() + "#" + name)) {
        r.conflict(
            "move/access",
            home,
            n,
            t.oldFqn()
                + " uses "
                + declaring.fqn()
                + "#"
                + name
                + ", which is not visible from "
                + t.host().fqn(),
            t.oldFqn() + " -> " + declaring.fqn() + "#" + name);
      }
    }

    /**
     * A member class needs {@code static} (no enclosing instance, as before); it goes after the
     * access modifier, or first. Users outside the host's package need it {@code public}.
     */
    private void modifiers(boolean needsPublic) {
      TypeDeclaration<?> decl = t.type().decl();
      boolean isClass =
          decl.isClassOrInterfaceDeclaration()
              && !decl.asClassOrInterfaceDeclaration().isInterface();
      String add =
          (needsPublic && !decl.hasModifier(Modifier.Keyword.PUBLIC) ? "public " : "")
              + (isClass ? "static " : "");
      if (add.isEmpty()) {
        return;
      }
      int at = -1;
      for (Modifier m : decl.getModifiers()) {
        Modifier.Keyword k = m.getKeyword();
        if (k == Modifier.Keyword.PUBLIC
            || k == Modifier.Keyword.PROTECTED
            || k == Modifier.Keyword.PRIVATE) {
          at = home.end(m) + 1;
          add = isClass ? "static " : "";
        }
      }
      if (at < 0) {
        at = decl.getModifiers().isEmpty() ? keyword(decl) : home.begin(decl.getModifiers().get(0));
      }
      if (!add.isEmpty()) {
        edits.add(new TextEdit(at, at, add));
      }
      if (needsPublic && !decl.hasModifier(Modifier.Keyword.PUBLIC)) {
        r.notes.add(t.oldFqn() + ": made public; it is used outside " + t.destPackage());
      }
    }

    private int keyword(TypeDeclaration<?> decl) {
      int at = home.begin(decl.getName());
      String text = home.source().text();
      while (at > 0 && Character.isWhitespace(text.charAt(at - 1))) {
        at--;
      }
      while (at > 0 && Character.isLetter(text.charAt(at - 1))) {
        at--;
      }
      if (at > 0 && text.charAt(at - 1) == '@') {
        at--; // @interface
      }
      return at;
    }
  }
}
