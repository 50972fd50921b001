package dev.lockkit.refactor.move.rewrite;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.kconfig.FeatureModel;
import dev.lockkit.analyzer.pc.ExprSyntaxException;
import dev.lockkit.refactor.move.check.GraphDelta;
import dev.lockkit.refactor.move.check.Presence;
import dev.lockkit.refactor.move.model.MovedType;
import dev.lockkit.refactor.move.model.ParsedFile;
import dev.lockkit.refactor.move.model.TypeInfo;
import java.util.TreeSet;

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
    nameTaken(t);
    gating(t);
    // A user in another package; whether the host (and the type's members) are visible to it
    // there is javac's verdict on the result (CompileCheck).
    boolean needsPublic =
        TypeMoveSetUp.references(r, t, null, (f, skip) -> references(f, t)).outsidePackage();
    MemberText span = MemberText.of(home, helper.decl());
    String body = new IntoTypeText(r, t, span).text(needsPublic, true);
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

  /** A member type of the host already named like the moved type. */
  void nameTaken(MovedType t) {
    if (r.project.type(t.newFqn()) != null) {
      r.conflict(
          "move/name-clash",
          t.host().file(),
          t.host().decl(),
          t.host().fqn() + " already has a member type named " + t.type().simpleName(),
          t.oldFqn() + " -> " + t.newFqn());
    }
  }

  /**
   * The host's presence condition must hold wherever the moved type existed. For a nested type its
   * condition includes every enclosing level's {@code @IfConfig}; what the host does not imply
   * would have to be written onto the moved text, which is not done yet (as for a nested type moved
   * out): a gating conflict, not a silent widening.
   */
  void gating(MovedType t) {
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
    } else if (t.nested() && pd.annotation() != null && !pd.keepOwn()) {
      r.conflict(
          "gate/unguarded-reference",
          home,
          t.type().decl(),
          t.oldFqn()
              + " exists only where "
              + pd.condition()
              + " holds (its enclosing types' @IfConfig); inside "
              + t.host().fqn()
              + " it would lose "
              + pd.annotation()
              + " (not preserved yet for nested type moves)",
          t.oldFqn() + " @IfConfig");
    }
  }

  /** Inserts the re-indented declaration before the host's closing brace. */
  void insert(MovedType t, String body) {
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
    if (inHost) {
      r.captured(f, t, TypeUses.other(r, f, t, null, false), t.host().fqn());
    }
    boolean[] simpleUse = {false};
    boolean[] found = {any};
    for (TypeUses.Use u : TypeUses.of(r, f, t, null)) {
      found[0] = true;
      if (u.simple()) {
        simpleUse[0] = true;
      } else {
        r.edit(f, u.start(), u.end(), qualified);
      }
    }
    if (simpleUse[0] && !explicitImport && !inHost) {
      r.plan(f, null).forceImport(t.newFqn());
    }
    TypeMover.javadoc(r, f, t, simpleUse[0] || explicitImport || inHost);
    return found[0];
  }
}
