package dev.lockkit.refactor.migrate.rewrite;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import dev.lockkit.refactor.edit.SourceFile;
import dev.lockkit.refactor.migrate.match.Bindings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The text an after template's call of a {@code @Placeholder} method is replaced by: the code the
 * before's call bound, where each use of a before argument is written as the after's argument
 * ({@code e -> f(e.getValue())} before, {@code v -> f(v)} after: {@code e.getValue().trim()}
 * becomes {@code v.trim()}). An after argument is a lambda parameter's name (checked when the
 * template file is read); bound by the match, it takes the target's name.
 */
final class PlaceholderText {

  private PlaceholderText() {}

  /** A use of a before argument at {@code [start, end)} of the target file, and its new text. */
  private record Use(int start, int end, String text, String old) {}

  /**
   * @param file the target file (the analysed trees keep no tokens: the text is cut from it)
   */
  static String of(
      String boundText,
      Expression target,
      List<List<Expression>> uses,
      NodeList<Expression> afterArguments,
      Bindings bindings,
      SourceFile file) {
    List<Use> replace = new ArrayList<>();
    for (int i = 0; i < uses.size() && i < afterArguments.size(); i++) {
      if (!(afterArguments.get(i) instanceof NameExpr n)) {
        continue; // the before's own argument code (checked when the file was read): kept as is
      }
      String name = n.getNameAsString();
      String local = bindings.local(name);
      String text = local != null ? local : name;
      for (Expression use : uses.get(i)) {
        int start = AfterRenderer.start(file, use);
        int end = AfterRenderer.end(file, use);
        String old = file.text().substring(start, end);
        if (!old.equals(text)) {
          replace.add(new Use(start, end, text, old));
        }
      }
    }
    if (replace.isEmpty()) {
      return boundText;
    }
    int from = AfterRenderer.start(file, target);
    int to = AfterRenderer.end(file, target);
    if (!boundText.equals(file.text().substring(from, to))) {
      // Rewrites nested inside the bound code changed its text: each use is replaced where its
      // original text (the before's argument code, such as 'e.getValue()') still stands.
      String out = boundText;
      for (Use u : replace) {
        out = out.replace(u.old(), u.text());
      }
      return out;
    }
    replace.sort(Comparator.comparingInt(Use::start));
    StringBuilder sb = new StringBuilder();
    int at = from;
    for (Use u : replace) {
      if (u.start() < at) {
        continue; // inside a use already replaced
      }
      sb.append(file.text(), at, u.start()).append(u.text());
      at = u.end();
    }
    sb.append(file.text(), at, to);
    return sb.toString();
  }
}
