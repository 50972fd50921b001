package dev.lockkit.refactor.javac;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.lockkit.refactor.javac.Attribution.Binding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * What javac bound in each attributed unit, keyed by character span in the unit's text: the binding
 * of every name, member select, method reference and object creation; which of those name a type or
 * package; the element of every Javadoc reference; the element of every declared name.
 *
 * <p>Filled while javac's task is alive (its trees are read once, by the scanners here), so that
 * {@link Attribution}'s answers are look-ups by span: callers match JavaParser nodes to javac's
 * trees by their span in the same text.
 */
final class BindingIndex {

  private final Map<Path, Map<Long, Binding>> spans = new HashMap<>();
  private final Map<Path, Map<Integer, Element>> declarations = new HashMap<>();
  private final Map<Path, Map<Long, Boolean>> typeQualifiers = new HashMap<>();
  private final Map<Path, Map<Long, Element>> links = new HashMap<>();

  /** The task's type operations (null when no javac task ran: then nothing is indexed). */
  private final Types types;

  BindingIndex(Types types) {
    this.types = types;
  }

  /** True if {@code file} was indexed. */
  boolean covers(Path file) {
    return spans.containsKey(file);
  }

  Binding at(Path file, int start, int end) {
    Map<Long, Binding> m = spans.get(file);
    return m == null ? null : m.get(key(start, end));
  }

  void forEachBinding(Path file, Attribution.SpanVisitor visitor) {
    for (Map.Entry<Long, Binding> e : spans.getOrDefault(file, Map.of()).entrySet()) {
      long k = e.getKey();
      visitor.visit((int) (k >>> 32), (int) k, e.getValue());
    }
  }

  boolean namesType(Path file, int start, int end) {
    Map<Long, Boolean> m = typeQualifiers.get(file);
    return m != null && Boolean.TRUE.equals(m.get(key(start, end)));
  }

  Element linkAt(Path file, int start, int end) {
    Map<Long, Element> m = links.get(file);
    return m == null ? null : m.get(key(start, end));
  }

  Element declaredAt(Path file, int nameOffset) {
    Map<Integer, Element> m = declarations.get(file);
    return m == null ? null : m.get(nameOffset);
  }

  private static long key(int start, int end) {
    return ((long) start << 32) | (end & 0xffffffffL);
  }

  /**
   * Indexes one attributed unit.
   *
   * @param fileErrors javac's errors in the unit: a reference with an error inside its span is not
   *     resolved
   * @param docNames null to index every Javadoc link; else only those of comments that spell one of
   *     these names ({@link #docLinks})
   */
  void index(
      Path file,
      CompilationUnitTree cu,
      Trees trees,
      List<Diagnostic<? extends JavaFileObject>> fileErrors,
      java.util.Set<String> docNames) {
    SourcePositions pos = trees.getSourcePositions();
    Map<Long, Binding> bySpan = new HashMap<>();
    Map<Integer, Element> decls = new TreeMap<>();
    Map<Long, Boolean> typeNames = new HashMap<>();
    spans.put(file, bySpan);
    declarations.put(file, decls);
    typeQualifiers.put(file, typeNames);
    List<long[]> errorSpans = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : fileErrors) {
      errorSpans.add(new long[] {d.getStartPosition(), d.getEndPosition(), d.getPosition()});
    }
    String text;
    try {
      text = cu.getSourceFile().getCharContent(true).toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void v) {
        record(node, null);
        return super.visitIdentifier(node, v);
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void v) {
        record(node, node.getExpression());
        return super.visitMemberSelect(node, v);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree node, Void v) {
        record(node, node.getQualifierExpression());
        return super.visitMemberReference(node, v);
      }

      @Override
      public Void visitNewClass(com.sun.source.tree.NewClassTree node, Void v) {
        record(node, null);
        return super.visitNewClass(node, v);
      }

      @Override
      public Void visitMethod(MethodTree node, Void v) {
        Tree after = node.getReturnType();
        int from = after == null ? (int) pos.getStartPosition(cu, node) : end(after);
        String name = node.getName().contentEquals("<init>") ? null : node.getName().toString();
        if (name != null) {
          declare(from, name);
        }
        return super.visitMethod(node, v);
      }

      @Override
      public Void visitVariable(VariableTree node, Void v) {
        if (node.getType() != null
            && getCurrentPath().getParentPath().getLeaf() instanceof ClassTree) {
          declare(end(node.getType()), node.getName().toString());
        }
        return super.visitVariable(node, v);
      }

      @Override
      public Void visitClass(ClassTree node, Void v) {
        if (!node.getSimpleName().isEmpty()) {
          declare((int) pos.getStartPosition(cu, node), node.getSimpleName().toString());
        }
        return super.visitClass(node, v);
      }

      private int end(Tree t) {
        return (int) pos.getEndPosition(cu, t);
      }

      /** Finds the declared name at or after {@code from} and records the declared element. */
      private void declare(int from, String name) {
        if (from < 0) {
          return;
        }
        int at = from;
        while (true) {
          at = text.indexOf(name, at);
          if (at < 0) {
            return;
          }
          boolean startOk = at == 0 || !Character.isJavaIdentifierPart(text.charAt(at - 1));
          int after = at + name.length();
          boolean endOk =
              after >= text.length() || !Character.isJavaIdentifierPart(text.charAt(after));
          if (startOk && endOk) {
            break;
          }
          at = after;
        }
        Element e = trees.getElement(getCurrentPath());
        if (e != null) {
          decls.put(at, e);
        }
      }

      private void record(ExpressionTree node, ExpressionTree qualifier) {
        long start = pos.getStartPosition(cu, node);
        long end = pos.getEndPosition(cu, node);
        if (start < 0 || end < 0) {
          return;
        }
        TreePath path = getCurrentPath();
        Element e = trees.getElement(path);
        if (e != null
            && (e.getKind().isClass()
                || e.getKind().isInterface()
                || e.getKind() == ElementKind.PACKAGE)) {
          typeNames.put(key((int) start, (int) end), true);
        }
        String problem = problem(e, start, end, path, trees);
        boolean viaScope =
            qualifier == null
                && e != null
                && !(node instanceof com.sun.source.tree.NewClassTree)
                && viaEnclosing(path, e, trees);
        bySpan.put(key((int) start, (int) end), new Binding(e, viaScope, problem));
      }

      private String problem(Element e, long start, long end, TreePath path, Trees trees) {
        if (e == null || e.asType() == null || e.asType().getKind() == TypeKind.ERROR) {
          return "javac could not resolve it";
        }
        for (int i = 0; i < errorSpans.size(); i++) {
          long[] s = errorSpans.get(i);
          if (s[2] >= start && s[2] < end || s[0] >= start && s[0] < end) {
            return "javac reports an error there: "
                + fileErrors.get(i).getMessage(Locale.ROOT).lines().findFirst().orElse("");
          }
        }
        Tree parent = path.getParentPath() == null ? null : path.getParentPath().getLeaf();
        if (parent instanceof MethodInvocationTree mi && mi.getMethodSelect() == path.getLeaf()) {
          for (ExpressionTree arg : mi.getArguments()) {
            TypeMirror t = trees.getTypeMirror(new TreePath(path.getParentPath(), arg));
            if (t == null || t.getKind() == TypeKind.ERROR) {
              return "javac could not type an argument of the call";
            }
          }
        }
        return null;
      }
    }.scan(cu, null);
    docLinks(file, cu, trees, docNames);
  }

  /**
   * Indexes the Javadoc references of the unit by their span, with the element javac gives them: of
   * every comment when {@code names} is null, else of the comments whose text spells one of {@code
   * names}. A unit attributed with its other bodies blanked only needs the links that may denote
   * what those names name (a link spells its target's name); parsing every other comment with
   * javac's doc parser and resolving its links was a visible part of a what-if's javac run, and a
   * link's resolution can make javac complete a class nothing else needs.
   */
  private void docLinks(
      Path file, CompilationUnitTree cu, Trees trees, java.util.Set<String> names) {
    if (!(trees instanceof com.sun.source.util.DocTrees docTrees)) {
      return;
    }
    Map<Long, Element> byRef = new HashMap<>();
    links.put(file, byRef);
    com.sun.source.util.DocSourcePositions pos = docTrees.getSourcePositions();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void v) {
        // Only declarations carry Javadoc.
        if ((tree instanceof ClassTree
                || tree instanceof MethodTree
                || tree instanceof VariableTree)
            && getCurrentPath() != null) {
          TreePath path = new TreePath(getCurrentPath(), tree);
          com.sun.source.doctree.DocCommentTree doc =
              names == null || spells(docTrees.getDocComment(path), names)
                  ? docTrees.getDocCommentTree(path)
                  : null;
          if (doc != null) {
            new com.sun.source.util.DocTreePathScanner<Void, Void>() {
              @Override
              public Void visitReference(com.sun.source.doctree.ReferenceTree ref, Void w) {
                long start = pos.getStartPosition(cu, doc, ref);
                long end = pos.getEndPosition(cu, doc, ref);
                Element e = docTrees.getElement(getCurrentPath());
                if (start >= 0 && end >= 0 && e != null) {
                  byRef.put(key((int) start, (int) end), e);
                }
                return null;
              }
            }.scan(new com.sun.source.util.DocTreePath(path, doc), null);
          }
        }
        return super.scan(tree, v);
      }
    }.scan(cu, null);
  }

  private static boolean spells(String comment, java.util.Set<String> names) {
    if (comment == null) {
      return false;
    }
    for (String n : names) {
      if (comment.contains(n)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if an unqualified name reached {@code e} through a lexically enclosing class (declared or
   * inherited there) rather than through an import.
   */
  private boolean viaEnclosing(TreePath path, Element e, Trees trees) {
    Element owner = e.getEnclosingElement();
    if (!(owner instanceof TypeElement ownerType)) {
      return true; // a local variable or parameter
    }
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree) {
        Element c = trees.getElement(p);
        if (c == null) {
          continue;
        }
        if (c.equals(ownerType)
            || types.isSubtype(types.erasure(c.asType()), types.erasure(ownerType.asType()))) {
          return true;
        }
      }
    }
    return false;
  }
}
