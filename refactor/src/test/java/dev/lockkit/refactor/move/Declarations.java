package dev.lockkit.refactor.move;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import dev.lockkit.refactor.move.check.Presence;
import dev.lockkit.refactor.move.model.JavaProject;
import dev.lockkit.refactor.move.model.TypeInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A listing of a source tree's declarations: every type with its package, every member with the
 * type it lives in, each with its presence condition (own {@code @IfConfig} conjoined with the
 * enclosing ones). Sorted, so two trees with the same layout list identically.
 */
final class Declarations {

  private Declarations() {}

  /**
   * The listing of the types under {@code root} in the given subpackages of {@code packagePrefix},
   * names rewritten to start with {@code replacement}.
   */
  static String of(Path root, String packagePrefix, String replacement, List<String> subpackages)
      throws Exception {
    JavaProject p = JavaProject.load(List.of(root));
    TreeSet<String> lines = new TreeSet<>();
    for (TypeInfo t : p.types()) {
      if (!subpackages.contains(
          t.packageName()
              .substring(Math.min(t.packageName().length(), packagePrefix.length() + 1)))) {
        continue;
      }
      String type = t.fqn().replace(packagePrefix, replacement);
      lines.add(type + cond(t.decl()));
      for (BodyDeclaration<?> b : t.decl().getMembers()) {
        String name = null;
        if (b instanceof CallableDeclaration<?> c) {
          name =
              (c.isConstructorDeclaration() ? "<init>" : c.getNameAsString())
                  + c.getParameters().stream()
                      .map(x -> x.getType().asString())
                      .collect(Collectors.joining(",", "(", ")"));
        } else if (b instanceof FieldDeclaration f) {
          name =
              f.getVariables().stream()
                  .map(v -> v.getNameAsString())
                  .collect(Collectors.joining(","));
        }
        if (name != null) {
          lines.add(type + "#" + name.replace(packagePrefix, replacement) + cond(b));
        }
      }
    }
    return String.join("\n", lines) + "\n";
  }

  private static String cond(Node n) throws Exception {
    String c = Presence.chain(n).toString();
    return c.equals("true") ? "" : "  [" + c + "]";
  }
}
