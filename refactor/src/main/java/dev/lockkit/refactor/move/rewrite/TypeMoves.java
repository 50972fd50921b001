package dev.lockkit.refactor.move.rewrite;

import dev.lockkit.refactor.move.model.MovedElement;
import dev.lockkit.refactor.move.model.MovedType;
import java.util.List;

/** Plan-level rules for type moves, checked before any rewriting. */
public final class TypeMoves {

  private TypeMoves() {}

  /**
   * Why a type move and a member move of one plan cannot go together, or null: a member moving out
   * of or into a type whose file the plan also moves would edit a file that is being deleted.
   */
  public static String overlap(MovedType t, List<MovedElement> members) {
    return TypeMover.overlapOf(t, members);
  }
}
