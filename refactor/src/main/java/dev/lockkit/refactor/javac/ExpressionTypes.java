package dev.lockkit.refactor.javac;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The type javac gives each expression (and each written type) of the attributed units where it
 * stands (a poly expression such as {@code new ArrayList<>()} or {@code List.of()} has the type
 * inferred from its target), and the method parameters they declare, by the offset of the
 * parameter's name. Filled by {@link Attribution#of(java.util.List, java.util.List, java.util.List,
 * Attribution.UnitScanner)} while javac's task is alive; the types are javac's, so they are
 * compared with that attribution's {@link Attribution#types()} only, and a caller keeps its answers
 * in its own form before letting go.
 */
public final class ExpressionTypes implements Attribution.UnitScanner {

  private final Map<Path, Map<Long, TypeMirror>> expressions = new HashMap<>();
  private final Map<Path, Map<Integer, VariableElement>> parameters = new HashMap<>();

  @Override
  public void scan(Path file, CompilationUnitTree unit, Trees trees) {
    SourcePositions pos = trees.getSourcePositions();
    Map<Long, TypeMirror> types = new HashMap<>();
    Map<Integer, VariableElement> params = new HashMap<>();
    expressions.put(file, types);
    parameters.put(file, params);
    String text;
    try {
      text = unit.getSourceFile().getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    new TreePathScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void v) {
        if ((tree instanceof ExpressionTree
                || tree instanceof com.sun.source.tree.PrimitiveTypeTree
                || tree instanceof com.sun.source.tree.ParameterizedTypeTree
                || tree instanceof com.sun.source.tree.ArrayTypeTree)
            && getCurrentPath() != null) {
          long start = pos.getStartPosition(unit, tree);
          long end = pos.getEndPosition(unit, tree);
          TypeMirror t = trees.getTypeMirror(new TreePath(getCurrentPath(), tree));
          if (start >= 0 && end >= 0 && t != null && t.getKind() != TypeKind.ERROR) {
            types.put(key((int) start, (int) end), t);
          }
        }
        return super.scan(tree, v);
      }

      @Override
      public Void visitVariable(VariableTree node, Void v) {
        if (getCurrentPath().getParentPath().getLeaf() instanceof MethodTree
            && node.getType() != null) {
          int at = nameAt(text, (int) pos.getEndPosition(unit, node.getType()), node);
          Element e = trees.getElement(getCurrentPath());
          if (at >= 0 && e instanceof VariableElement ve) {
            params.put(at, ve);
          }
        }
        return super.visitVariable(node, v);
      }
    }.scan(unit, null);
  }

  private static int nameAt(String text, int from, VariableTree node) {
    String name = node.getName().toString();
    int at = from;
    while (at >= 0) {
      at = text.indexOf(name, at);
      if (at < 0) {
        return -1;
      }
      int after = at + name.length();
      if ((at == 0 || !Character.isJavaIdentifierPart(text.charAt(at - 1)))
          && (after >= text.length() || !Character.isJavaIdentifierPart(text.charAt(after)))) {
        return at;
      }
      at = after;
    }
    return -1;
  }

  private static long key(int start, int end) {
    return ((long) start << 32) | (end & 0xffffffffL);
  }

  /** javac's type of the expression spanning {@code [start, end)} of {@code file}; or null. */
  public TypeMirror at(Path file, int start, int end) {
    Map<Long, TypeMirror> m = expressions.get(file);
    return m == null ? null : m.get(key(start, end));
  }

  /** Visits every typed expression of {@code file} with its span key (start high, end low). */
  public void forEach(Path file, BiConsumer<Long, TypeMirror> visitor) {
    expressions.getOrDefault(file, Map.of()).forEach(visitor);
  }

  /** The method parameter whose name starts at {@code nameOffset} of {@code file}; or null. */
  public VariableElement parameterAt(Path file, int nameOffset) {
    Map<Integer, VariableElement> m = parameters.get(file);
    return m == null ? null : m.get(nameOffset);
  }
}
