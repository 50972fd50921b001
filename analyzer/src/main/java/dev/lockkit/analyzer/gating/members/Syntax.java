package dev.lockkit.analyzer.gating.members;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.lockkit.analyzer.finding.Location;

/**
 * Facts about syntax trees shared by {@link MemberExtractor} (indexing) and {@link Walker} (the
 * walk): which declarations are members of named types, their reference keys, and positions. A
 * class of its own so that the two do not depend on each other.
 */
final class Syntax {
  private Syntax() {}

  /** A parsed file and the path reports show for it. */
  record Unit(CompilationUnit cu, String path) {}

  /**
   * Whether {@code td} is a local class, or lies anywhere inside one or inside an anonymous class
   * body or an enum constant's body. Such a type has no name other code can refer to, so it is part
   * of the code of its enclosing member, never a member of the enclosing named type. Only a
   * top-level type and the member types of named types are named (JLS 6.7 canonical names).
   */
  static boolean isLocal(TypeDeclaration<?> td) {
    return !isNamed(td);
  }

  private static boolean isNamed(TypeDeclaration<?> td) {
    Node parent = td.getParentNode().orElse(null);
    if (parent == null || parent instanceof CompilationUnit) {
      return true;
    }
    return parent instanceof TypeDeclaration<?> outer && isNamed(outer);
  }

  /**
   * Whether {@code member} (a method, constructor, field, initializer or enum constant) is a member
   * of a named type — as opposed to a member of an anonymous class, of an enum constant's body or
   * of a local class, which belongs to the code around it.
   */
  static boolean isMemberOfNamedType(Node member) {
    return member.getParentNode().orElse(null) instanceof TypeDeclaration<?> td && isNamed(td);
  }

  /** The reference key of a method or constructor: {@code owner#name/arity}. */
  static String target(String owner, CallableDeclaration<?> c) {
    String name = c instanceof ConstructorDeclaration ? "<init>" : c.getNameAsString();
    return owner + "#" + name + "/" + c.getParameters().size();
  }

  /** {@code path:line:col} of a node in a unit. */
  static Location location(Unit u, Node n) {
    return n.getBegin()
        .map(p -> new Location(u.path(), p.line, p.column))
        .orElse(Location.ofFile(u.path()));
  }
}
