package dev.lockkit.refactor.move.rewrite;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.lockkit.refactor.javac.Attribution;
import dev.lockkit.refactor.move.model.MovedElement;
import dev.lockkit.refactor.move.rewrite.MoveRewriter.DestModel;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * {@code move/name-clash}: the destination already declares the same field name or method signature
 * (or two moves bring the same one); or code already in the destination calls a same-named member
 * through a static import (as javac binds it), which the moved member would silently capture.
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
                  ? b instanceof FieldDeclaration f
                      && f.getVariables().stream()
                          .anyMatch(v -> v.getNameAsString().equals(m.name()))
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

  /**
   * Unqualified uses in the destination that javac binds through a static import (to anything but
   * {@code m} itself) would bind to {@code m} once the destination declares it. A use javac did not
   * resolve is reported by the reference pass ({@code move/unresolved}), not here.
   */
  private void captured(DestModel d, TypeDeclaration<?> decl, MovedElement m) {
    var file = d.first.destination().existing().file();
    java.nio.file.Path path = file.source().path();
    Node declName =
        m.decl() instanceof MethodDeclaration md
            ? md.getName()
            : ((FieldDeclaration) m.decl()).getVariable(0).getName();
    Element moved =
        r.javac.declaredAt(m.origin().file().source().path(), m.origin().file().begin(declName));
    decl.walk(
        n -> {
          String name = null;
          boolean method = false;
          int end = 0;
          if (n instanceof MethodCallExpr mc && mc.getScope().isEmpty()) {
            name = mc.getNameAsString();
            method = true;
            end = file.end(mc.getName());
          } else if (n instanceof NameExpr ne) {
            name = ne.getNameAsString();
            end = file.end(ne);
          }
          if (name == null || !name.equals(m.name()) || method != m.isMethod()) {
            return;
          }
          Attribution.Binding b = r.javac.at(path, file.begin(n), end);
          if (b == null || !b.resolved()) {
            return;
          }
          Element e = b.element();
          boolean viaImport =
              !b.viaEnclosingScope() && e.getEnclosingElement() instanceof TypeElement;
          if (viaImport && !e.equals(moved)) {
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
