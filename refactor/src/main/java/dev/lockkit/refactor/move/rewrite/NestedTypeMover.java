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
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves a static nested type out of its top-level type into a package, where it becomes a top-level
 * type of its own file.
 *
 * <p>Reference rule: every file that uses the type afterwards names it by its simple name with a
 * single-type import of the new name (none in the destination package), the way code refers to
 * top-level types; {@code Outer.Inner} and {@code pkg.Outer.Inner} become {@code Inner}. Where the
 * simple name already means something else in that file, the fully qualified new name is written
 * instead. Inside the moved text, unqualified uses of the old enclosing type's members are
 * qualified with the enclosing type's name, since the moved type no longer sees them by scope;
 * private ones are {@code move/access} conflicts (a nested type may use them, a top-level one not).
 */
final class NestedTypeMover {

  private final MoveRewriter r;

  NestedTypeMover(MoveRewriter r) {
    this.r = r;
  }

  /** Rewrites every reference, checks access, creates the new file, cuts the old text. */
  void move(MovedType t) {
    TypeInfo inner = t.type();
    TypeInfo outer = inner.outer();
    ParsedFile home = inner.file();
    MemberText span = MemberText.of(home, inner.decl());
    boolean needsPublic = false;
    for (ParsedFile f : r.project.files()) {
      if (f.parsed() && references(f, t, f == home ? span : null)) {
        if (!f.packageName().equals(t.destPackage())) {
          needsPublic = true;
        }
        if (f == home) {
          privateUses(home, t, span);
        } else if (f.packageName().equals(inner.packageName())
            && !inner.packageName().equals(t.destPackage())) {
          // Checked by name, as for a top-level type: may report a use javac resolves elsewhere.
          String hit =
              TypeMover.usesByName(
                  f, TypeMover.packagePrivateMemberNames(inner), inner.simpleName());
          if (hit != null) {
            r.conflict(
                "move/access",
                f,
                null,
                t.oldFqn()
                    + "'s "
                    + hit
                    + " is not public; after the move to "
                    + t.destPackage()
                    + " it is not visible from "
                    + f.display(),
                t.oldFqn() + " -> " + t.destPackage() + " <- " + f.packageName());
          }
        }
      }
    }
    if (Presence.ifConfig(outer.decl()) != null) {
      // Its presence condition includes the enclosing type's; a new top-level file would lose
      // that conjunct, and writing it there is not done yet: a gating conflict, not a silent
      // change.
      r.conflict(
          "gate/unguarded-reference",
          home,
          inner.decl(),
          t.oldFqn()
              + " exists only under "
              + outer.fqn()
              + "'s @IfConfig; as a top-level type it would lose that condition (not preserved"
              + " yet for nested type moves)",
          t.oldFqn() + " @IfConfig");
    }
    r.changes.create(t.newFile(), newText(t, span, needsPublic));
    // Same blank-line handling as a moved member leaving its type.
    int[] del = MemberText.deletion(home.source().text(), span.start(), span.end());
    r.edit(home, del[0], del[1], "");
    var src = home.source();
    r.delta.newTypes.add(new GraphDelta.NewType(t.newFqn(), t.destPackage(), outer.fqn()));
    r.delta.moved.add(
        new GraphDelta.Span(
            home.display(),
            src.lineOf(span.start()),
            1,
            src.lineOf(Math.max(span.start(), span.end() - 1)),
            Integer.MAX_VALUE,
            t.newFqn()));
    r.notes.add(
        "moves nested "
            + t.oldFqn()
            + " out of "
            + outer.fqn()
            + " to "
            + t.newFqn()
            + " (new file "
            + t.newFile().getFileName()
            + ")");
  }

  /** Rewrites the references in {@code f} (outside {@code skip}); true if it uses the type. */
  private boolean references(ParsedFile f, MovedType t, MemberText skip) {
    FileScope scope = r.project.scope(f);
    String oldFqn = t.oldFqn();
    String simple = t.type().simpleName();
    boolean samePackage = f.packageName().equals(t.destPackage());
    String taken = scope.singleImports().get(simple);
    boolean simpleFree =
        (taken == null || taken.equals(oldFqn))
            && f.cu().getTypes().stream().noneMatch(d -> d.getNameAsString().equals(simple));
    String ref = simpleFree ? simple : t.newFqn();
    boolean[] any = {false};
    boolean[] needImport = {false};
    boolean explicitImport = false;
    for (ImportDeclaration d : f.cu().getImports()) {
      String n = d.getNameAsString();
      if (d.isAsterisk() || !(n.equals(oldFqn) || n.startsWith(oldFqn + "."))) {
        continue;
      }
      any[0] = true;
      String text = f.source().text();
      if (n.equals(oldFqn)) {
        explicitImport = true;
        if (samePackage) {
          r.edit(f, ImportPlan.lineStart(text, f.begin(d)), ImportPlan.lineEnd(text, f.end(d)), "");
        } else {
          // Also turns `import static pkg.Outer.Inner;` into a plain type import.
          r.edit(f, f.begin(d), f.end(d), "import " + t.newFqn() + ";");
        }
      } else {
        int s = f.begin(d.getName());
        r.edit(f, s, s + oldFqn.length(), t.newFqn());
      }
    }
    f.cu()
        .walk(
            n -> {
              if (skip != null && n.getBegin().isPresent() && skip.contains(f.begin(n))) {
                return;
              }
              if (n instanceof ClassOrInterfaceType ct
                      && ct.getScope().isEmpty()
                      && ct.getNameAsString().equals(simple)
                  || n instanceof NameExpr ne && ne.getNameAsString().equals(simple)
                  || n instanceof AnnotationExpr a && a.getNameAsString().equals(simple)) {
                if (oldFqn.equals(scope.resolveType(simple, n))) {
                  any[0] = true;
                  needImport[0] = true;
                  retarget(f, n, t);
                }
              } else if (n instanceof ClassOrInterfaceType ct
                  && ct.getScope().isPresent()
                  && oldFqn.equals(scope.resolveType(ct.getNameWithScope(), ct))) {
                r.edit(f, f.begin(ct), f.end(ct.getName()), ref);
                any[0] = true;
                needImport[0] |= simpleFree;
                retarget(f, n, t);
              } else if (n instanceof FieldAccessExpr fa
                  && oldFqn.equals(scope.resolveTypeChain(fa))) {
                r.edit(f, f.begin(fa), f.end(fa), ref);
                any[0] = true;
                needImport[0] |= simpleFree;
                retarget(f, n, t);
              }
            });
    if (needImport[0] && !explicitImport && !samePackage) {
      r.plan(f, null).forceImport(t.newFqn());
    }
    javadoc(f, t, skip, needImport[0] || explicitImport ? ref : t.newFqn());
    return any[0];
  }

  /** The analyzer folded the reference into the old top-level type; it now ends at the new one. */
  private void retarget(ParsedFile f, Node n, MovedType t) {
    n.getBegin()
        .ifPresent(
            p ->
                r.delta.retarget.put(
                    GraphDelta.key(f.display(), p.line, p.column),
                    new GraphDelta.Retarget(t.type().topLevel().fqn(), t.newFqn())));
    // A use from inside the old enclosing type was no edge at all (the analyzer drops self
    // references), so the new edge is added explicitly; elsewhere it duplicates the retarget.
    TypeInfo from = r.topLevelOf(n);
    if (from != null) {
      addRef(from.fqn(), t.newFqn(), f, n);
    }
  }

  private void addRef(String from, String to, ParsedFile f, Node n) {
    n.getBegin()
        .ifPresent(
            p -> r.delta.added.add(new GraphDelta.Ref(from, to, f.display(), p.line, p.column)));
  }

  private void javadoc(ParsedFile f, MovedType t, MemberText skip, String ref) {
    TypeInfo outer = t.type().outer();
    Pattern qualified = oldName(t);
    for (Comment c : f.cu().getAllComments()) {
      if (!(c instanceof JavadocComment)
          || c.getBegin().isEmpty()
          || skip != null && skip.contains(f.begin(c))) {
        continue;
      }
      int base = f.begin(c) + 3;
      Matcher m = qualified.matcher(c.getContent());
      while (m.find()) {
        boolean full = m.group().startsWith(outer.fqn());
        r.edit(f, base + m.start(), base + m.end(), full ? t.newFqn() : ref);
      }
    }
  }

  /** {@code pkg.Outer.Inner} or {@code Outer.Inner} in a comment. */
  private static Pattern oldName(MovedType t) {
    TypeInfo outer = t.type().outer();
    return Pattern.compile(
        "(?<![\\w.])(?:"
            + Pattern.quote(outer.fqn())
            + "|"
            + Pattern.quote(outer.simpleName())
            + ")\\."
            + Pattern.quote(t.type().simpleName())
            + "\\b");
  }

  /**
   * The enclosing type using the moved type's private members (or package-private ones, when it
   * leaves the package) loses that access. Checked by name, like the other users.
   */
  private void privateUses(ParsedFile home, MovedType t, MemberText span) {
    Set<String> names = new LinkedHashSet<>();
    for (BodyDeclaration<?> b : t.type().decl().getMembers()) {
      if (b instanceof CallableDeclaration<?> c && c.isPrivate()) {
        names.add(c.isConstructorDeclaration() ? t.type().simpleName() : c.getNameAsString());
      } else if (b instanceof FieldDeclaration fd && fd.isPrivate()) {
        names.addAll(FileScope.names(fd));
      }
    }
    if (!t.type().packageName().equals(t.destPackage())) {
      // The enclosing type stays in the old package: package-private members are out of reach too.
      for (String n : TypeMover.packagePrivateMemberNames(t.type())) {
        names.add(n.equals("<init>") ? t.type().simpleName() : n);
      }
    }
    home.cu()
        .walk(
            n -> {
              if (n.getBegin().isEmpty() || span.contains(home.begin(n))) {
                return;
              }
              String name =
                  n instanceof MethodCallExpr mc && mc.getScope().isPresent()
                      ? mc.getNameAsString()
                      : n instanceof FieldAccessExpr fa
                          ? fa.getNameAsString()
                          : n instanceof com.github.javaparser.ast.expr.ObjectCreationExpr oce
                              ? oce.getType().getNameAsString()
                              : null;
              if (name != null && names.contains(name)) {
                r.conflict(
                    "move/access",
                    home,
                    n,
                    t.type().outer().fqn()
                        + " uses non-public "
                        + t.oldFqn()
                        + (name.equals(t.type().simpleName()) ? " constructor" : "#" + name)
                        + ", which it cannot see once "
                        + t.type().simpleName()
                        + " is top-level",
                    t.oldFqn() + " <- " + t.type().outer().fqn() + "#" + name);
              }
            });
  }

  /** The new file: package line, the imports the text needs, the dedented declaration. */
  private String newText(MovedType t, MemberText span, boolean needsPublic) {
    TypeInfo inner = t.type();
    TypeInfo outer = inner.outer();
    ParsedFile home = inner.file();
    FileScope scope = r.project.scope(home);
    String oldPkg = inner.packageName();
    boolean samePkg = oldPkg.equals(t.destPackage());
    ImportPlan imports = new ImportPlan(r.project, t.newFqn());
    List<TextEdit> edits = new ArrayList<>();
    Set<String> reported = new LinkedHashSet<>();
    boolean[] usesOuter = {false};
    inner
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
                String fqn = scope.resolveType(name, n);
                TypeInfo used = fqn == null ? null : r.project.type(fqn);
                if (used != null && used.outer() != null && used.outer().equals(outer)) {
                  if (!used.equals(inner)) {
                    // A sibling nested type: seen by scope before, by qualification now.
                    edits.add(new TextEdit(home.begin(n), home.begin(n), outer.simpleName() + "."));
                    usesOuter[0] = true;
                    addRef(t.newFqn(), outer.fqn(), home, n);
                    memberConflict(t, home, n, outer, name, Access.ofType(used), reported);
                  }
                } else if (fqn != null
                    && !fqn.startsWith(inner.fqn() + ".")
                    && !fqn.equals(inner.fqn())
                    && !fqn.startsWith("java.lang.")
                    && !fqn.substring(0, Math.max(0, fqn.lastIndexOf('.'))).equals(t.destPackage())
                    && (used == null
                        || used.outer() == null
                        || !name.equals(used.simpleName())
                        || scope.singleImports().containsKey(name))) {
                  imports.forceImport(fqn);
                  if (used != null
                      && used.packageName().equals(oldPkg)
                      && !samePkg
                      && Access.ofType(used) < 3
                      && reported.add(fqn)) {
                    conflict(
                        t,
                        home,
                        n,
                        "uses "
                            + fqn
                            + " ("
                            + Access.label(Access.ofType(used))
                            + "), which is not visible from "
                            + t.destPackage(),
                        fqn);
                  }
                }
              }
              if (n instanceof NameExpr ne) {
                unqualified(
                    t,
                    scope,
                    home,
                    n,
                    ne.getNameAsString(),
                    false,
                    edits,
                    usesOuter,
                    reported,
                    imports);
              } else if (n instanceof MethodCallExpr mc && mc.getScope().isEmpty()) {
                unqualified(
                    t,
                    scope,
                    home,
                    n,
                    mc.getNameAsString(),
                    true,
                    edits,
                    usesOuter,
                    reported,
                    imports);
              } else if (n instanceof MethodCallExpr mc) {
                qualified(
                    t, scope, home, n, mc.getScope().get(), mc.getNameAsString(), true, reported);
              } else if (n instanceof FieldAccessExpr fa) {
                qualified(t, scope, home, n, fa.getScope(), fa.getNameAsString(), false, reported);
              } else if (n instanceof MethodReferenceExpr mr) {
                qualified(t, scope, home, n, mr.getScope(), mr.getIdentifier(), true, reported);
              }
            });
    if (usesOuter[0] && !samePkg) {
      imports.forceImport(outer.fqn());
    }
    modifiers(home, inner.decl(), needsPublic, edits);
    // Its own Javadoc links to the old name name the type itself now.
    for (Comment c : home.cu().getAllComments()) {
      if (c instanceof JavadocComment && c.getBegin().isPresent() && span.contains(home.begin(c))) {
        Matcher m = oldName(t).matcher(c.getContent());
        int base = home.begin(c) + 3;
        while (m.find()) {
          edits.add(new TextEdit(base + m.start(), base + m.end(), inner.simpleName()));
        }
      }
    }
    String text = home.source().text();
    List<TextEdit> sorted = new ArrayList<>(new LinkedHashSet<>(edits));
    sorted.sort(TextEdit.ORDER);
    StringBuilder body = new StringBuilder(text.substring(span.start(), span.end()));
    for (int i = sorted.size() - 1; i >= 0; i--) {
      TextEdit e = sorted.get(i);
      body.replace(e.start() - span.start(), e.end() - span.start(), e.replacement());
    }
    StringBuilder out = new StringBuilder();
    if (!t.destPackage().isEmpty()) {
      out.append("package ").append(t.destPackage()).append(";\n\n");
    }
    String block = imports.importBlock();
    if (!block.isEmpty()) {
      out.append(block).append('\n');
    }
    for (String line : body.toString().split("\n", -1)) {
      out.append(line.startsWith(span.indent()) ? line.substring(span.indent().length()) : line)
          .append('\n');
    }
    String s = out.toString();
    while (s.endsWith("\n\n")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** An unqualified name that the enclosing type provided by scope gets its qualifier. */
  private void unqualified(
      MovedType t,
      FileScope scope,
      ParsedFile home,
      Node n,
      String name,
      boolean method,
      List<TextEdit> edits,
      boolean[] usesOuter,
      Set<String> reported,
      ImportPlan imports) {
    FileScope.Member m = scope.resolveMember(name, method, n);
    TypeInfo outer = t.type().outer();
    if (m.kind() == FileScope.Kind.MEMBER && m.lexical() == outer.decl()) {
      edits.add(new TextEdit(home.begin(n), home.begin(n), outer.simpleName() + "."));
      usesOuter[0] = true;
      addRef(t.newFqn(), outer.fqn(), home, n);
      TypeInfo declaring = m.owner();
      if (!Access.memberVisible(declaring, name, method, t.newFqn(), t.destPackage())
          || privateIn(declaring, name, method)) {
        conflict(
            t,
            home,
            n,
            "uses "
                + declaring.fqn()
                + "#"
                + name
                + ", which it could see as a nested type but cannot from "
                + t.newFqn(),
            declaring.fqn() + "#" + name);
      }
    } else if (m.kind() == FileScope.Kind.STATIC_IMPORT && m.owner() != null) {
      imports.addStatic(m.owner().fqn(), name);
    }
  }

  private void qualified(
      MovedType t,
      FileScope scope,
      ParsedFile home,
      Node n,
      Expression q,
      String name,
      boolean method,
      Set<String> reported) {
    String fqn = scope.resolveTypeChain(q);
    TypeInfo owner = fqn == null ? null : r.project.type(fqn);
    if (owner == null || owner.equals(t.type())) {
      return;
    }
    if (owner.topLevel().equals(t.type().topLevel())) {
      addRef(t.newFqn(), owner.topLevel().fqn(), home, n);
    }
    TypeInfo declaring = scope.declaringType(owner, name, method, 0);
    if (declaring != null
        && (!Access.memberVisible(declaring, name, method, t.newFqn(), t.destPackage())
            || declaring.topLevel().equals(t.type().topLevel())
                && privateIn(declaring, name, method))
        && reported.add(declaring.fqn() + "#" + name)) {
      conflict(
          t,
          home,
          n,
          "uses " + declaring.fqn() + "#" + name + ", which is not visible from " + t.newFqn(),
          declaring.fqn() + "#" + name);
    }
  }

  private static boolean privateIn(TypeInfo declaring, String name, boolean method) {
    for (BodyDeclaration<?> b : declaring.decl().getMembers()) {
      if (method && b instanceof CallableDeclaration<?> c && c.getNameAsString().equals(name)
          || !method && b instanceof FieldDeclaration fd && FileScope.names(fd).contains(name)) {
        return b instanceof CallableDeclaration<?> c
            ? c.isPrivate()
            : ((FieldDeclaration) b).isPrivate();
      }
    }
    return false;
  }

  private void memberConflict(
      MovedType t,
      ParsedFile home,
      Node n,
      TypeInfo outer,
      String name,
      int access,
      Set<String> reported) {
    if (access == 0 && reported.add(outer.fqn() + "." + name)) {
      conflict(
          t,
          home,
          n,
          "uses private " + outer.fqn() + "." + name + ", which it cannot see once it is top-level",
          outer.fqn() + "." + name);
    }
  }

  private void conflict(MovedType t, ParsedFile home, Node n, String what, String key) {
    r.conflict("move/access", home, n, t.oldFqn() + " " + what, t.oldFqn() + " -> " + key);
  }

  /**
   * A top-level type is public or package-private and never static: {@code static}, {@code private}
   * and {@code protected} go; the first of them becomes {@code public} when users outside the
   * destination package need it, else {@code public} is written before the first modifier (or the
   * keyword).
   */
  private static void modifiers(
      ParsedFile home, TypeDeclaration<?> decl, boolean needsPublic, List<TextEdit> edits) {
    String text = home.source().text();
    boolean widen = needsPublic && !decl.hasModifier(Modifier.Keyword.PUBLIC);
    for (Modifier m : decl.getModifiers()) {
      Modifier.Keyword k = m.getKeyword();
      if (k == Modifier.Keyword.STATIC
          || k == Modifier.Keyword.PRIVATE
          || k == Modifier.Keyword.PROTECTED) {
        int s = home.begin(m);
        int e = home.end(m);
        while (e < text.length() && text.charAt(e) == ' ') {
          e++;
        }
        edits.add(new TextEdit(s, e, widen ? "public " : ""));
        widen = false;
      }
    }
    if (widen) {
      int at;
      if (!decl.getModifiers().isEmpty()) {
        at = home.begin(decl.getModifiers().get(0));
      } else {
        at = home.begin(decl.getName());
        while (at > 0 && text.charAt(at - 1) == ' ') {
          at--;
        }
        while (at > 0 && Character.isLetter(text.charAt(at - 1))) {
          at--;
        }
        if (at > 0 && text.charAt(at - 1) == '@') {
          at--; // @interface
        }
      }
      edits.add(new TextEdit(at, at, "public "));
    }
  }
}
