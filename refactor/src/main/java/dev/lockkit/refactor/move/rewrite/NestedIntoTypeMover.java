package dev.lockkit.refactor.move.rewrite;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.comments.JavadocComment;
import dev.lockkit.refactor.move.check.GraphDelta;
import dev.lockkit.refactor.move.model.MovedType;
import dev.lockkit.refactor.move.model.ParsedFile;
import dev.lockkit.refactor.move.model.TypeInfo;
import java.util.regex.Matcher;

/**
 * Moves a static nested type (at any depth) out of its enclosing types directly into another
 * top-level type (the host), where it becomes a static member type: {@link NestedTypeMover}'s cut
 * and {@link IntoTypeMover}'s insertion in one step, with no top-level file in between.
 *
 * <p>Reference rule: a simple name that saw the type (by scope inside its old enclosing types, or
 * by an import) stays simple and gets {@code import pkg2.Host.Inner;} (none in the host's file,
 * where the member type is in scope); where that simple name is taken in the file, and for every
 * qualified use ({@code Outer.Inner}, {@code pkg.Outer.Inner}), the type is written {@code
 * Host.Inner} when the file sees the host by its simple name, else {@code pkg2.Host.Inner}. Imports
 * of the old name and of its members follow the new name. The moved text is re-resolved inside the
 * host as for a top-level type moving in ({@link IntoTypeText}), and what it saw through its
 * enclosing types is qualified ({@link EnclosingScope}). Access and everything lockkit's lookups do
 * not find are javac's verdict on the result ({@code check.CompileCheck}).
 */
final class NestedIntoTypeMover {

  private final MoveRewriter r;

  NestedIntoTypeMover(MoveRewriter r) {
    this.r = r;
  }

  void move(MovedType t) {
    TypeInfo inner = t.type();
    TypeInfo host = t.host();
    ParsedFile home = inner.file();
    IntoTypeMover into = new IntoTypeMover(r);
    into.nameTaken(t);
    into.gating(t);
    MemberText span = MemberText.of(home, inner.decl());
    TypeMoveSetUp.Users users =
        TypeMoveSetUp.references(r, t, span, (f, skip) -> references(f, t, skip));
    into.insert(t, new IntoTypeText(r, t, span).text(users.outsidePackage(), users.outsideHost()));
    // References made from the moved text now come from the host's top-level type.
    TypeMoveSetUp.cut(r, t, span, host.topLevel().fqn());
    r.notes.add(
        "moves nested "
            + t.oldFqn()
            + " out of "
            + inner.outer().fqn()
            + " into "
            + host.fqn()
            + " as "
            + t.newFqn());
  }

  /** Rewrites the references in {@code f} (outside {@code skip}); true if it uses the type. */
  private boolean references(ParsedFile f, MovedType t, MemberText skip) {
    String oldFqn = t.oldFqn();
    String simple = t.type().simpleName();
    boolean inHost = f == t.host().file();
    String taken = f.singleImports().get(simple);
    boolean simpleFree =
        inHost
            || (taken == null || taken.equals(oldFqn))
                && f.cu().getTypes().stream().noneMatch(d -> d.getNameAsString().equals(simple));
    if (inHost) {
      r.captured(f, t, TypeUses.other(r, f, t, skip, false), t.host().fqn());
    } else if (simpleFree && TypeUses.other(r, f, t, skip, false) != null) {
      simpleFree = false; // the simple name means another type somewhere in this file
    }
    String qualified = inHost ? simple : qualifiedName(f, t);
    boolean explicitImport = false;
    boolean any = false;
    String text = f.source().text();
    for (ImportDeclaration d : f.cu().getImports()) {
      String n = d.getNameAsString();
      if (!n.equals(oldFqn) && !n.startsWith(oldFqn + ".")) {
        continue;
      }
      any = true;
      if (n.equals(oldFqn) && !d.isAsterisk()) {
        explicitImport = true;
        if (inHost) {
          // The host sees its member type by scope.
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
    boolean[] needImport = {false};
    boolean[] found = {any};
    for (TypeUses.Use u : TypeUses.of(r, f, t, skip)) {
      found[0] = true;
      if (!u.simple()) {
        r.edit(f, u.start(), u.end(), qualified);
      } else if (simpleFree) {
        needImport[0] = true;
      } else {
        r.edit(f, u.start(), u.end(), qualified);
      }
      retarget(f, u.node(), t);
    }
    if (needImport[0] && !explicitImport && !inHost) {
      r.plan(f, null).forceImport(t.newFqn());
    }
    javadoc(f, t, skip, inHost ? simple : t.newFqn());
    return found[0];
  }

  /** {@code Host.Inner} where the file sees the host by its simple name, else the full name. */
  private String qualifiedName(ParsedFile f, MovedType t) {
    TypeInfo host = t.host();
    boolean sees =
        host.fqn().equals(r.meaningAt(f, host.simpleName(), f.cu()).fqn())
            && f.cu().getTypes().stream()
                .noneMatch(d -> d.getNameAsString().equals(host.simpleName()) && d != host.decl());
    return sees ? host.simpleName() + "." + t.type().simpleName() : t.newFqn();
  }

  /** The analyzer folded the reference into the old top-level type; it now ends at the host's. */
  private void retarget(ParsedFile f, Node n, MovedType t) {
    String hostTop = t.host().topLevel().fqn();
    n.getBegin()
        .ifPresent(
            p ->
                r.delta.retarget.put(
                    GraphDelta.key(f.display(), p.line, p.column),
                    new GraphDelta.Retarget(t.type().topLevel().fqn(), hostTop)));
    // A use from inside the old top-level type was no edge at all (the analyzer drops self
    // references), so the new edge is added explicitly; elsewhere it duplicates the retarget.
    TypeInfo from = r.topLevelOf(n);
    if (from != null && !from.fqn().equals(hostTop)) {
      n.getBegin()
          .ifPresent(
              p ->
                  r.delta.added.add(
                      new GraphDelta.Ref(from.fqn(), hostTop, f.display(), p.line, p.column)));
    }
  }

  /** Javadoc links to the old name (qualified or relative to an enclosing type) follow it. */
  private void javadoc(ParsedFile f, MovedType t, MemberText skip, String ref) {
    for (Comment c : f.comments()) {
      if (!(c instanceof JavadocComment)
          || c.getBegin().isEmpty()
          || skip != null && skip.contains(f.begin(c))) {
        continue;
      }
      int base = f.begin(c) + 3;
      Matcher m = NestedTypeMover.oldName(t).matcher(c.getContent());
      while (m.find()) {
        r.edit(f, base + m.start(), base + m.end(), ref);
      }
    }
  }
}
