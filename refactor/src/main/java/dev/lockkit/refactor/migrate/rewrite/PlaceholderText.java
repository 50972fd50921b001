package dev.lockkit.refactor.migrate.rewrite;

import com.github.javaparser.JavaToken;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import dev.lockkit.refactor.migrate.match.Bindings;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text an after template's call of a {@code @Placeholder} method is replaced by: the code the
 * before's call bound, where each use of a before argument is written as the after's argument
 * ({@code e -> f(e.getValue())} before, {@code v -> f(v)} after: {@code e.getValue().trim()}
 * becomes {@code v.trim()}). An after argument is a lambda parameter's name (checked when the
 * template file is read); bound by the match, it takes the target's name.
 */
final class PlaceholderText {

  private PlaceholderText() {}

  private record Use(String text, String old, JavaToken last) {}

  static String of(
      String boundText,
      Expression target,
      List<List<Expression>> uses,
      NodeList<Expression> afterArguments,
      Bindings bindings) {
    Map<JavaToken, Use> replace = new IdentityHashMap<>();
    for (int i = 0; i < uses.size() && i < afterArguments.size(); i++) {
      if (!(afterArguments.get(i) instanceof NameExpr n)) {
        continue; // the before's own argument code (checked when the file was read): kept as is
      }
      String name = n.getNameAsString();
      String local = bindings.local(name);
      String text = local != null ? local : name;
      for (Expression use : uses.get(i)) {
        String old = original(use);
        if (!old.equals(text)) {
          var range = use.getTokenRange().orElseThrow();
          replace.put(range.getBegin(), new Use(text, old, range.getEnd()));
        }
      }
    }
    if (replace.isEmpty()) {
      return boundText;
    }
    if (!boundText.equals(original(target))) {
      // Rewrites nested inside the bound code changed its text: each use is replaced where its
      // original text (the before's argument code, such as 'e.getValue()') still stands.
      String out = boundText;
      for (Use u : replace.values()) {
        out = out.replace(u.old(), u.text());
      }
      return out;
    }
    StringBuilder sb = new StringBuilder();
    JavaToken skipTo = null;
    for (JavaToken tok : target.getTokenRange().orElseThrow()) {
      if (skipTo != null) {
        if (tok == skipTo) {
          skipTo = null;
        }
        continue;
      }
      Use u = replace.get(tok);
      if (u != null) {
        sb.append(u.text());
        if (tok != u.last()) {
          skipTo = u.last();
        }
        continue;
      }
      sb.append(tok.getText());
    }
    return sb.toString();
  }

  private static String original(Expression e) {
    return e.getTokenRange().map(Object::toString).orElseGet(e::toString);
  }
}
