package dev.lockkit.refactor.javac;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * The annotations of a source declaration as written, read from javac's tree of it: the annotation
 * type need not resolve (javac drops an annotation whose type it cannot resolve from the element's
 * mirrors, and with it the value), as the analyzer reads annotations by simple name.
 */
public final class WrittenAnnotations {

  /**
   * One annotation as written.
   *
   * @param simpleName the last identifier of the annotation's type as written ({@code IfConfig} of
   *     {@code @a.b.IfConfig})
   * @param value the string literal given as its single value or as {@code value = ...}; null when
   *     there is none or it is not a string literal
   */
  public record Written(String simpleName, String value) {}

  private WrittenAnnotations() {}

  /** The annotations on {@code e}'s declaration; null when javac has no source tree for it. */
  static List<Written> of(Trees trees, Element e) {
    Tree t;
    try {
      t = trees.getTree(e);
    } catch (RuntimeException ex) {
      return null; // an element javac cannot map back to a tree: no source here
    }
    ModifiersTree mods;
    if (t instanceof ClassTree c) {
      mods = c.getModifiers();
    } else if (t instanceof MethodTree m) {
      mods = m.getModifiers();
    } else if (t instanceof VariableTree v) {
      mods = v.getModifiers();
    } else {
      return null;
    }
    List<Written> out = new ArrayList<>();
    for (AnnotationTree a : mods.getAnnotations()) {
      out.add(new Written(simpleName(a.getAnnotationType()), value(a)));
    }
    return out;
  }

  private static String simpleName(Tree type) {
    if (type instanceof MemberSelectTree s) {
      return s.getIdentifier().toString();
    }
    return type instanceof IdentifierTree i ? i.getName().toString() : type.toString();
  }

  private static String value(AnnotationTree a) {
    for (ExpressionTree arg : a.getArguments()) {
      ExpressionTree v = arg;
      if (arg instanceof AssignmentTree as) {
        if (!(as.getVariable() instanceof IdentifierTree n)
            || !n.getName().contentEquals("value")) {
          continue;
        }
        v = as.getExpression();
      }
      return v instanceof LiteralTree l && l.getValue() instanceof String s ? s : null;
    }
    return null;
  }
}
