package dev.lockkit.refactor.move.model;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.nodeTypes.NodeWithModifiers;
import dev.lockkit.refactor.move.plan.MoveOp;
import dev.lockkit.refactor.move.plan.PlanParser;
import java.util.stream.Collectors;

/**
 * A static member the plan moves, resolved to its declaration.
 *
 * @param op the plan line
 * @param origin the type it is declared in
 * @param decl its declaration (a method, or a field declaring exactly this one variable)
 * @param name its simple name
 * @param destination where it goes
 */
public record MovedElement(
    MoveOp op, TypeInfo origin, BodyDeclaration<?> decl, String name, Destination destination) {

  public boolean isMethod() {
    return decl instanceof MethodDeclaration;
  }

  public boolean isField() {
    return decl instanceof FieldDeclaration;
  }

  public int arity() {
    return isMethod() ? ((MethodDeclaration) decl).getParameters().size() : -1;
  }

  public boolean isVarArgs() {
    return isMethod()
        && ((MethodDeclaration) decl).getParameters().stream().anyMatch(p -> p.isVarArgs());
  }

  /** {@code name(erased, param, types)} for a method, the name for a field. */
  public String signature() {
    if (!isMethod()) {
      return name;
    }
    return signature((MethodDeclaration) decl);
  }

  /** Erased, simple-named signature of a method, for clash checks and messages. */
  public static String signature(MethodDeclaration m) {
    return m.getNameAsString()
        + "("
        + m.getParameters().stream()
            .map(
                p -> {
                  String t = PlanParser.normalizeType(p.getType().asString());
                  t = t.substring(t.lastIndexOf('.') + 1);
                  return p.isVarArgs() ? t + "[]" : t;
                })
            .collect(Collectors.joining(","))
        + ")";
  }

  /** The element's access level: 0 private, 1 package, 2 protected, 3 public. */
  public int access() {
    return access(decl);
  }

  /** Access level of any declaration: 0 private, 1 package, 2 protected, 3 public. */
  public static int access(Object decl) {
    if (decl instanceof NodeWithModifiers<?> m) {
      if (m.hasModifier(Modifier.Keyword.PUBLIC)) {
        return 3;
      }
      if (m.hasModifier(Modifier.Keyword.PROTECTED)) {
        return 2;
      }
      if (m.hasModifier(Modifier.Keyword.PRIVATE)) {
        return 0;
      }
    }
    return 1;
  }

  /** The plan-style display name, {@code pkg.Type#sig}. */
  public String display() {
    return origin.fqn() + "#" + signature();
  }
}
