package dev.lockkit.refactor.migrate;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.lockkit.refactor.edit.ChangeSet;
import dev.lockkit.refactor.edit.SourceFile;
import dev.lockkit.refactor.migrate.gate.GateCheck;
import dev.lockkit.refactor.migrate.match.Match;
import dev.lockkit.refactor.migrate.resolve.Workspace;
import dev.lockkit.refactor.migrate.rewrite.AfterRenderer;
import dev.lockkit.refactor.migrate.rewrite.ImportPlan;
import dev.lockkit.refactor.migrate.rewrite.Precedence;
import dev.lockkit.refactor.migrate.template.Template;
import dev.lockkit.refactor.migrate.template.TemplateSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The edits of one file: which matches are applied, their rendered text, and the imports.
 *
 * <p>Implementation overview. Matches that the gating check refuses, and those of find-only rules,
 * are set aside first. The rest are sorted by start offset, longest first, and chosen greedily: a
 * match that starts at or after the end of the previous choice is taken; one inside it is either
 * inside a span bound to a placeholder of the outer match, where it is applied to that
 * placeholder's text while the outer one is rendered (so nested old-API calls are migrated in one
 * run and the run is idempotent), or inside the outer template's own structure, which the outer
 * rewrite replaces anyway; one that only partly overlaps is left and reported. An expression
 * rewritten at top level is parenthesised only if its new top operator binds more loosely than its
 * slot requires; one rewritten inside a placeholder only if it binds more loosely than the code it
 * replaces, so the outer match's own parenthesis decision stays valid.
 */
final class FilePlan {

  /** A match applied, with its span in the file. */
  record Applied(Match match, int start, int end, String replacement) {}

  /** A match not applied, and why. */
  record Refused(Match match, GateCheck.Rejection rejection) {}

  private final Workspace.Unit unit;
  private final SourceFile file;
  private final TemplateSet templates;
  private final GateCheck gate;
  private final ImportPlan imports;
  private final List<Applied> applied = new ArrayList<>();
  private final List<Match> found = new ArrayList<>();
  private final List<Refused> refused = new ArrayList<>();
  private final List<Match> overlapped = new ArrayList<>();
  private final Map<Node, Boolean> consumed = new IdentityHashMap<>();
  private List<Match> candidates = List.of();
  private final Map<Match, int[]> spans = new IdentityHashMap<>();
  private final Map<Match, String> nestedRendered = new IdentityHashMap<>();

  FilePlan(Workspace.Unit unit, TemplateSet templates, GateCheck gate, Set<String> typeNames) {
    this.unit = unit;
    this.file = unit.file();
    this.templates = templates;
    this.gate = gate;
    this.imports = new ImportPlan(unit.file(), unit.cu(), typeNames);
  }

  /** Chooses, renders and records the edits of this file in {@code changes}. */
  void plan(List<Match> matches, ChangeSet changes, Set<String> oldTypes) {
    List<Match> rewrites = new ArrayList<>();
    for (Match m : matches) {
      spans.put(
          m, new int[] {AfterRenderer.start(file, m.first()), AfterRenderer.end(file, m.last())});
      if (m.rule().findOnly()) {
        found.add(m);
        m.bindings().consumed().forEach(n -> consumed.put(n, true));
        continue;
      }
      Optional<GateCheck.Rejection> r = deletedComment(m);
      if (r.isEmpty()) {
        r = gate.check(m.first(), m.rule().after().get());
      }
      if (r.isPresent()) {
        refused.add(new Refused(m, r.get()));
      } else {
        rewrites.add(m);
      }
    }
    rewrites.sort(
        Comparator.<Match>comparingInt(m -> spans.get(m)[0])
            .thenComparingInt(m -> -spans.get(m)[1]));
    candidates = rewrites;
    List<int[]> edits = new ArrayList<>();
    for (Match m : select(0, file.text().length())) {
      String text = render(m, true);
      int[] span = spans.get(m);
      changes.replace(file, span[0], span[1], text);
      edits.add(new int[] {span[0], span[1]});
      applied.add(new Applied(m, span[0], span[1], text));
    }
    applied.sort(Comparator.comparingInt(Applied::start));
    if (!applied.isEmpty()) {
      imports.emit(changes, rewrittenText(), oldTypes);
    }
  }

  /**
   * A comment inside the matched code but outside every placeholder's code would be lost by the
   * rewrite (the after template is rendered from its own text): such a match is refused and listed,
   * as Error Prone's Refaster refuses it, rather than deleting what someone wrote.
   */
  private Optional<GateCheck.Rejection> deletedComment(Match m) {
    int[] span = spans.get(m);
    List<int[]> kept = new ArrayList<>();
    for (Expression bound : m.bindings().boundExpressions()) {
      kept.add(new int[] {AfterRenderer.start(file, bound), AfterRenderer.end(file, bound)});
    }
    for (Comment c : unit.cu().getAllComments()) {
      if (c.getBegin().isEmpty() || c.getEnd().isEmpty()) {
        continue;
      }
      int from = file.offset(c.getBegin().get().line, c.getBegin().get().column);
      int to = file.offset(c.getEnd().get().line, c.getEnd().get().column) + 1;
      if (from < span[0] || to > span[1]) {
        continue;
      }
      boolean inPlaceholder = kept.stream().anyMatch(k -> k[0] <= from && to <= k[1]);
      if (!inPlaceholder) {
        String text = c.toString().strip().replaceAll("\\s+", " ");
        return Optional.of(
            new GateCheck.Rejection(
                "the rewrite would delete the comment '"
                    + (text.length() > 60 ? text.substring(0, 57) + "..." : text)
                    + "' (line "
                    + c.getBegin().get().line
                    + "); rewrite this site by hand",
                new java.util.TreeMap<>()));
      }
    }
    return Optional.empty();
  }

  private String rewrittenText() {
    StringBuilder sb = new StringBuilder(file.text());
    List<Applied> top = new ArrayList<>();
    int lastEnd = -1;
    for (Applied a : applied) {
      if (a.start() >= lastEnd) {
        top.add(a);
        lastEnd = a.end();
      }
    }
    Collections.reverse(top);
    for (Applied a : top) {
      sb.replace(a.start(), a.end(), a.replacement());
    }
    return sb.toString();
  }

  /** The outermost non-overlapping candidates within {@code [from, to)}. */
  private List<Match> select(int from, int to) {
    List<Match> out = new ArrayList<>();
    int lastEnd = from;
    Match last = null;
    for (Match m : candidates) {
      int[] s = spans.get(m);
      if (s[0] < from || s[1] > to) {
        continue;
      }
      if (s[0] >= lastEnd) {
        out.add(m);
        lastEnd = s[1];
        last = m;
      } else if (s[1] > lastEnd && last != null) {
        overlapped.add(m);
      }
    }
    return out;
  }

  private String render(Match m, boolean topLevel) {
    Template after = m.rule().after().get();
    String indent = AfterRenderer.indentOf(file.text(), spans.get(m)[0]);
    String text =
        AfterRenderer.render(
            templates.file(), after, m.bindings(), imports, this::boundText, indent, file);
    m.bindings().consumed().forEach(n -> consumed.put(n, true));
    if (after.kind() == Template.Kind.EXPRESSION && m.first() instanceof Expression x) {
      int afterLevel = Precedence.level(after.expression());
      if (m.before().negated()) {
        // @AlsoNegation: the after template, negated where the before's negation matched.
        UnaryExpr not =
            new UnaryExpr(after.expression().clone(), UnaryExpr.Operator.LOGICAL_COMPLEMENT);
        text = (afterLevel < Precedence.level(not) ? "!(" + text + ")" : "!" + text);
        afterLevel = Precedence.level(not);
      }
      int level = afterLevel;
      boolean wrap =
          topLevel
              ? x.getParentNode().map(p -> Precedence.needsParentheses(level, p, x)).orElse(false)
              : level < Precedence.level(x);
      if (wrap) {
        text = "(" + text + ")";
      }
    }
    return text;
  }

  /** The text of a bound target expression, with the rewrites nested inside it applied. */
  private String boundText(Expression bound) {
    int start = AfterRenderer.start(file, bound);
    int end = AfterRenderer.end(file, bound);
    StringBuilder sb = new StringBuilder();
    int at = start;
    for (Match inner : select(start, end)) {
      int[] s = spans.get(inner);
      sb.append(file.text(), at, s[0]);
      // A placeholder used twice renders its nested rewrites twice: record the rewrite once.
      String text = nestedRendered.get(inner);
      if (text == null) {
        text = render(inner, false);
        nestedRendered.put(inner, text);
        applied.add(new Applied(inner, s[0], s[1], text));
      }
      sb.append(text);
      at = s[1];
    }
    sb.append(file.text(), at, end);
    return sb.toString();
  }

  List<Applied> applied() {
    return applied;
  }

  List<Match> found() {
    return found;
  }

  List<Refused> refused() {
    return refused;
  }

  List<Match> overlapped() {
    return overlapped;
  }

  /** True if {@code n} is matched by the structure of an applied or found template. */
  boolean isConsumed(Node n) {
    return consumed.containsKey(n);
  }

  Workspace.Unit unit() {
    return unit;
  }
}
