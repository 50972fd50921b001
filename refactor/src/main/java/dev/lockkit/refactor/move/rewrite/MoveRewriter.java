package dev.lockkit.refactor.move.rewrite;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.refactor.edit.ChangeSet;
import dev.lockkit.refactor.edit.SourceFile;
import dev.lockkit.refactor.edit.TextEdit;
import dev.lockkit.refactor.javac.Attribution;
import dev.lockkit.refactor.move.check.Access;
import dev.lockkit.refactor.move.check.GraphDelta;
import dev.lockkit.refactor.move.check.Presence;
import dev.lockkit.refactor.move.model.JavaProject;
import dev.lockkit.refactor.move.model.MovedElement;
import dev.lockkit.refactor.move.model.MovedType;
import dev.lockkit.refactor.move.model.ParsedFile;
import dev.lockkit.refactor.move.model.TypeInfo;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns resolved moves into text edits, conflicts and the graph delta.
 *
 * <p>Implementation overview. Every {@link Site} is visited once. Its <em>final place</em> is the
 * destination when it lies inside a moved member, else where it is; the edit it needs (a new
 * qualifier, a replaced qualifier, a Javadoc type, nothing) is decided there and phrased through
 * the final file's {@link ImportPlan}. Edits inside a moved member are kept aside, relative to the
 * member's text, and applied to the copy that goes to the destination ({@link MovedText}); all
 * other edits go straight into the {@link ChangeSet} at their original offsets, so nothing else in
 * a file changes. Access requirements are gathered on the way (what each user needs to see the
 * moved member at its destination, what the moved member needs to see from there), and so are the
 * references the graph gains or loses. {@link ImportCleanup} finally adds the planned imports and
 * removes those that lost their last use.
 */
public final class MoveRewriter {

  /** Options of a run. */
  public record Options(boolean keepForwarders) {}

  /**
   * Everything the plan would do, and everything that stands in its way.
   *
   * @param deletions files to delete (types moved to another package leave their old file)
   */
  public record Result(
      ChangeSet changes,
      List<SourceFile> deletions,
      List<Finding> conflicts,
      List<String> notes,
      GraphDelta delta) {}

  final JavaProject project;
  final List<MovedElement> moved;
  final List<MovedType> types;
  final List<SourceFile> deletions = new ArrayList<>();

  /** Edits to files that type moves recreate elsewhere, applied to the new copy. */
  final Map<ParsedFile, List<TextEdit>> movedFiles = new IdentityHashMap<>();

  final Options options;
  final Presence presence;
  final Attribution javac;
  final JavacNames names;
  final Map<ParsedFile, HostProbe> probes = new IdentityHashMap<>();
  private final DestinationMeanings meanings;
  private final Obscuring obscuring;
  final Map<MovedElement, MemberText> spans = new LinkedHashMap<>();
  final Map<String, DestModel> dests = new LinkedHashMap<>();
  final Map<ParsedFile, ImportPlan> plans = new IdentityHashMap<>();
  final Map<MovedElement, List<TextEdit>> inner = new IdentityHashMap<>();
  final Map<MovedElement, Integer> required = new IdentityHashMap<>();
  final Map<ParsedFile, List<int[]>> removed = new IdentityHashMap<>();
  final Map<ParsedFile, StringBuilder> inserted = new IdentityHashMap<>();
  final List<Site> staticImported = new ArrayList<>();
  final ChangeSet changes = new ChangeSet();
  final List<Finding> conflicts = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  final GraphDelta delta = new GraphDelta();

  /** A destination type and the members going there, in plan order. */
  static final class DestModel {
    final MovedElement first;
    final List<MovedElement> members = new ArrayList<>();
    ImportPlan imports;

    DestModel(MovedElement first) {
      this.first = first;
    }

    String fqn() {
      return first.destination().fqn();
    }

    String top() {
      return first.destination().topLevelFqn();
    }

    String pkg() {
      return first.destination().packageName();
    }

    TypeDeclaration<?> decl() {
      return first.destination().isNew() ? null : first.destination().existing().decl();
    }
  }

  public MoveRewriter(
      JavaProject project,
      List<MovedElement> moved,
      List<MovedType> types,
      Options options,
      Presence presence,
      Attribution javac) {
    this.project = project;
    this.javac = javac;
    this.names = new JavacNames(javac);
    this.meanings = new DestinationMeanings(javac);
    this.obscuring = new Obscuring(javac);
    this.moved = moved;
    this.types = types;
    this.options = options;
    this.presence = presence;
  }

  /**
   * The probes written into files' text for the attribution given to the constructor: each host's
   * {@link HostProbe} (what a name the moved text uses means inside a host a type moves into) and
   * each file's {@link FileProbe} (what a name means at a file's top level). With them, what such a
   * name means is javac's answer.
   */
  public MoveRewriter probes(
      java.util.Collection<HostProbe> hostProbes, java.util.Collection<FileProbe> fileProbes) {
    for (HostProbe p : hostProbes) {
      ParsedFile f = project.file(p.path());
      if (f != null) {
        probes.put(f, p);
      }
    }
    for (FileProbe p : fileProbes) {
      ParsedFile f = project.file(p.path());
      if (f != null) {
        meanings.add(f, p);
      }
    }
    return this;
  }

  /** What the simple type name {@code simple} means at {@code ctx} of {@code f}, by javac. */
  ImportPlan.Meaning meaningAt(ParsedFile f, String simple, Node ctx) {
    return meanings.at(f, simple, ctx);
  }

  /** Computes the edits of the whole plan; writes nothing. */
  public Result run() {
    for (MovedType t : types) {
      if (!t.nested() && !t.intoType()) {
        movedFiles.put(t.type().file(), new ArrayList<>());
      }
    }
    for (MovedElement m : moved) {
      if (m.decl() instanceof com.github.javaparser.ast.body.FieldDeclaration fd
          && fd.isFinal()
          && fd.getVariable(0).getInitializer().isEmpty()) {
        // A blank final is assigned in an initializer of its class; from another class the
        // assignment is illegal (found by the campaign on jackson-databind).
        conflict(
            "move/access",
            m.origin().file(),
            m.decl(),
            m.display()
                + " is a blank final assigned in an initializer of "
                + m.origin().fqn()
                + "; only its own class may assign it. Give it an initializer first",
            m.display() + " blank final");
      }
      spans.put(m, MemberText.of(m.origin().file(), m.decl()));
      inner.put(m, new ArrayList<>());
      DestModel d = dests.computeIfAbsent(m.destination().fqn(), k -> new DestModel(m));
      d.members.add(m);
      if (d.imports == null) {
        d.imports =
            m.destination().isNew()
                ? new ImportPlan(project, m.destination().fqn())
                : plan(m.destination().existing().file(), m.destination().existing().decl());
      }
      MemberText s = spans.get(m);
      var from = m.origin().file().source();
      int end = Math.max(s.start(), s.end() - 1);
      delta.moved.add(
          new GraphDelta.Span(
              m.origin().file().display(),
              from.lineOf(s.start()),
              1,
              from.lineOf(end),
              Integer.MAX_VALUE,
              m.destination().topLevelFqn()));
      if (m.destination().isNew()
          && delta.newTypes.stream().noneMatch(t -> t.fqn().equals(m.destination().fqn()))) {
        delta.newTypes.add(
            new GraphDelta.NewType(
                m.destination().fqn(), m.destination().packageName(), m.origin().topLevel().fqn()));
      }
    }
    SiteCollector collector = new SiteCollector(project, moved, spans, javac);
    List<Site> sites = collector.collect();
    // Code first, Javadoc second: a link may then use a simple name the code made visible.
    for (Site site : sites) {
      if (site.kind() != Site.Kind.JAVADOC && site.kind() != Site.Kind.JAVADOC_STAY_BEHIND) {
        handle(site);
      }
    }
    for (Site site : sites) {
      if (site.kind() == Site.Kind.JAVADOC || site.kind() == Site.Kind.JAVADOC_STAY_BEHIND) {
        handle(site);
      }
    }
    TypeMover typeMover = new TypeMover(this);
    for (MovedType t : types) {
      if (t.intoType() && t.nested()) {
        new NestedIntoTypeMover(this).move(t);
      } else if (t.intoType()) {
        new IntoTypeMover(this).move(t);
      } else if (t.nested()) {
        new NestedTypeMover(this).move(t);
      } else {
        typeMover.references(t);
      }
    }
    for (MovedType t : types) {
      if (!t.nested() && !t.intoType()) {
        typeMover.recreate(t);
      }
    }
    new NameClashes(this).check();
    MovedText texts = new MovedText(this);
    for (DestModel d : dests.values()) {
      texts.place(d);
    }
    List<MovedElement> deleted = new ArrayList<>();
    for (MovedElement m : moved) {
      if (!options.keepForwarders() || !texts.forward(m)) {
        deleted.add(m);
      }
    }
    texts.deleteFromOrigins(deleted);
    new ImportCleanup(this).run();
    conflicts.sort(Finding.ORDER);
    return new Result(
        changes, List.copyOf(deletions), List.copyOf(conflicts), List.copyOf(notes), delta);
  }

  ImportPlan plan(ParsedFile f, Node context) {
    return plans.computeIfAbsent(f, k -> new ImportPlan(project, k, context, this::meaningAt));
  }

  /** The moved member whose text contains {@code offset} of {@code f}, or null. */
  MovedElement host(ParsedFile f, int offset) {
    for (Map.Entry<MovedElement, MemberText> e : spans.entrySet()) {
      if (e.getValue().file() == f && e.getValue().contains(offset)) {
        return e.getKey();
      }
    }
    return null;
  }

  /** Records an edit: into the moved copy when inside a moved member, else into the file. */
  void edit(ParsedFile f, int start, int end, String text) {
    if (movedFiles.containsKey(f)) {
      movedFiles.get(f).add(new TextEdit(start, end, text));
      return;
    }
    MovedElement host = host(f, start);
    if (host != null) {
      int base = spans.get(host).start();
      inner.get(host).add(new TextEdit(start - base, end - base, text));
      return;
    }
    changes.replace(f.source(), start, end, text);
    removed.computeIfAbsent(f, k -> new ArrayList<>()).add(new int[] {start, end});
    inserted.computeIfAbsent(f, k -> new StringBuilder()).append(' ').append(text);
  }

  void conflict(String rule, ParsedFile f, Node at, String message, String key) {
    int line = at == null ? 0 : at.getBegin().map(p -> p.line).orElse(0);
    int col = at == null ? 0 : at.getBegin().map(p -> p.column).orElse(0);
    conflicts.add(
        Finding.of(rule, Severity.ERROR, new Location(f.display(), line, col), message, key));
  }

  /**
   * {@code move/unresolved} for a name in moved text that javac did not resolve: what it would mean
   * at the new place, and whether it needs a qualifier or an import there, is not known, so it is
   * not guessed.
   */
  void unresolvedInside(ParsedFile f, Node at, String name, String moved, String why) {
    conflict(
        "move/unresolved",
        f,
        at,
        name
            + " in the moved "
            + moved
            + " is not resolved by javac ("
            + why
            + "), so what it would mean after the move is not known; give javac what the sources"
            + " need (--classpath, --maven-module) or fix the error first",
        moved + " uses " + f.display() + ":" + name);
  }

  /**
   * A conflict when {@code at} (a name in {@code f} that javac bound to another type spelled like
   * the moved one, or null) would mean the moved type once it is visible in {@code where}.
   */
  void captured(ParsedFile f, MovedType t, Node at, String where) {
    if (at == null) {
      return;
    }
    String other = names.type(f, at);
    conflict(
        "move/name-clash",
        f,
        at,
        f.display()
            + " uses "
            + other
            + " as "
            + t.type().simpleName()
            + "; once "
            + t.oldFqn()
            + " is in "
            + where
            + ", "
            + t.type().simpleName()
            + " there would mean "
            + t.newFqn(),
        t.oldFqn() + " -> " + t.newFqn() + " captures " + other + " in " + f.display());
  }

  /**
   * The type name {@code n} of moved text spells ({@link JavacNames#writtenTypeName}), when javac
   * resolved it; null for no type name, and for one javac could not resolve, which is recorded as
   * {@code move/unresolved} against the moving {@code moved} (a bare name javac bound as no type is
   * not a type name here, so it is never reported).
   */
  String resolvedTypeName(ParsedFile home, Node n, String moved) {
    String name = names.writtenTypeName(home, n);
    if (name != null
        && !(n instanceof com.github.javaparser.ast.expr.NameExpr)
        && names.type(home, n) == null) {
      String problem = names.problem(home, n);
      if (problem != null) {
        unresolvedInside(home, n, name, moved, problem);
        return null;
      }
    }
    return name;
  }

  /** The top-level type lexically enclosing {@code n}. */
  TypeInfo topLevelOf(Node n) {
    TypeInfo found = null;
    for (Node x = n; x != null; x = x.getParentNode().orElse(null)) {
      if (x instanceof TypeDeclaration<?> t && project.typeOf(t) != null) {
        found = project.typeOf(t);
      }
    }
    return found == null ? null : found.topLevel();
  }

  private void handle(Site site) {
    ParsedFile f = site.file();
    MovedElement host = host(f, site.start());
    DestModel hostDest = host == null ? null : dests.get(host.destination().fqn());
    ImportPlan ip = host == null ? plan(f, null) : hostDest.imports;
    Node ctx = host == null ? site.node() : hostDest.decl();
    TypeInfo userTop = host == null ? topLevelOf(site.node()) : null;
    String fromTop = host != null ? hostDest.top() : userTop == null ? "" : userTop.fqn();
    String fromPkg = host != null ? hostDest.pkg() : f.packageName();
    MovedElement target = site.target();
    boolean sameDest =
        host != null
            && target != null
            && host.destination().fqn().equals(target.destination().fqn());
    ParsedFile ctxFile = host == null ? f : hostDest.decl() == null ? null : hostFile(hostDest);
    int line = site.node().getBegin().map(p -> p.line).orElse(0);
    int col = site.node().getBegin().map(p -> p.column).orElse(0);
    switch (site.kind()) {
      case QUALIFIED -> {
        edit(
            f,
            site.start(),
            site.end(),
            qualifier(ip, target.destination().fqn(), f, site.node(), ctxFile, ctx));
        require(target, fromTop, fromPkg);
        if (host == null) {
          delta.retarget.put(
              GraphDelta.key(f.display(), line, col),
              new GraphDelta.Retarget(
                  target.origin().topLevel().fqn(), target.destination().topLevelFqn()));
        }
      }
      case INSTANCE_QUALIFIED -> {
        edit(
            f,
            site.start(),
            site.end(),
            qualifier(ip, target.destination().fqn(), f, site.node(), ctxFile, ctx));
        require(target, fromTop, fromPkg);
        delta.added.add(
            new GraphDelta.Ref(
                fromTop, target.destination().topLevelFqn(), f.display(), line, col));
      }
      case INSTANCE_SIDE_EFFECT ->
          conflict(
              "move/instance-qualifier",
              f,
              site.node(),
              target.display()
                  + " is reached through an expression that may have side effects ("
                  + f.source().text().substring(site.start(), site.end())
                  + "); rewriting it to "
                  + target.destination().fqn()
                  + " would drop its evaluation. Evaluate it in a statement of its own first",
              target.display() + " <- " + f.display());
      case UNQUALIFIED -> {
        if (!sameDest) {
          edit(
              f,
              site.start(),
              site.end(),
              qualifier(ip, target.destination().fqn(), f, site.node(), ctxFile, ctx) + ".");
          require(target, fromTop, fromPkg);
          delta.added.add(
              new GraphDelta.Ref(
                  fromTop, target.destination().topLevelFqn(), f.display(), line, col));
        }
      }
      case STATIC_IMPORTED -> {
        if (host != null) {
          if (!sameDest) {
            ip.addStatic(target.destination().fqn(), target.name());
          }
        } else if (options.keepForwarders()
            && ip.hasStaticSingle(target.origin().fqn(), target.name())) {
          // The forwarder keeps the old import valid with the same signature: importing the new
          // home too would make the call ambiguous, so the call is qualified instead.
          edit(
              f,
              site.start(),
              site.end(),
              qualifier(ip, target.destination().fqn(), f, site.node(), ctxFile, ctx) + ".");
          delta.retarget.put(
              GraphDelta.key(f.display(), line, col),
              new GraphDelta.Retarget(
                  target.origin().topLevel().fqn(), target.destination().topLevelFqn()));
        } else {
          staticImported.add(site);
          delta.retarget.put(
              GraphDelta.key(f.display(), line, col),
              new GraphDelta.Retarget(
                  target.origin().topLevel().fqn(), target.destination().topLevelFqn()));
        }
        if (!sameDest) {
          require(target, fromTop, fromPkg);
        }
      }
      case JAVADOC -> {
        if (!(sameDest && site.start() == site.end())) {
          edit(f, site.start(), site.end(), ip.referInJavadoc(target.destination().fqn(), ctx));
        }
      }
      case JAVADOC_STAY_BEHIND ->
          edit(f, site.start(), site.end(), ip.referInJavadoc(site.owner().fqn(), ctx));
      case STAY_BEHIND -> {
        // Whether the member that stays is visible from the destination is javac's check of the
        // result (CompileCheck), which knows the overload the call means.
        edit(
            f,
            site.start(),
            site.end(),
            qualifier(ip, site.owner().fqn(), f, site.node(), ctxFile, ctx) + ".");
        delta.added.add(
            new GraphDelta.Ref(fromTop, site.owner().topLevel().fqn(), f.display(), line, col));
      }
      case MEMBER_USE -> {
        // Access from the destination (members, constructors, protected rules) is javac's check
        // of the result; here only the graph's new edge.
        TypeInfo owner = site.owner();
        if (host != null && owner.topLevel().equals(host.origin().topLevel())) {
          delta.added.add(
              new GraphDelta.Ref(fromTop, owner.topLevel().fqn(), f.display(), line, col));
        }
      }
      case TYPE_USE -> {
        String text = ip.refer(site.fqn(), ctx);
        if (!text.equals(site.name())) {
          edit(f, site.start(), site.end(), text);
        }
        TypeInfo t = site.owner();
        if (t != null) {
          if (t.topLevel().equals(host.origin().topLevel())) {
            delta.added.add(
                new GraphDelta.Ref(fromTop, t.topLevel().fqn(), f.display(), line, col));
          }
        }
      }
      case STATIC_USE -> {
        if (!site.fqn().equals(hostDest.fqn())) {
          ip.addStatic(site.fqn(), site.name());
        }
      }
      case UNRESOLVED_INSIDE ->
          unresolvedInside(f, site.node(), site.name(), target.display(), site.fqn());
      case UNRESOLVED ->
          conflict(
              "move/unresolved",
              f,
              site.node(),
              site.name()
                  + " is spelled like the moved "
                  + target.display()
                  + ", but not resolved by javac ("
                  + site.fqn()
                  + "), so whether it refers to it is not known; give javac what the sources"
                  + " need (--classpath, --maven-module) or fix the error first",
              target.display() + " <- " + f.display() + ":" + site.name());
    }
  }

  /**
   * The text for type {@code fqn} as the qualifier of a member access ({@code T.m}): its full name
   * where a variable of its simple name may be in scope and would be read instead ({@link
   * Obscuring}), else what {@link ImportPlan#refer} writes.
   */
  private String qualifier(
      ImportPlan ip, String fqn, ParsedFile f, Node site, ParsedFile ctxFile, Node ctx) {
    String simple = fqn.substring(fqn.lastIndexOf('.') + 1);
    if (fqn.indexOf('.') >= 0 && obscuring.variableNamed(simple, f, site, ctxFile, ctx)) {
      return fqn;
    }
    return ip.refer(fqn, ctx);
  }

  private static ParsedFile hostFile(DestModel d) {
    return d.first.destination().existing().file();
  }

  /**
   * Records that code in {@code fromTop}/{@code fromPkg} must see {@code target} at its new home.
   */
  private void require(MovedElement target, String fromTop, String fromPkg) {
    var d = target.destination();
    int need = Access.required(fromTop, fromPkg, d.topLevelFqn(), d.packageName());
    required.merge(target, need, Math::max);
  }
}
