package dev.lockkit.refactor.move.rewrite;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.comments.JavadocComment;
import dev.lockkit.refactor.move.check.GraphDelta;
import dev.lockkit.refactor.move.check.Presence;
import dev.lockkit.refactor.move.model.MovedType;
import dev.lockkit.refactor.move.model.ParsedFile;
import dev.lockkit.refactor.move.model.TypeInfo;
import java.util.ArrayList;
import java.util.List;
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
 * whether it may still use them (private ones it may not) is javac's verdict on the result.
 */
final class NestedTypeMover {

  private final MoveRewriter r;

  NestedTypeMover(MoveRewriter r) {
    this.r = r;
  }

  /** Rewrites every reference, creates the new file, cuts the old text. */
  void move(MovedType t) {
    TypeInfo inner = t.type();
    TypeInfo outer = inner.outer();
    ParsedFile home = inner.file();
    MemberText span = MemberText.of(home, inner.decl());
    // Access (the enclosing type using its private or package-private members, the old package
    // using them once it leaves) is javac's verdict on the result (CompileCheck).
    boolean needsPublic =
        TypeMoveSetUp.references(r, t, span, (f, skip) -> references(f, t, skip)).outsidePackage();
    TypeInfo gated = outer;
    while (gated != null && Presence.ifConfig(gated.decl()) == null) {
      gated = gated.outer();
    }
    if (gated != null) {
      // Its presence condition includes the enclosing types'; a new top-level file would lose
      // that conjunct, and writing it there is not done yet: a gating conflict, not a silent
      // change.
      r.conflict(
          "gate/unguarded-reference",
          home,
          inner.decl(),
          t.oldFqn()
              + " exists only under "
              + gated.fqn()
              + "'s @IfConfig; as a top-level type it would lose that condition (not preserved"
              + " yet for nested type moves)",
          t.oldFqn() + " @IfConfig");
    }
    r.changes.create(t.newFile(), new NestedTypeText(r).newText(t, span, needsPublic));
    r.delta.newTypes.add(
        new GraphDelta.NewType(t.newFqn(), t.destPackage(), outer.topLevel().fqn()));
    TypeMoveSetUp.cut(r, t, span, t.newFqn());
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
    String oldFqn = t.oldFqn();
    String simple = t.type().simpleName();
    boolean samePackage = f.packageName().equals(t.destPackage());
    String taken = f.singleImports().get(simple);
    boolean simpleFree =
        (taken == null || taken.equals(oldFqn))
            && f.cu().getTypes().stream().noneMatch(d -> d.getNameAsString().equals(simple));
    if (samePackage) {
      r.captured(f, t, TypeUses.other(r, f, t, skip, true), "package " + t.destPackage());
    } else if (simpleFree && TypeUses.other(r, f, t, skip, false) != null) {
      simpleFree = false; // the simple name means another type somewhere in this file
    }
    String ref = simpleFree ? simple : t.newFqn();
    boolean[] any = {false};
    boolean[] needImport = {false};
    boolean explicitImport = false;
    for (ImportDeclaration d : f.cu().getImports()) {
      String n = d.getNameAsString();
      // An on-demand import names the type as its container (`import static p.Outer.Pair.*;`,
      // `import p.Outer.Pair.*;`): only its prefix changes, like a member import's.
      if (!(n.equals(oldFqn) || n.startsWith(oldFqn + "."))) {
        continue;
      }
      any[0] = true;
      String text = f.source().text();
      if (n.equals(oldFqn) && !d.isAsterisk()) {
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
    for (TypeUses.Use u : TypeUses.of(r, f, t, skip)) {
      any[0] = true;
      if (!u.simple() || !simpleFree) {
        // A simple name that another type also goes by in this file is written in full.
        r.edit(f, u.start(), u.end(), ref);
      }
      needImport[0] |= simpleFree;
      retarget(f, u.node(), t);
    }
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
    for (Comment c : f.comments()) {
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

  /**
   * {@code pkg.Outer.Inner}, {@code Outer.Inner} or (nested deeper) {@code Top.Outer.Inner} in a
   * comment: the canonical name, or any name of it relative to an enclosing type.
   */
  static Pattern oldName(MovedType t) {
    TypeInfo outer = t.type().outer();
    List<String> names = new ArrayList<>();
    names.add(Pattern.quote(outer.fqn()));
    String relative = "";
    for (TypeInfo e = outer; e != null; e = e.outer()) {
      relative = relative.isEmpty() ? e.simpleName() : e.simpleName() + "." + relative;
      names.add(Pattern.quote(relative));
    }
    // Longest first, so that A.B.C is not read as B.C preceded by "A.".
    names.sort(java.util.Comparator.comparingInt(String::length).reversed());
    return Pattern.compile(
        "(?<![\\w.])(?:"
            + String.join("|", names)
            + ")\\."
            + Pattern.quote(t.type().simpleName())
            + "\\b");
  }
}
