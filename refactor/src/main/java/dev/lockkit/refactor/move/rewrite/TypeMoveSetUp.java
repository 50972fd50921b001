package dev.lockkit.refactor.move.rewrite;

import dev.lockkit.refactor.move.check.GraphDelta;
import dev.lockkit.refactor.move.model.MovedType;
import dev.lockkit.refactor.move.model.ParsedFile;

/**
 * The steps the nested and into-type movers share: rewriting every file's references while noting
 * who uses the type from where (which decides its new modifiers), and cutting a nested type's text
 * out of its enclosing type with the graph told where that text's references now start.
 */
final class TypeMoveSetUp {

  /** Rewrites one file's references to the moving type; true if the file uses it. */
  interface References {
    boolean rewrite(ParsedFile f, MemberText skip);
  }

  /**
   * Who uses the type after the move.
   *
   * @param outsidePackage a user outside the destination package (the host's file excluded)
   * @param outsideHost a user outside the host (for a move to a package: any user)
   */
  record Users(boolean outsidePackage, boolean outsideHost) {}

  private TypeMoveSetUp() {}

  /**
   * Rewrites the references in every parsed file, the moving type's own file outside {@code span}
   * (its own text moves as it is) or, when {@code span} is null, not at all (the file is deleted).
   */
  static Users references(MoveRewriter r, MovedType t, MemberText span, References refs) {
    ParsedFile home = t.type().file();
    ParsedFile hostFile = t.intoType() ? t.host().file() : null;
    boolean outsidePackage = false;
    boolean outsideHost = false;
    for (ParsedFile f : r.project.files()) {
      if (!f.parsed() || span == null && f == home) {
        continue;
      }
      if (refs.rewrite(f, f == home ? span : null) && f != hostFile) {
        outsideHost = true;
        outsidePackage |= !f.packageName().equals(t.destPackage());
      }
    }
    return new Users(outsidePackage, outsideHost);
  }

  /**
   * Cuts a nested type's text out of its enclosing type (the blank-line handling of a member move)
   * and records that the references made from it now come from {@code newOwner}.
   */
  static void cut(MoveRewriter r, MovedType t, MemberText span, String newOwner) {
    ParsedFile home = t.type().file();
    int[] del = MemberText.deletion(home.source().text(), span.start(), span.end());
    r.edit(home, del[0], del[1], "");
    var src = home.source();
    r.delta.moved.add(
        new GraphDelta.Span(
            home.display(),
            src.lineOf(span.start()),
            1,
            src.lineOf(Math.max(span.start(), span.end() - 1)),
            Integer.MAX_VALUE,
            newOwner));
  }
}
