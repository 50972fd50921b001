package dev.lockkit.refactor.move.check;

import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import dev.lockkit.refactor.move.model.MovedElement;
import dev.lockkit.refactor.move.model.TypeInfo;

/**
 * Access levels of declarations as written (0 private, 1 package, 2 protected, 3 public; interface
 * members public, nested types limited by their enclosing types) and the level a place needs, for
 * the modifiers a move writes: a moved member made public when a user is outside the destination's
 * package. Whether a use is legal after the move is not decided here but by javac's attribution of
 * the result ({@code CompileCheck}), which knows the member a name means and the protected rules.
 */
public final class Access {

  /** The member name that stands for a constructor in a {@code MEMBER_USE} site. */
  public static final String CONSTRUCTOR = "<init>";

  private Access() {}

  /** Effective access of a member declaration in {@code owner} (interface members are public). */
  public static int of(BodyDeclaration<?> decl, TypeInfo owner) {
    if (owner.decl() instanceof ClassOrInterfaceDeclaration c && c.isInterface()) {
      return MovedElement.access(decl) == 0 ? 0 : 3;
    }
    if (owner.decl().isAnnotationDeclaration()) {
      return 3;
    }
    return MovedElement.access(decl);
  }

  /** Effective access of a type declaration, nested types limited by their enclosing types. */
  public static int ofType(TypeInfo t) {
    int own = t.outer() == null ? MovedElement.access(t.decl()) : of(t.decl(), t.outer());
    return t.outer() == null ? own : Math.min(own, ofType(t.outer()));
  }

  /** The level code in {@code topLevel}/{@code pkg} needs to see something of {@code target}. */
  public static int required(
      String fromTopLevel, String fromPkg, String targetTopLevel, String targetPkg) {
    if (fromTopLevel.equals(targetTopLevel)) {
      return 0;
    }
    return fromPkg.equals(targetPkg) ? 1 : 3;
  }

  /** The keyword for a level, "" for package access. */
  public static String keyword(int level) {
    return switch (level) {
      case 0 -> "private";
      case 2 -> "protected";
      case 3 -> "public";
      default -> "";
    };
  }

  /** A level's name in messages. */
  public static String label(int level) {
    return level == 1 ? "package-private" : keyword(level);
  }
}
