package dev.lockkit.refactor.move.rewrite;

import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.lockkit.refactor.move.model.FileScope;
import dev.lockkit.refactor.move.model.MovedElement;
import dev.lockkit.refactor.move.rewrite.MoveRewriter.DestModel;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code move/name-clash}: the destination already declares the same field name or method signature
 * (or two moves bring the same one); or code already in the destination calls a same-named member
 * through a static import, which the moved member would silently capture.
 */
final class NameClashes {

  private final MoveRewriter r;

  NameClashes(MoveRewriter r) {
    this.r = r;
  }

  void check() {
    for (DestModel d : r.dests.values()) {
      Map<String, MovedElement> incoming = new HashMap<>();
      for (MovedElement m : d.members) {
        MovedElement twin = incoming.putIfAbsent(m.signature(), m);
        if (twin != null) {
          r.conflict(
              "move/name-clash",
              m.origin().file(),
              m.decl(),
              m.display()
                  + " and "
                  + twin.display()
                  + " would both become "
                  + d.fqn()
                  + "#"
                  + m.signature(),
              d.fqn() + "#" + m.signature());
        }
      }
      TypeDeclaration<?> decl = d.decl();
      if (decl == null) {
        continue;
      }
      for (MovedElement m : d.members) {
        for (BodyDeclaration<?> b : decl.getMembers()) {
          boolean same =
              m.isField()
                  ? b instanceof FieldDeclaration f && FileScope.names(f).contains(m.name())
                  : b instanceof MethodDeclaration md
                      && MovedElement.signature(md).equals(m.signature());
          if (same) {
            r.conflict(
                "move/name-clash",
                d.first.destination().existing().file(),
                b,
                d.fqn()
                    + " already declares "
                    + m.signature()
                    + "; cannot move "
                    + m.display()
                    + " there",
                d.fqn() + "#" + m.signature());
          }
        }
        captured(d, decl, m);
      }
    }
  }

  /** Unqualified uses in the destination that a static import now supplies would bind to m. */
  private void captured(DestModel d, TypeDeclaration<?> decl, MovedElement m) {
    var file = d.first.destination().existing().file();
    FileScope scope = r.project.scope(file);
    decl.walk(
        n -> {
          String name = null;
          boolean method = false;
          if (n instanceof MethodCallExpr mc && mc.getScope().isEmpty()) {
            name = mc.getNameAsString();
            method = true;
          } else if (n instanceof NameExpr ne) {
            name = ne.getNameAsString();
          }
          if (name == null || !name.equals(m.name()) || method != m.isMethod()) {
            return;
          }
          FileScope.Member res = scope.resolveMember(name, method, n);
          boolean viaImport =
              res.kind() == FileScope.Kind.STATIC_IMPORT
                  || res.kind() == FileScope.Kind.UNKNOWN
                      && !scope
                          .staticSingleImports()
                          .getOrDefault(name, java.util.List.of())
                          .isEmpty();
          if (viaImport && (res.owner() == null || !res.owner().equals(m.origin()))) {
            r.conflict(
                "move/name-clash",
                file,
                n,
                "in "
                    + d.fqn()
                    + ", "
                    + name
                    + " currently comes from a static import; the moved "
                    + m.display()
                    + " would capture it",
                d.fqn() + "#" + m.name() + " captures static import");
          }
        });
  }
}
