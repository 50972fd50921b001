package dev.lockkit.refactor.move.rewrite;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.comments.JavadocComment;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.lockkit.refactor.move.model.MovedElement;
import dev.lockkit.refactor.move.model.ParsedFile;
import dev.lockkit.refactor.move.model.TypeInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Imports after a move: static imports of moved members follow them, planned imports are added, and
 * single-type imports whose last use the move removed are deleted (imports that were already unused
 * are left alone: not this refactoring's business). No wildcard is ever introduced.
 */
final class ImportCleanup {

  private final MoveRewriter r;

  ImportCleanup(MoveRewriter r) {
    this.r = r;
  }

  void run() {
    staticImports();
    for (Map.Entry<ParsedFile, ImportPlan> e : r.plans.entrySet()) {
      if (r.movedFiles.containsKey(e.getKey())) {
        continue; // its imports went into the recreated copy
      }
      for (Map.Entry<Integer, String> ins : e.getValue().insertions().entrySet()) {
        r.changes.insert(e.getKey().source(), ins.getKey(), ins.getValue());
        r.inserted.computeIfAbsent(e.getKey(), k -> new StringBuilder()).append(ins.getValue());
      }
    }
    Set<ParsedFile> touched = new LinkedHashSet<>(r.removed.keySet());
    for (ParsedFile f : touched) {
      if (r.movedFiles.containsKey(f)) {
        continue;
      }
      unusedImports(f);
    }
  }

  /** True if {@code owner} keeps some member named {@code name} after the plan. */
  private boolean keeps(TypeInfo owner, String name) {
    for (BodyDeclaration<?> b : owner.decl().getMembers()) {
      boolean named =
          b instanceof MethodDeclaration m && m.getNameAsString().equals(name)
              || b instanceof FieldDeclaration f
                  && f.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name));
      if (named && r.moved.stream().noneMatch(m -> m.decl() == b)) {
        return true;
      }
    }
    return false;
  }

  private void staticImports() {
    // Users that reach a moved member through a static import need one of its new home.
    for (Site s : r.staticImported) {
      MovedElement t = s.target();
      TypeInfo userTop = r.topLevelOf(s.node());
      if (userTop != null && userTop.fqn().equals(t.destination().topLevelFqn())) {
        continue;
      }
      r.plan(s.file(), null).addStatic(t.destination().fqn(), t.name());
    }
    // Single static imports of a member that no longer exists at the origin must go.
    for (ParsedFile f : r.project.files()) {
      if (!f.parsed()) {
        continue;
      }
      for (ImportDeclaration d : f.cu().getImports()) {
        if (!d.isStatic() || d.isAsterisk()) {
          continue;
        }
        String n = d.getNameAsString();
        int dot = n.lastIndexOf('.');
        TypeInfo owner = r.project.type(n.substring(0, dot));
        String member = n.substring(dot + 1);
        if (owner == null || keeps(owner, member) || r.options.keepForwarders()) {
          continue;
        }
        boolean movedHere =
            r.moved.stream().anyMatch(m -> m.origin().equals(owner) && m.name().equals(member));
        if (movedHere) {
          deleteLine(f, d);
          if (r.staticImported.stream().noneMatch(s -> s.file() == f)) {
            // An unused import of the moved member: keep it pointing at the member's new home.
            for (MovedElement m : r.moved) {
              if (m.origin().equals(owner) && m.name().equals(member)) {
                r.plan(f, null).addStatic(m.destination().fqn(), member);
              }
            }
          }
        }
      }
    }
  }

  private void deleteLine(ParsedFile f, Node n) {
    String text = f.source().text();
    int s = ImportPlan.lineStart(text, f.begin(n));
    int e = ImportPlan.lineEnd(text, f.end(n));
    r.changes.replace(f.source(), s, e, "");
    r.removed.computeIfAbsent(f, k -> new ArrayList<>()).add(new int[] {s, e});
  }

  private void unusedImports(ParsedFile f) {
    if (!f.parsed()) {
      return;
    }
    List<int[]> gone = r.removed.getOrDefault(f, List.of());
    String added = r.inserted.getOrDefault(f, new StringBuilder()).toString();
    Map<String, List<Node>> named = null; // one walk of the file for all its imports
    Map<String, List<Integer>> inJavadoc = null; // one scan of its Javadoc for all its imports
    for (ImportDeclaration d : f.cu().getImports()) {
      if (d.isStatic() || d.isAsterisk()) {
        continue;
      }
      String simple = d.getName().getIdentifier();
      if (named == null) {
        named = simpleNames(f);
        inJavadoc = javadocWords(f);
      }
      int[] counts = uses(f, simple, gone, named.getOrDefault(simple, List.of()), inJavadoc);
      if (counts[0] > 0
          && counts[1] == 0
          && !Pattern.compile("\\b" + Pattern.quote(simple) + "\\b").matcher(added).find()
          && !insideRemoved(f.begin(d), gone)) {
        deleteLine(f, d);
      }
    }
  }

  /**
   * The nodes of the file's code that may use an import, by the simple name they spell: unqualified
   * types (at their name), plain names and annotations.
   */
  private static Map<String, List<Node>> simpleNames(ParsedFile f) {
    Map<String, List<Node>> out = new java.util.HashMap<>();
    f.cu()
        .walk(
            n -> {
              String name = null;
              Node at = n;
              if (n instanceof ClassOrInterfaceType t && t.getScope().isEmpty()) {
                name = t.getNameAsString();
                at = t.getName();
              } else if (n instanceof NameExpr ne) {
                name = ne.getNameAsString();
              } else if (n instanceof AnnotationExpr a) {
                name = a.getNameAsString();
              }
              if (name != null) {
                out.computeIfAbsent(name, k -> new ArrayList<>()).add(at);
              }
            });
    return out;
  }

  /**
   * The words of the file's Javadoc comments that a use of an import may be, by word, with their
   * text offsets: each maximal run of word characters ({@code [A-Za-z0-9_]}) not preceded by a dot
   * nor followed by another letter or digit. For a name made of word characters that is exactly
   * where the pattern {@code (?<![\w.])Name\b} matches, found in one pass over the comments instead
   * of one pass per import.
   */
  private static Map<String, List<Integer>> javadocWords(ParsedFile f) {
    Map<String, List<Integer>> out = new java.util.HashMap<>();
    for (Comment cm : f.comments()) {
      if (!(cm instanceof JavadocComment) || cm.getBegin().isEmpty()) {
        continue;
      }
      String s = cm.getContent();
      int base = f.begin(cm) + 3;
      int n = s.length();
      for (int i = 0; i < n; ) {
        if (!isWord(s.charAt(i))) {
          i++;
          continue;
        }
        int j = i + 1;
        while (j < n && isWord(s.charAt(j))) {
          j++;
        }
        // \b after the name: on this JDK a letter or digit of any script continues the word.
        boolean ends = j == n || !Character.isLetterOrDigit(s.charAt(j));
        if (ends && (i == 0 || s.charAt(i - 1) != '.')) {
          out.computeIfAbsent(s.substring(i, j), k -> new ArrayList<>()).add(base + i);
        }
        i = j;
      }
    }
    return out;
  }

  /** A character of the regular-expression class {@code \w} (ASCII, as Java's default). */
  private static boolean isWord(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  /** {all uses, uses outside removed spans} of a simple type name in code and Javadoc. */
  private static int[] uses(
      ParsedFile f,
      String simple,
      List<int[]> gone,
      List<Node> inCode,
      Map<String, List<Integer>> inJavadoc) {
    int[] c = new int[2];
    for (Node at : inCode) {
      c[0]++;
      if (!insideRemoved(f.begin(at), gone)) {
        c[1]++;
      }
    }
    if (simple.chars().allMatch(ch -> isWord((char) ch))) {
      for (int at : inJavadoc.getOrDefault(simple, List.of())) {
        c[0]++;
        if (!insideRemoved(at, gone)) {
          c[1]++;
        }
      }
      return c;
    }
    // A name with other characters ($, non-ASCII letters): the pattern itself.
    Pattern word = Pattern.compile("(?<![\\w.])" + Pattern.quote(simple) + "\\b");
    for (Comment cm : f.comments()) {
      if (cm instanceof JavadocComment && cm.getBegin().isPresent()) {
        var m = word.matcher(cm.getContent());
        int base = f.begin(cm) + 3;
        while (m.find()) {
          c[0]++;
          if (!insideRemoved(base + m.start(), gone)) {
            c[1]++;
          }
        }
      }
    }
    return c;
  }

  private static boolean insideRemoved(int offset, List<int[]> gone) {
    for (int[] g : gone) {
      if (offset >= g[0] && offset < g[1]) {
        return true;
      }
    }
    return false;
  }
}
