package dev.lockkit.refactor.move.rewrite;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.comments.JavadocComment;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.lockkit.refactor.edit.TextEdit;
import dev.lockkit.refactor.move.model.MovedType;
import dev.lockkit.refactor.move.model.ParsedFile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a top-level type moving into a host type ({@link IntoTypeMover}), not yet indented:
 * {@code static} (and {@code public} when needed) added, its own Javadoc links simplified; on the
 * way, the imports it needs are planned in the host's file, and every name it uses is checked to
 * mean inside the host what it meant before ({@code move/name-clash}) and to be visible from there
 * ({@code move/access}).
 */
final class IntoTypeText {
  private final MoveRewriter r;
  private final MovedType t;
  private final MemberText span;
  private final ParsedFile home;
  private final ImportPlan hostImports;
  private final List<TextEdit> edits = new ArrayList<>();
  private final Set<String> reported = new LinkedHashSet<>();
  private final EnclosingScope enclosing;

  IntoTypeText(MoveRewriter r, MovedType t, MemberText span) {
    this.r = r;
    this.t = t;
    this.span = span;
    this.home = t.type().file();
    this.hostImports = r.plan(t.host().file(), t.host().decl());
    this.enclosing = new EnclosingScope(r, t, edits, this::hostSees);
  }

  /**
   * A nested type's use of a type nested in one of its enclosing types, which it saw by scope: the
   * enclosing type's name is written before it ({@link EnclosingScope}); true if so.
   */
  private boolean enclosingType(Node n, String name) {
    return enclosing.inOwnName(n) || enclosing.type(n, r.names.type(home, n));
  }

  /**
   * Makes {@code simple} mean {@code fqn} inside the host: nothing if it does, an import if it
   * means nothing there, else a {@code move/name-clash} at {@code n}.
   */
  private void hostSees(Node n, String simple, String fqn) {
    HostProbe probe = r.probes.get(t.host().file());
    HostProbe.Meaning m = probe == null ? null : probe.meaning(r.javac, simple);
    String there;
    if (m != null) {
      // javac's answer. A meaning through an on-demand import or java.lang that the host's own
      // code does not use is overridden by a single-type import: the moved text keeps its type,
      // and nothing else in the host changes meaning.
      there = m.fqn();
      if (there != null && !there.equals(fqn) && m.shadowable() && !probe.hostSpells(simple)) {
        there = null;
      }
    } else {
      // No probe (the host's declaration does not end at its closing brace), or javac did not
      // attribute the host: what the name means there is not known, and is not guessed.
      r.unresolvedInside(
          home,
          n,
          simple,
          t.oldFqn(),
          "javac was not asked what it means inside " + t.host().fqn());
      return;
    }
    if (there == null) {
      hostImports.forceImport(fqn);
    } else if (!there.equals(fqn) && reported.add("type " + simple)) {
      r.conflict(
          "move/name-clash",
          home,
          n,
          t.oldFqn()
              + " uses "
              + fqn
              + " as "
              + simple
              + ", but inside "
              + t.host().fqn()
              + " "
              + simple
              + " means "
              + there,
          t.oldFqn() + " " + simple + " -> " + there);
    }
  }

  /**
   * The declaration's text for the host, dedented (the host's indentation is added on insertion).
   *
   * @param needsPublic a user outside the host's package
   * @param usedOutsideHost a user outside the host (a nested type's {@code private} must go)
   */
  String text(boolean needsPublic, boolean usedOutsideHost) {
    // Which names a library's on-demand static import supplies is not known here, so it cannot be
    // decided whether the host must import them or shadows them: refused rather than guessed.
    List<String> hostOnDemand = staticOnDemand(t.host().file());
    for (String od : staticOnDemand(home)) {
      if (r.project.type(od) == null && !hostOnDemand.contains(od)) {
        r.conflict(
            "move/name-clash",
            home,
            null,
            t.oldFqn()
                + "'s file has `import static "
                + od
                + ".*;`, which "
                + t.host().fqn()
                + "'s file lacks; replace it by single static imports first",
            t.oldFqn() + " import static " + od + ".*");
      }
    }
    t.type()
        .decl()
        .walk(
            n -> {
              String name = r.names.writtenTypeName(home, n);
              if (name != null && !(t.nested() && enclosingType(n, name))) {
                typeName(n, name);
              }
              if (n instanceof NameExpr ne) {
                memberName(n, ne.getNameAsString(), false);
              } else if (n instanceof MethodCallExpr mc && mc.getScope().isEmpty()) {
                memberName(n, mc.getNameAsString(), true);
              }
              if (t.nested()) {
                enclosing.edge(n);
              }
            });
    if (t.nested()) {
      nestedModifiers(needsPublic, usedOutsideHost);
    } else {
      modifiers(needsPublic);
    }
    // Its own Javadoc's links to its old name: the simple name is the type itself in the host.
    Pattern old =
        t.nested()
            ? NestedTypeMover.oldName(t)
            : Pattern.compile("(?<![\\w.])" + Pattern.quote(t.oldFqn()) + "\\b");
    for (Comment c : home.comments()) {
      if (c instanceof JavadocComment && c.getBegin().isPresent() && span.contains(home.begin(c))) {
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
    StringBuilder out = new StringBuilder();
    String[] lines = body.toString().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      out.append(line.startsWith(span.indent()) ? line.substring(span.indent().length()) : line);
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** The types a file's {@code import static T.*;} lines name, as written. */
  private static List<String> staticOnDemand(ParsedFile f) {
    return f.cu().getImports().stream()
        .filter(d -> d.isStatic() && d.isAsterisk())
        .map(d -> d.getNameAsString())
        .toList();
  }

  /** A simple type name must mean inside the host what it meant in the old file. */
  private void typeName(Node n, String name) {
    String fqn = r.names.type(home, n);
    String problem = fqn == null && !(n instanceof NameExpr) ? r.names.problem(home, n) : null;
    if (problem != null) {
      r.unresolvedInside(home, n, name, t.oldFqn(), problem);
      return;
    }
    if (fqn == null
        || fqn.equals(t.oldFqn())
        || fqn.startsWith(t.oldFqn() + ".")
        || r.names.seenFromInside(home, n, t.type().decl())) {
      return; // a type parameter, unknown, the moved type's own or inherited member types
    }
    hostSees(n, name, fqn);
    // Whether it may still use that type (package-private, from another package) is javac's
    // verdict on the result (CompileCheck).
  }

  /**
   * An unqualified member name that came from a static import: the host needs the import, and a
   * host member of that name would shadow it (a nested type sees its enclosing type's members
   * before any static import).
   */
  private void memberName(Node n, String name, boolean method) {
    JavacNames.Member m = r.names.member(home, n);
    if (m.kind() == JavacNames.MemberKind.UNRESOLVED) {
      r.unresolvedInside(home, n, name, t.oldFqn(), m.problem());
      return;
    }
    if (t.nested() && enclosing.member(n, m)) {
      return; // qualified by the enclosing type that declares it
    }
    if (m.kind() != JavacNames.MemberKind.STATIC_IMPORT) {
      return;
    }
    String owner = m.owner();
    if (hostDeclares(name, method) && reported.add((method ? "method " : "field ") + name)) {
      r.conflict(
          "move/name-clash",
          home,
          n,
          t.oldFqn()
              + " uses "
              + owner
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
    hostImports.addStatic(owner, name);
  }

  private boolean hostDeclares(String name, boolean method) {
    for (BodyDeclaration<?> b : t.host().decl().getMembers()) {
      if (method && b instanceof CallableDeclaration<?> c && c.getNameAsString().equals(name)
          || !method
              && b instanceof FieldDeclaration fd
              && fd.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A member class needs {@code static} (no enclosing instance, as before); it goes after the
   * access modifier, or first. Users outside the host's package need it {@code public}.
   */
  private void modifiers(boolean needsPublic) {
    TypeDeclaration<?> decl = t.type().decl();
    boolean isClass =
        decl.isClassOrInterfaceDeclaration() && !decl.asClassOrInterfaceDeclaration().isInterface();
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

  /**
   * A nested type keeps its modifiers where they still fit: a class gains {@code static} when it
   * was static only implicitly (a class in an interface) and the host is a class; {@code private}
   * goes when a user outside the host remains, and so does {@code protected} when {@code public} is
   * needed or the host is an interface (where neither is allowed); {@code public} is written first
   * when a user outside the host's package needs it.
   */
  private void nestedModifiers(boolean needsPublic, boolean usedOutsideHost) {
    TypeDeclaration<?> decl = t.type().decl();
    TypeDeclaration<?> hostDecl = t.host().decl();
    boolean hostInterface =
        hostDecl.isAnnotationDeclaration()
            || hostDecl.isClassOrInterfaceDeclaration()
                && hostDecl.asClassOrInterfaceDeclaration().isInterface();
    boolean isClass =
        decl.isClassOrInterfaceDeclaration() && !decl.asClassOrInterfaceDeclaration().isInterface();
    boolean widen = needsPublic && !decl.hasModifier(Modifier.Keyword.PUBLIC);
    String prefix =
        (widen ? "public " : "")
            + (isClass && !hostInterface && !decl.hasModifier(Modifier.Keyword.STATIC)
                ? "static "
                : "");
    String text = home.source().text();
    boolean first = true;
    for (Modifier m : decl.getModifiers()) {
      Modifier.Keyword k = m.getKeyword();
      boolean drop =
          k == Modifier.Keyword.PRIVATE && (usedOutsideHost || hostInterface)
              || k == Modifier.Keyword.PROTECTED && (widen || hostInterface);
      int s = home.begin(m);
      int e = s;
      if (drop) {
        e = home.end(m);
        while (e < text.length() && text.charAt(e) == ' ') {
          e++;
        }
      }
      if (first && !prefix.isEmpty() || drop) {
        edits.add(new TextEdit(s, e, first ? prefix : ""));
      }
      first = false;
    }
    if (first && !prefix.isEmpty()) {
      edits.add(new TextEdit(keyword(decl), keyword(decl), prefix));
    }
    if (widen) {
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
