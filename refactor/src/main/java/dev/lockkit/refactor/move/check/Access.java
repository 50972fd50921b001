package dev.lockkit.refactor.move.check;

import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.lockkit.refactor.move.model.FileScope;
import dev.lockkit.refactor.move.model.MovedElement;
import dev.lockkit.refactor.move.model.TypeInfo;

/**
 * Java access rules (JLS 6.6) for the questions a move asks: can code in a given top-level type and
 * package see a member or type? Levels are 0 private, 1 package, 2 protected, 3 public; protected
 * is granted only within the package, because a moved static member's new home is not a subclass of
 * the types it used (a conservative choice: it may report a conflict javac would accept).
 */
public final class Access {

  /** The member name that stands for a constructor in {@link #memberVisible}. */
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

  /** True if some member named {@code name} of {@code owner} is visible from the given place. */
  public static boolean memberVisible(
      TypeInfo owner, String name, boolean method, String fromTopLevel, String fromPkg) {
    int need = required(fromTopLevel, fromPkg, owner.topLevel().fqn(), owner.packageName());
    if (ofType(owner) < need) {
      return false;
    }
    for (BodyDeclaration<?> b : owner.decl().getMembers()) {
      boolean matches =
          method
              ? b instanceof MethodDeclaration m && m.getNameAsString().equals(name)
                  || b instanceof ConstructorDeclaration && name.equals(CONSTRUCTOR)
              : b instanceof FieldDeclaration f && FileScope.names(f).contains(name);
      if (matches && of(b, owner) >= need) {
        return true;
      }
    }
    if (!method && owner.decl().isEnumDeclaration()) {
      return true; // enum constants are public
    }
    return !declaresDirectly(owner.decl(), name, method); // inherited: checked where declared
  }

  private static boolean declaresDirectly(TypeDeclaration<?> t, String name, boolean method) {
    for (BodyDeclaration<?> b : t.getMembers()) {
      if (method && b instanceof MethodDeclaration m && m.getNameAsString().equals(name)
          || method && b instanceof ConstructorDeclaration && name.equals(CONSTRUCTOR)
          || !method && b instanceof FieldDeclaration f && FileScope.names(f).contains(name)) {
        return true;
      }
    }
    return false;
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
