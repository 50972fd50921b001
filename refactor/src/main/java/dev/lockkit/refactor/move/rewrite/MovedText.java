package dev.lockkit.refactor.move.rewrite;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithModifiers;
import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.kconfig.FeatureModel;
import dev.lockkit.analyzer.pc.ExprSyntaxException;
import dev.lockkit.refactor.edit.TextEdit;
import dev.lockkit.refactor.move.check.Access;
import dev.lockkit.refactor.move.check.Presence;
import dev.lockkit.refactor.move.model.MovedElement;
import dev.lockkit.refactor.move.model.ParsedFile;
import dev.lockkit.refactor.move.rewrite.MoveRewriter.DestModel;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The text a moved member becomes at its destination, and what it leaves behind.
 *
 * <p>The member's original lines are copied and only three kinds of edit are applied to the copy:
 * the reference edits recorded for sites inside it, a widened access modifier when its users need
 * one, and its {@code @IfConfig} as {@link Presence} decides. Then its indentation is shifted from
 * the origin's to the destination's (lines indented less than the member, e.g. inside a text block,
 * are left as they are). At the origin the member's lines are deleted, or replaced by a
 * {@code @Deprecated} forwarder under the same condition when {@code --keep-forwarders} asks.
 */
final class MovedText {

  private final MoveRewriter r;

  MovedText(MoveRewriter r) {
    this.r = r;
  }

  /** Inserts (or creates) the members going to {@code d}. */
  void place(DestModel d) {
    String indent = destIndent(d);
    List<String> texts = new ArrayList<>();
    for (MovedElement m : d.members) {
      texts.add(text(m, d, indent));
    }
    String body = String.join("\n", texts);
    if (d.first.destination().isNew()) {
      String simple = d.first.destination().simpleName();
      String pkg = d.pkg();
      boolean isPublic =
          d.members.stream().anyMatch(m -> Access.ofType(m.origin()) == 3)
              || r.required.entrySet().stream()
                  .anyMatch(e -> d.members.contains(e.getKey()) && e.getValue() == 3);
      String imports = d.imports.importBlock();
      String content =
          (pkg.isEmpty() ? "" : "package " + pkg + ";\n\n")
              + (imports.isEmpty() ? "" : imports + "\n")
              + (isPublic ? "public " : "")
              + "final class "
              + simple
              + " {\n\n"
              + indent
              + "private "
              + simple
              + "() {}\n\n"
              + body
              + "}\n";
      r.changes.create(d.first.destination().newFile(), content);
      r.notes.add(
          "creates " + d.fqn() + " (" + d.first.destination().newFile().getFileName() + ")");
      return;
    }
    TypeDeclaration<?> decl = d.decl();
    ParsedFile f = d.first.destination().existing().file();
    String text = f.source().text();
    int brace = f.end(decl) - 1;
    int ls = ImportPlan.lineStart(text, brace);
    boolean hasMembers = !decl.getMembers().isEmpty();
    if (text.substring(ls, brace).isBlank()) {
      r.changes.insert(f.source(), ls, (hasMembers ? "\n" : "") + body);
    } else {
      r.changes.insert(f.source(), brace, "\n" + body + lineIndent(text, f.begin(decl)));
    }
  }

  private String text(MovedElement m, DestModel d, String indent) {
    MemberText span = r.spans.get(m);
    ParsedFile f = m.origin().file();
    String original = f.source().text().substring(span.start(), span.end());
    List<TextEdit> edits = new ArrayList<>(r.inner.get(m));
    int base = span.start();
    Presence.Decision pd = null;
    try {
      pd = r.presence.decide(m.decl(), d.decl());
    } catch (ExprSyntaxException e) {
      r.conflict(
          "gate/unguarded-reference",
          f,
          m.decl(),
          m.display() + ": cannot read its @IfConfig: " + e.getMessage(),
          m.display() + " @IfConfig");
    }
    if (pd != null && pd.conflict()) {
      r.conflicts.add(
          Finding.of(
                  "gate/unguarded-reference",
                  Severity.ERROR,
                  new Location(f.display(), m.decl().getBegin().map(p -> p.line).orElse(0), 0),
                  m.display()
                      + " exists where "
                      + pd.condition()
                      + " holds, but "
                      + d.fqn()
                      + " only where "
                      + pd.destination()
                      + "; with "
                      + FeatureModel.describe(pd.lostIn().get(), relevant(pd))
                      + " it would disappear",
                  m.display() + " -> " + d.fqn())
              .withWitness(pd.lostIn().get()));
    } else if (pd != null && !pd.keepOwn()) {
      AnnotationExpr own = pd.own();
      String written =
          pd.annotation() == null
              ? null
              : "@" + ifConfigName(m, d) + "(\"" + pd.annotation() + "\")";
      if (own != null) {
        int s = r.spans.get(m).file().begin(own) - base;
        int annEnd = f.end(own) - base;
        edits.removeIf(t -> t.start() >= s && t.end() <= annEnd);
        int e = annEnd;
        if (written == null) {
          while (e < original.length() && Character.isWhitespace(original.charAt(e))) {
            e++;
          }
          edits.add(new TextEdit(s, e, ""));
          r.notes.add(
              m.display()
                  + ": @IfConfig dropped, "
                  + d.fqn()
                  + " already implies "
                  + pd.condition());
        } else {
          edits.add(new TextEdit(s, e, written));
          r.notes.add(m.display() + ": @IfConfig becomes " + written);
        }
      } else if (written != null) {
        edits.add(
            new TextEdit(
                span.declStart() - base, span.declStart() - base, written + "\n" + span.indent()));
        r.notes.add(
            m.display() + ": gets " + written + " (its condition in " + m.origin().fqn() + ")");
      }
    }
    widen(m, edits, base);
    String moved = apply(original, edits, m);
    String toUnit = indent.startsWith("\t") ? "\t" : unit(d.first);
    if (d.decl() != null) {
      ParsedFile df = d.first.destination().existing().file();
      String typeIndent = lineIndent(df.source().text(), df.begin(d.decl()));
      if (indent.startsWith(typeIndent) && indent.length() > typeIndent.length()) {
        toUnit = indent.substring(typeIndent.length());
      }
    }
    return reindent(moved, span.indent(), unit(m), indent, toUnit);
  }

  private static java.util.SortedSet<String> relevant(Presence.Decision pd) {
    java.util.SortedSet<String> s = new java.util.TreeSet<>(pd.condition().symbols());
    s.addAll(pd.destination().symbols());
    return s;
  }

  private String ifConfigName(MovedElement m, DestModel d) {
    ParsedFile origin = m.origin().file();
    for (Node n = m.decl(); n != null; n = n.getParentNode().orElse(null)) {
      AnnotationExpr a = Presence.ifConfig(n);
      if (a != null) {
        // javac's binding in the origin (attributed whole); else the import line that names it.
        String fqn = r.names.type(origin, a);
        if (fqn == null) {
          fqn = origin.singleImports().get(a.getName().getIdentifier());
        }
        return fqn == null ? a.getNameAsString() : d.imports.refer(fqn, d.decl());
      }
    }
    return "IfConfig";
  }

  /** Widens the moved member's access to what its users need (never narrows it). */
  private void widen(MovedElement m, List<TextEdit> edits, int base) {
    int have = Access.of(m.decl(), m.origin());
    int need = Math.max(have, r.required.getOrDefault(m, 0));
    NodeWithModifiers<?> mods = (NodeWithModifiers<?>) m.decl();
    int written = MovedElement.access(m.decl());
    ParsedFile f = m.origin().file();
    boolean interfaceField = m.isField() && !mods.hasModifier(Modifier.Keyword.STATIC);
    if (interfaceField) {
      FieldDeclaration fd = (FieldDeclaration) m.decl();
      int at = f.begin(fd.getElementType()) - base;
      edits.add(new TextEdit(at, at, "public static final "));
      return;
    }
    if (need == written) {
      return;
    }
    Modifier existing = null;
    for (Modifier mod : mods.getModifiers()) {
      var k = mod.getKeyword();
      if (k == Modifier.Keyword.PUBLIC
          || k == Modifier.Keyword.PROTECTED
          || k == Modifier.Keyword.PRIVATE) {
        existing = mod;
      }
    }
    if (existing != null) {
      int s = f.begin(existing) - base;
      int e = f.end(existing) - base;
      if (need == 1) {
        e++; // the space after the keyword
      }
      edits.add(new TextEdit(s, e, Access.keyword(need)));
    } else if (!mods.getModifiers().isEmpty()) {
      int at = f.begin(mods.getModifiers().get(0)) - base;
      edits.add(new TextEdit(at, at, Access.keyword(need) + " "));
    }
    if (need > have) {
      r.notes.add(
          m.display()
              + ": access widened from "
              + Access.label(have)
              + " to "
              + Access.label(need)
              + " for its users");
    }
  }

  private String apply(String text, List<TextEdit> edits, MovedElement m) {
    List<TextEdit> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(edits));
    sorted.sort(TextEdit.ORDER);
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i - 1).overlaps(sorted.get(i))) {
        r.conflict(
            "move/name-clash",
            m.origin().file(),
            m.decl(),
            m.display() + ": internal error: overlapping rewrites inside the moved text",
            m.display() + " overlap");
        return text;
      }
    }
    StringBuilder sb = new StringBuilder(text);
    for (int i = sorted.size() - 1; i >= 0; i--) {
      TextEdit t = sorted.get(i);
      sb.replace(t.start(), t.end(), t.replacement());
    }
    return sb.toString();
  }

  /**
   * Shifts a member's lines from the origin's indentation to the destination's: the member's own
   * indent becomes {@code to}, and each further origin indentation step (a tab, or the origin's
   * unit of spaces) becomes one destination step, so a tab-indented member lands in a
   * space-indented file without mixed whitespace. Lines not starting with the member's indent are
   * kept as they are.
   */
  static String reindent(String text, String from, String fromUnit, String to, String toUnit) {
    if (from.equals(to) && fromUnit.equals(toUnit)) {
      return text;
    }
    String[] lines = text.split("\n", -1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      if (l.startsWith(from) && !l.isBlank()) {
        String rest = l.substring(from.length());
        StringBuilder ind = new StringBuilder(to);
        while (!fromUnit.isEmpty() && rest.startsWith(fromUnit)) {
          ind.append(toUnit);
          rest = rest.substring(fromUnit.length());
        }
        l = ind + rest;
      }
      sb.append(l);
      if (i < lines.length - 1) {
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private String destIndent(DestModel d) {
    MovedElement m = d.first;
    String unit = unit(m);
    if (d.decl() == null) {
      return unit;
    }
    ParsedFile f = d.first.destination().existing().file();
    for (BodyDeclaration<?> b : d.decl().getMembers()) {
      return lineIndent(f.source().text(), f.begin(b));
    }
    return lineIndent(f.source().text(), f.begin(d.decl())) + unit;
  }

  /** One indentation step as the origin file writes it. */
  private String unit(MovedElement m) {
    ParsedFile f = m.origin().file();
    String member = r.spans.get(m).indent();
    String type = lineIndent(f.source().text(), f.begin(m.origin().decl()));
    String u = member.startsWith(type) ? member.substring(type.length()) : member;
    return u.isEmpty() ? "  " : u;
  }

  private static String lineIndent(String text, int offset) {
    int ls = ImportPlan.lineStart(text, offset);
    int i = ls;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return text.substring(ls, i);
  }

  /**
   * Deletes moved members at their origins. Members separated only by blank lines are deleted as
   * one region, so the blank line that separated the region from its neighbours is kept once.
   */
  void deleteFromOrigins(List<MovedElement> members) {
    java.util.Map<ParsedFile, List<int[]>> byFile = new java.util.LinkedHashMap<>();
    for (MovedElement m : members) {
      MemberText span = r.spans.get(m);
      byFile
          .computeIfAbsent(span.file(), k -> new ArrayList<>())
          .add(new int[] {span.start(), span.end()});
    }
    for (var e : byFile.entrySet()) {
      ParsedFile f = e.getKey();
      String text = f.source().text();
      List<int[]> spans = e.getValue();
      spans.sort(java.util.Comparator.comparingInt(a -> a[0]));
      List<int[]> merged = new ArrayList<>();
      for (int[] sp : spans) {
        int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
        if (last != null && text.substring(last[1], sp[0]).isBlank()) {
          last[1] = Math.max(last[1], sp[1]);
        } else {
          merged.add(sp.clone());
        }
      }
      for (int[] region : merged) {
        int[] del = MemberText.deletion(text, region[0], region[1]);
        r.changes.replace(f.source(), del[0], del[1], "");
        r.removed.computeIfAbsent(f, k -> new ArrayList<>()).add(del);
      }
    }
  }

  /** Leaves a forwarder at the origin; returns false when none can be written. */
  boolean forward(MovedElement m) {
    MemberText span = r.spans.get(m);
    ParsedFile f = m.origin().file();
    String forwarder = forwarder(m, span);
    if (forwarder == null) {
      return false;
    } else {
      r.changes.replace(f.source(), span.start(), span.end(), forwarder);
      r.removed
          .computeIfAbsent(f, k -> new ArrayList<>())
          .add(new int[] {span.start(), span.end()});
      r.inserted.computeIfAbsent(f, k -> new StringBuilder()).append(' ').append(forwarder);
      r.delta.added.add(
          new dev.lockkit.refactor.move.check.GraphDelta.Ref(
              m.origin().topLevel().fqn(),
              m.destination().topLevelFqn(),
              f.display(),
              f.source().lineOf(span.declStart()),
              1));
      return true;
    }
  }

  private String forwarder(MovedElement m, MemberText span) {
    ParsedFile f = m.origin().file();
    String text = f.source().text();
    String ind = span.indent();
    String dref = r.plan(f, null).refer(m.destination().fqn(), m.decl());
    String doc = ind + "/** @deprecated Moved to {@link " + dref + "#" + m.name() + "}. */\n";
    boolean deprecated =
        m.decl().getAnnotations().stream()
            .anyMatch(a -> a.getNameAsString().endsWith("Deprecated"));
    String header;
    String body;
    if (m.decl() instanceof MethodDeclaration md) {
      if (md.getBody().isEmpty()) {
        return null;
      }
      header = text.substring(span.declStart(), f.begin(md.getBody().get()));
      String args =
          md.getParameters().stream()
              .map(Parameter::getNameAsString)
              .collect(Collectors.joining(", "));
      String call = dref + "." + m.name() + "(" + args + ");";
      body =
          "{\n"
              + ind
              + unit(m)
              + (md.getType().isVoidType() ? "" : "return ")
              + call
              + "\n"
              + ind
              + "}\n";
    } else {
      FieldDeclaration fd = (FieldDeclaration) m.decl();
      if (!fd.hasModifier(Modifier.Keyword.FINAL)) {
        r.notes.add(
            m.display()
                + ": not forwarded (a forwarder for a non-final field would be a copy, not an alias)");
        return null;
      }
      header = text.substring(span.declStart(), f.end(fd.getVariable(0).getName()));
      body = " = " + dref + "." + m.name() + ";\n";
    }
    r.notes.add(m.display() + ": @Deprecated forwarder left in " + m.origin().fqn());
    return doc + ind + (deprecated ? "" : "@Deprecated\n" + ind) + header + body;
  }
}
