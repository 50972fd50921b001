package dev.lockkit.refactor.migrate.rewrite;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.lockkit.refactor.edit.SourceFile;
import dev.lockkit.refactor.migrate.match.Bindings;
import dev.lockkit.refactor.migrate.template.Ref;
import dev.lockkit.refactor.migrate.template.Template;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders an after template at one match.
 *
 * <p>Implementation overview. The output is the after template's own source text (so its layout is
 * the template author's), with three kinds of spans replaced: a placeholder by the text of the
 * target code it bound (supplied by the caller, which has already applied any rewrite nested inside
 * it), parenthesised only if {@link Precedence} says its slot needs it; a template local by the
 * target's variable name; a simple type name by the spelling {@link ImportPlan} chooses. Lines
 * after the first are re-indented from the template's indentation to the site's; substituted target
 * text is never re-indented, because it stays at the depth it was written at.
 */
public final class AfterRenderer {

  private AfterRenderer() {}

  private record Span(int start, int end, String text) {}

  /**
   * The after template's text for one match.
   *
   * @param templateFile the template file's text
   * @param bound the text each bound target expression is replaced by
   * @param targetIndent the indentation of the line the match starts on
   * @param targetFile the file the match is in (the text of bound code is cut from it)
   */
  public static String render(
      SourceFile templateFile,
      Template after,
      Bindings bindings,
      ImportPlan imports,
      Function<Expression, String> bound,
      String targetIndent,
      SourceFile targetFile) {
    List<? extends Node> body = after.body();
    int start = start(templateFile, body.get(0));
    int end = end(templateFile, body.get(body.size() - 1));
    List<Span> spans = new ArrayList<>();
    for (Map.Entry<Node, Ref> e : after.refs().entrySet()) {
      Node n = e.getKey();
      Ref ref = e.getValue();
      switch (ref.kind()) {
        case PLACEHOLDER -> {
          List<Expression> args = bindings.repeated(ref.name());
          if (args != null) {
            spans.add(repeated(templateFile, n, args, bound));
            continue;
          }
          Expression target = bindings.placeholder(ref.name());
          Node parent = n.getParentNode().orElseThrow();
          if (parent instanceof com.github.javaparser.ast.expr.UnaryExpr not
              && not.getOperator()
                  == com.github.javaparser.ast.expr.UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
            // '!p' with p bound to a comparison or a negation: written negated, as Refaster does.
            Negation.Negated neg = Negation.of(target, bound);
            Node outer = not.getParentNode().orElse(null);
            if (neg != null && outer != null) {
              String text =
                  Precedence.needsParentheses(neg.level(), outer, not)
                      ? "(" + neg.text() + ")"
                      : neg.text();
              spans.add(span(templateFile, not, text));
              continue;
            }
          }
          String text = bound.apply(target);
          if (Precedence.needsParentheses(Precedence.level(target), parent, n)) {
            text = "(" + text + ")";
          }
          spans.add(span(templateFile, n, text));
        }
        case PLACEHOLDER_METHOD -> {
          // The code the before's call bound, its uses of the before's arguments written as the
          // after's (the same text when the after passes the same arguments).
          String key = after.placeholderMethods().get(ref.name()).bindingKey();
          Expression target = bindings.placeholder(key);
          String text =
              PlaceholderText.of(
                  bound.apply(target),
                  target,
                  bindings.placeholderArguments(key),
                  ((com.github.javaparser.ast.expr.MethodCallExpr) n).getArguments(),
                  bindings,
                  targetFile);
          Node parent = n.getParentNode().orElseThrow();
          if (Precedence.needsParentheses(Precedence.level(target), parent, n)) {
            text = "(" + text + ")";
          }
          spans.add(span(templateFile, n, text));
        }
        case CLASS_OF ->
            spans.add(span(templateFile, n, typeText(bindings, ref, targetFile) + ".class"));
        case INSTANCE_OF -> {
          // The operand is a placeholder or a template local (RefResolver allows nothing else).
          String name = ((MethodCallExpr) n).getArgument(0).toString();
          Expression operand = bindings.placeholder(name);
          String text = operand == null ? bindings.local(name) : bound.apply(operand);
          if (operand != null && Precedence.level(operand) <= Precedence.RELATIONAL) {
            text = "(" + text + ")";
          }
          text += " instanceof " + typeText(bindings, ref, targetFile);
          if (Precedence.needsParentheses(
              Precedence.RELATIONAL, n.getParentNode().orElseThrow(), n)) {
            text = "(" + text + ")";
          }
          spans.add(span(templateFile, n, text));
        }
        case LOCAL -> {
          String local = bindings.local(ref.name());
          if (local != null) {
            spans.add(span(templateFile, n, local));
          }
        }
        case TYPE -> {
          if (n instanceof ClassOrInterfaceType ct && ct.getScope().isEmpty()) {
            spans.add(span(templateFile, ct.getName(), imports.nameFor(ref.owner())));
          } else if (n instanceof NameExpr) {
            spans.add(span(templateFile, n, imports.nameFor(ref.owner())));
          }
        }
        case METHOD, FIELD -> {
          // A static member written unqualified (static import in the template file) is
          // qualified with its type here, which the target then imports like any other type.
          if (ref.isStatic() && unqualified(n)) {
            int at = start(templateFile, n);
            spans.add(new Span(at, at, imports.nameFor(ref.owner()) + "."));
          }
        }
        default -> {
          // Members keep the template's spelling; their owner's name is rendered as a TYPE.
        }
      }
    }
    for (Node root : body) {
      for (VariableDeclarator v : root.findAll(VariableDeclarator.class)) {
        String local = bindings.local(v.getNameAsString());
        if (local != null) {
          spans.add(span(templateFile, v.getName(), local));
        }
      }
    }
    for (Node root : body) {
      // A lambda's parameters take the target's names, as the uses of them do.
      for (com.github.javaparser.ast.expr.LambdaExpr l :
          root.findAll(com.github.javaparser.ast.expr.LambdaExpr.class)) {
        for (com.github.javaparser.ast.body.Parameter p : l.getParameters()) {
          String local = bindings.local(p.getNameAsString());
          if (local != null && !local.equals(p.getNameAsString())) {
            spans.add(span(templateFile, p.getName(), local));
          }
        }
      }
    }
    spans.sort(Comparator.comparingInt(Span::start));
    // Spans inside a placeholder's replacement (a placeholder method's arguments) are dropped.
    List<Span> outer = new ArrayList<>();
    for (Span s : spans) {
      if (outer.isEmpty() || s.start() >= outer.get(outer.size() - 1).end()) {
        outer.add(s);
      }
    }
    spans = outer;
    String text = templateFile.text();
    String baseIndent = indentOf(text, start);
    StringBuilder out = new StringBuilder();
    int at = start;
    for (Span s : spans) {
      out.append(reindent(text.substring(at, s.start()), baseIndent, targetIndent));
      out.append(s.text());
      at = s.end();
    }
    out.append(reindent(text.substring(at, end), baseIndent, targetIndent));
    return out.toString();
  }

  /**
   * A {@code @Repeated} placeholder (the last argument of a call) becomes the arguments it bound,
   * comma-separated; with none, it goes with the comma before it.
   */
  private static Span repeated(
      SourceFile f, Node n, List<Expression> args, Function<Expression, String> bound) {
    if (!args.isEmpty()) {
      return span(f, n, String.join(", ", args.stream().map(bound).toList()));
    }
    MethodCallExpr call = (MethodCallExpr) n.getParentNode().orElseThrow();
    int i = 0;
    while (call.getArgument(i) != n) {
      i++;
    }
    int from = i == 0 ? start(f, n) : end(f, call.getArgument(i - 1));
    return new Span(from, end(f, n), "");
  }

  /** The code's text of the type that bound {@code ref}'s type variable (in the file matched). */
  private static String typeText(Bindings bindings, Ref ref, SourceFile targetFile) {
    Node t = bindings.typeText(ref.name());
    return targetFile.text().substring(start(targetFile, t), end(targetFile, t));
  }

  private static boolean unqualified(Node n) {
    return (n instanceof MethodCallExpr m && m.getScope().isEmpty()) || n instanceof NameExpr;
  }

  private static Span span(SourceFile f, Node n, String text) {
    return new Span(start(f, n), end(f, n), text);
  }

  /** Offset of a node's first character in {@code f}. */
  public static int start(SourceFile f, Node n) {
    var p = n.getBegin().orElseThrow();
    return f.offset(p.line, p.column);
  }

  /** Offset just past a node's last character in {@code f}. */
  public static int end(SourceFile f, Node n) {
    var p = n.getEnd().orElseThrow();
    return f.offset(p.line, p.column) + 1;
  }

  /** The whitespace that starts the line containing {@code offset}. */
  public static String indentOf(String text, int offset) {
    int ls = text.lastIndexOf('\n', offset - 1) + 1;
    int i = ls;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return text.substring(ls, i);
  }

  private static String reindent(String fixed, String from, String to) {
    if (fixed.indexOf('\n') < 0) {
      return fixed;
    }
    StringBuilder sb = new StringBuilder();
    String[] lines = fixed.split("\n", -1);
    sb.append(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      sb.append('\n');
      if (line.startsWith(from)) {
        sb.append(to).append(line.substring(from.length()));
      } else {
        sb.append(line);
      }
    }
    return sb.toString();
  }
}
