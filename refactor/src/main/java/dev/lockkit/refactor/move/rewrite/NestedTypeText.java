package dev.lockkit.refactor.move.rewrite;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.comments.JavadocComment;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.lockkit.refactor.edit.TextEdit;
import dev.lockkit.refactor.move.check.GraphDelta;
import dev.lockkit.refactor.move.model.MovedType;
import dev.lockkit.refactor.move.model.ParsedFile;
import dev.lockkit.refactor.move.model.TypeInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The text of a nested type as a top-level file: the imports it needs, qualifiers for what it saw
 * through its enclosing type's scope, and top-level modifiers (access is javac's verdict on the
 * result, {@code check.CompileCheck}). Split from {@link NestedTypeMover}, which rewrites the
 * references to it.
 */
final class NestedTypeText {

  private final MoveRewriter r;

  NestedTypeText(MoveRewriter r) {
    this.r = r;
  }

  /** The new file: package line, the imports the text needs, the dedented declaration. */
  String newText(MovedType t, MemberText span, boolean needsPublic) {
    TypeInfo inner = t.type();
    TypeInfo outer = inner.outer();
    ParsedFile home = inner.file();
    Set<String> singleImports = home.singleImports().keySet();
    String oldPkg = inner.packageName();
    boolean samePkg = oldPkg.equals(t.destPackage());
    ImportPlan imports = new ImportPlan(r.project, t.newFqn());
    List<TextEdit> edits = new ArrayList<>();
    // The enclosing types the moved text now names to reach what it saw through them by scope.
    Set<TypeInfo> usesOuter = new LinkedHashSet<>();
    List<TypeInfo> enclosing = new ArrayList<>();
    for (TypeInfo e = outer; e != null; e = e.outer()) {
      enclosing.add(e);
    }
    inner
        .decl()
        .walk(
            n -> {
              String name = r.resolvedTypeName(home, n, t.oldFqn());
              if (name != null) {
                String fqn = r.names.type(home, n);
                TypeInfo used = fqn == null ? null : r.project.type(fqn);
                TypeInfo via;
                if (used != null && used.outer() != null && encloses(used.outer(), inner)) {
                  if (!used.equals(inner)) {
                    // A nested type of an enclosing type (a sibling, or nested in one further
                    // out): seen by scope before, by qualification now.
                    edits.add(
                        new TextEdit(
                            home.begin(n), home.begin(n), used.outer().simpleName() + "."));
                    usesOuter.add(used.outer());
                    addRef(t.newFqn(), outer.topLevel().fqn(), home, n);
                  }
                } else if (fqn != null
                    && !fqn.startsWith(inner.fqn() + ".")
                    && !r.names.seenFromInside(home, n, inner.decl())
                    && !singleImports.contains(name)
                    && (via = r.names.through(home, n, enclosing)) != null) {
                  // A member type an enclosing type inherits: reached by qualification now.
                  int at = n instanceof AnnotationExpr a ? home.begin(a.getName()) : home.begin(n);
                  edits.add(new TextEdit(at, at, via.simpleName() + "."));
                  usesOuter.add(via);
                  addRef(t.newFqn(), via.topLevel().fqn(), home, n);
                } else if (fqn != null
                    && !fqn.startsWith(inner.fqn() + ".")
                    && !r.names.seenFromInside(home, n, inner.decl())
                    && !fqn.equals(inner.fqn())
                    // Only java.lang's own top-level types are implicit, not java.lang.reflect's
                    // (found by the campaign: VisibilityChecker.Std lost its Member import).
                    && !fqn.matches("java\\.lang\\.[^.]+")
                    && !fqn.substring(0, Math.max(0, fqn.lastIndexOf('.'))).equals(t.destPackage())
                    && (used == null
                        || used.outer() == null
                        || !name.equals(used.simpleName())
                        || singleImports.contains(name))) {
                  imports.forceImport(fqn);
                }
              }
              if (n instanceof NameExpr ne) {
                unqualified(t, home, n, ne.getNameAsString(), edits, usesOuter, imports);
              } else if (n instanceof MethodCallExpr mc && mc.getScope().isEmpty()) {
                unqualified(t, home, n, mc.getNameAsString(), edits, usesOuter, imports);
              } else if (n instanceof MethodCallExpr mc) {
                qualified(t, home, n, mc.getScope().get(), mc.getNameAsString(), true);
              } else if (n instanceof FieldAccessExpr fa) {
                qualified(t, home, n, fa.getScope(), fa.getNameAsString(), false);
              } else if (n instanceof MethodReferenceExpr mr) {
                qualified(t, home, n, mr.getScope(), mr.getIdentifier(), true);
              }
            });
    for (TypeInfo e : usesOuter) {
      // A top-level type of the destination package needs no import; a nested one always does.
      if (!samePkg || e.outer() != null) {
        imports.forceImport(e.fqn());
      }
    }
    modifiers(home, inner.decl(), needsPublic, edits);
    // Its own Javadoc links to the old name name the type itself now.
    for (Comment c : home.comments()) {
      if (c instanceof JavadocComment && c.getBegin().isPresent() && span.contains(home.begin(c))) {
        Matcher m = NestedTypeMover.oldName(t).matcher(c.getContent());
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
      ParsedFile home,
      Node n,
      String name,
      List<TextEdit> edits,
      Set<TypeInfo> usesOuter,
      ImportPlan imports) {
    JavacNames.Member m = r.names.member(home, n);
    if (m.kind() == JavacNames.MemberKind.UNRESOLVED) {
      r.unresolvedInside(home, n, name, t.oldFqn(), m.problem());
      return;
    }
    TypeInfo via = null;
    for (TypeInfo e = t.type().outer(); e != null && via == null; e = e.outer()) {
      if (m.kind() == JavacNames.MemberKind.MEMBER && m.lexical() == e.decl()) {
        via = e;
      }
    }
    if (via != null) {
      edits.add(new TextEdit(home.begin(n), home.begin(n), via.simpleName() + "."));
      usesOuter.add(via);
      addRef(t.newFqn(), via.topLevel().fqn(), home, n);
      // Whether it may still use it (private members it may not) is javac's verdict on the
      // result (CompileCheck).
    } else if (m.kind() == JavacNames.MemberKind.STATIC_IMPORT) {
      imports.addStatic(m.owner(), name);
    }
  }

  /** True if {@code e} is one of {@code t}'s enclosing types. */
  private static boolean encloses(TypeInfo e, TypeInfo t) {
    for (TypeInfo o = t.outer(); o != null; o = o.outer()) {
      if (o.equals(e)) {
        return true;
      }
    }
    return false;
  }

  private void qualified(
      MovedType t, ParsedFile home, Node n, Expression q, String name, boolean method) {
    String fqn =
        q instanceof NameExpr
                || q instanceof FieldAccessExpr
                || q instanceof com.github.javaparser.ast.expr.TypeExpr
            ? r.names.type(home, q)
            : null;
    TypeInfo owner = fqn == null ? null : r.project.type(fqn);
    if (owner == null || owner.equals(t.type())) {
      return;
    }
    if (owner.topLevel().equals(t.type().topLevel())) {
      addRef(t.newFqn(), owner.topLevel().fqn(), home, n);
    }
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

  private void addRef(String from, String to, ParsedFile f, Node n) {
    n.getBegin()
        .ifPresent(
            p -> r.delta.added.add(new GraphDelta.Ref(from, to, f.display(), p.line, p.column)));
  }
}
