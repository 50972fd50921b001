package dev.lockkit.refactor.move;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.graph.CodeGraph;
import dev.lockkit.analyzer.kconfig.FeatureModel;
import dev.lockkit.analyzer.kconfig.KconfigException;
import dev.lockkit.analyzer.kconfig.KconfigParser;
import dev.lockkit.analyzer.layers.RulesException;
import dev.lockkit.analyzer.layers.RulesFile;
import dev.lockkit.analyzer.progress.Progress;
import dev.lockkit.analyzer.source.GraphBuilder;
import dev.lockkit.analyzer.source.InputException;
import dev.lockkit.analyzer.source.InputScanner;
import dev.lockkit.analyzer.source.SourceParser;
import dev.lockkit.analyzer.source.SourceRoot;
import dev.lockkit.refactor.edit.ChangeSet;
import dev.lockkit.refactor.edit.SourceFile;
import dev.lockkit.refactor.findings.AddedFindings;
import dev.lockkit.refactor.javac.Attribution;
import dev.lockkit.refactor.move.check.ConditionModel;
import dev.lockkit.refactor.move.check.Presence;
import dev.lockkit.refactor.move.check.WhatIfGraph;
import dev.lockkit.refactor.move.model.ElementResolver;
import dev.lockkit.refactor.move.model.JavaProject;
import dev.lockkit.refactor.move.model.MovedElement;
import dev.lockkit.refactor.move.model.MovedType;
import dev.lockkit.refactor.move.model.ParsedFile;
import dev.lockkit.refactor.move.plan.MoveOp;
import dev.lockkit.refactor.move.plan.PlanException;
import dev.lockkit.refactor.move.plan.PlanParser;
import dev.lockkit.refactor.move.rewrite.FileProbe;
import dev.lockkit.refactor.move.rewrite.HostProbe;
import dev.lockkit.refactor.move.rewrite.MoveRewriter;
import dev.lockkit.refactor.move.rewrite.TypeMoves;
import dev.lockkit.refactor.source.Words;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs a move plan up to, but not including, writing: parse the plan, load and parse the sources,
 * resolve every element, compute the edits, and run every check on what the result would be.
 *
 * <p>Everything that makes the plan unusable as written (a plan syntax error, an element that does
 * not exist, a destination file that does not parse, a read-only file, a bad Kconfig or rules file)
 * is thrown as {@link BadInput}, which the command maps to exit 2. Everything that makes the plan
 * unsafe is a {@link Finding} in {@link Outcome#blocking()}, which maps to exit 1.
 */
public final class MoveEngine {

  /**
   * The inputs of a run.
   *
   * @param classpath what the sources depend on, for javac's resolution of references (the JDK is
   *     always there); references javac cannot resolve without it are listed in the notes
   * @param knownGraph the analyzer's graph of exactly these paths when the caller already has it
   *     (many what-ifs on one unchanged tree, as in a campaign); null: built here
   */
  public record Request(
      Path plan,
      List<Path> paths,
      Path kconfig,
      Path rules,
      boolean keepForwarders,
      Set<String> allow,
      List<Path> classpath,
      CodeGraph knownGraph) {

    /** A request with a class path; the analyzer's graph of the tree is built. */
    public Request(
        Path plan,
        List<Path> paths,
        Path kconfig,
        Path rules,
        boolean keepForwarders,
        Set<String> allow,
        List<Path> classpath) {
      this(plan, paths, kconfig, rules, keepForwarders, allow, classpath, null);
    }

    /** A request without a class path (sources that need only the JDK). */
    public Request(
        Path plan,
        List<Path> paths,
        Path kconfig,
        Path rules,
        boolean keepForwarders,
        Set<String> allow) {
      this(plan, paths, kconfig, rules, keepForwarders, allow, List.of(), null);
    }
  }

  /** The plan cannot be carried out as written; the message names file, line and reason. */
  public static final class BadInput extends Exception {
    public BadInput(String message) {
      super(message);
    }
  }

  /**
   * What the plan would do.
   *
   * @param blocking conflicts that stop the move (access, name clashes, and analyzer findings not
   *     allowed with {@code --allow})
   * @param allowed analyzer findings the move adds but {@code --allow} accepts
   * @param warnings input problems that do not stop the move (e.g. other files that do not parse)
   * @param graphBefore the analyzer's graph of the tree as it is (for {@code --verify}'s diff)
   */
  public record Outcome(
      List<MoveOp> ops,
      List<MovedElement> elements,
      ChangeSet changes,
      List<SourceFile> deletions,
      List<Finding> blocking,
      List<Finding> allowed,
      List<Finding> warnings,
      List<String> notes,
      CodeGraph graphBefore) {}

  private MoveEngine() {}

  /** Plans the move and checks it; writes nothing. */
  public static Outcome plan(Request req) throws BadInput {
    return plan(req, Progress.NONE);
  }

  /** The steps of a what-if, as the progress bar counts them. */
  private static final int STEPS = 5;

  /**
   * Plans the move and checks it; writes nothing. {@code progress} shows which of the steps runs
   * (parsing, javac's resolution, rewriting, javac's check of the result, the graph rules): on a
   * large tree each takes seconds.
   */
  public static Outcome plan(Request req, Progress progress) throws BadInput {
    List<MoveOp> ops;
    try {
      ops = PlanParser.parse(req.plan());
    } catch (PlanException e) {
      throw new BadInput(e.getMessage());
    }
    FeatureModel model = null;
    if (req.kconfig() != null) {
      try {
        model = KconfigParser.parse(req.kconfig());
      } catch (KconfigException e) {
        throw new BadInput(e.getMessage());
      }
    }
    RulesFile rules = null;
    if (req.rules() != null) {
      try {
        rules = RulesFile.read(req.rules());
      } catch (RulesException e) {
        throw new BadInput(e.getMessage());
      }
    }
    // The analyzer's graph of the tree as it is needs only the paths: build it while the move's
    // own parse and rewrite run, so the two parses overlap instead of adding up in wall time.
    FutureTask<CodeGraph> before =
        new FutureTask<>(() -> req.knownGraph() != null ? req.knownGraph() : graphBefore(req));
    Thread graphThread = new Thread(before, "lockkit-move-graph");
    graphThread.setDaemon(true);
    graphThread.start();
    progress.update("move: parsing", 0, STEPS);
    JavaProject project;
    try {
      project = JavaProject.load(req.paths(), names(ops));
    } catch (InputException e) {
      before.cancel(true);
      throw new BadInput(e.getMessage());
    }
    progress.update("move: javac resolving references", 1, STEPS);
    // One javac session for every attribution of this what-if: the tree before and the tree after
    // share the source and class path, and re-reading them is most of a javac task's cost.
    try (Attribution.Session session = new Attribution.Session(roots(req), req.classpath())) {
      return plan(req, progress, ops, model, rules, before, project, session);
    }
  }

  private static Outcome plan(
      Request req,
      Progress progress,
      List<MoveOp> ops,
      FeatureModel model,
      RulesFile rules,
      FutureTask<CodeGraph> before,
      JavaProject project,
      Attribution.Session session)
      throws BadInput {
    // javac first: the plan's member lines are resolved to the declarations javac sees (an
    // overload by its parameter types as javac types them), then every reference to them.
    List<HostProbe> probes = new ArrayList<>();
    List<FileProbe> fileProbes = new ArrayList<>();
    Set<String> moved = names(ops);
    Attribution javac = WhatIfJavac.attribute(session, project, ops, moved, probes, fileProbes);
    List<MovedElement> elements = new ArrayList<>();
    List<MovedType> types = new ArrayList<>();
    ElementResolver resolver = new ElementResolver(project, javac);
    Map<Object, MoveOp> seen = new IdentityHashMap<>();
    for (MoveOp op : ops) {
      try {
        if (ElementResolver.isTypeMove(op)) {
          MovedType t = resolver.resolveType(op);
          MoveOp twice = seen.put(t.type().decl(), op);
          if (twice != null) {
            throw PlanException.at(op, t.oldFqn() + " is already moved at " + twice.where());
          }
          types.add(t);
          continue;
        }
        MovedElement m = resolver.resolve(op);
        MoveOp twice = seen.put(m.decl(), op);
        if (twice != null) {
          throw PlanException.at(op, m.display() + " is already moved at " + twice.where());
        }
        elements.add(m);
      } catch (PlanException e) {
        throw new BadInput(e.getMessage());
      }
    }
    for (MovedType t : types) {
      for (MovedType u : types) {
        if (t != u && t.intoType() && u.type().topLevel().equals(t.host().topLevel())) {
          // The host's file is recreated from its text as it was: the insertion would be lost.
          throw new BadInput(
              t.op().where()
                  + ": "
                  + t.oldFqn()
                  + " moves into "
                  + t.host().fqn()
                  + ", which "
                  + u.op().where()
                  + " moves too; split the plan in two");
        }
        if (t != u && t.nested() && t.type().topLevel().equals(u.type().topLevel())) {
          throw new BadInput(
              t.op().where()
                  + ": "
                  + t.oldFqn()
                  + " is cut from the file "
                  + u.op().where()
                  + " also changes; split the plan in two");
        }
      }
      String clash = TypeMoves.overlap(t, elements);
      if (clash != null) {
        throw new BadInput(clash);
      }
    }
    List<Finding> warnings = new ArrayList<>();
    List<Finding> unparsedUses = new ArrayList<>();
    for (ParsedFile f : project.unparsed()) {
      int at = Words.firstOf(f.source().text(), moved);
      if (at >= 0) {
        // A file JavaParser cannot read may still compile (syntax newer than its grammar); if it
        // spells a moved name, the move would leave its references behind: refuse, unless the
        // user accepts it with --allow.
        unparsedUses.add(
            Finding.of(
                UNPARSED_USE,
                Severity.ERROR,
                new Location(f.display(), f.source().lineOf(at), 0),
                "does not parse ("
                    + f.parseError()
                    + ") and names what the plan moves; its references cannot be updated",
                f.display()));
        continue;
      }
      warnings.add(
          Finding.of(
              "input/parse",
              Severity.WARNING,
              Location.ofFile(f.display()),
              "does not parse (" + f.parseError() + "); references in it cannot be updated",
              f.display()));
    }
    progress.update("move: rewriting", 2, STEPS);
    MoveRewriter.Result r =
        new MoveRewriter(
                project,
                elements,
                types,
                new MoveRewriter.Options(req.keepForwarders()),
                new Presence(new ConditionModel(model)),
                javac)
            .probes(probes, fileProbes)
            .run();
    // javac's attribution of the tree before holds its whole compiler context (symbols, trees):
    // drop it before the tree after is attributed, so the two contexts are not live together.
    javac = null;
    resolver = null;
    if (ops.size() > 1) {
      deletedFileEdited(types, r);
    }
    List<Path> touched = new ArrayList<>(r.changes().paths());
    r.deletions().forEach(d -> touched.add(d.path()));
    for (Path p : touched) {
      if (Files.exists(p) && readOnly(p)) {
        ParsedFile f = project.file(p);
        throw new BadInput(
            (f == null ? p.toString() : f.display()) + ": file is read-only; nothing written");
      }
    }
    List<Finding> blocking = new ArrayList<>(dedupe(r.conflicts()));
    if (blocking.isEmpty()) {
      progress.update("move: javac checking the result", 3, STEPS);
      blocking.addAll(WhatIfJavac.compileCheck(session, project, r, elements, types, moved));
    }
    List<Finding> allowed = new ArrayList<>();
    for (Finding f : unparsedUses) {
      (req.allow().contains(f.rule()) ? allowed : blocking).add(f);
    }
    progress.update("move: graph rules", 4, STEPS);
    CodeGraph graphBefore = await(before);
    for (Finding f : graphFindings(graphBefore, r, rules)) {
      (req.allow().contains(f.rule()) ? allowed : blocking).add(f);
    }
    blocking.sort(Finding.ORDER);
    return new Outcome(
        ops,
        elements,
        r.changes(),
        r.deletions(),
        blocking,
        allowed,
        warnings,
        r.notes(),
        graphBefore);
  }

  /**
   * A type moved into a type leaves with the text of its file as it was, and the file is deleted:
   * an edit another line of the plan makes in that file (a reference it rewrites, a member it cuts)
   * would be lost, not merged. The same holds for the host's file if another line moves the host
   * (its file is recreated elsewhere). So in a plan with a move into a type, an edit to any file
   * the plan deletes refuses the plan, naming the file; edits elsewhere merge as for any plan, and
   * javac's check of the result sees the host whole.
   */
  private static void deletedFileEdited(List<MovedType> types, MoveRewriter.Result r)
      throws BadInput {
    MovedType into = types.stream().filter(MovedType::intoType).findFirst().orElse(null);
    if (into == null) {
      return;
    }
    Set<Path> edited = new java.util.HashSet<>();
    r.changes().paths().forEach(p -> edited.add(p.toAbsolutePath().normalize()));
    for (SourceFile d : r.deletions()) {
      if (edited.contains(d.path().toAbsolutePath().normalize())) {
        throw new BadInput(
            into.op().where()
                + ": moving "
                + into.oldFqn()
                + " into a type: the plan deletes "
                + d.path()
                + ", which another line of the plan also edits; split the plan (the edit would be"
                + " lost)");
      }
    }
  }

  private static List<Path> roots(Request req) throws BadInput {
    List<Path> roots = new ArrayList<>();
    try {
      for (SourceRoot root : InputScanner.scan(req.paths())) {
        roots.add(root.root());
      }
    } catch (InputException e) {
      throw new BadInput(e.getMessage());
    }
    return roots;
  }

  /** The analyzer's graph of the tree under {@code paths}, as the what-if starts from it. */
  public static CodeGraph graphOf(List<Path> paths) throws InputException {
    return graphBefore(new Request(null, paths, null, null, false, Set.of()));
  }

  private static CodeGraph graphBefore(Request req) throws InputException {
    SourceParser.Parsed parsed =
        new SourceParser(SourceParser.Options.defaults(), Path.of("").toAbsolutePath())
            .parse(InputScanner.scan(req.paths()), SourceParser.Progress.NONE);
    return GraphBuilder.build(parsed.modules(), parsed.files());
  }

  private static CodeGraph await(FutureTask<CodeGraph> before) throws BadInput {
    try {
      return before.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building the code graph", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof InputException ie) {
        throw new BadInput(ie.getMessage());
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("building the code graph failed", e.getCause());
    }
  }

  private static List<Finding> graphFindings(
      CodeGraph before, MoveRewriter.Result r, RulesFile rules) {
    CodeGraph after = WhatIfGraph.apply(before, r.delta());
    return AddedFindings.added(before, after, rules);
  }

  /** The rule of a file that does not parse and spells a name the plan moves. */
  static final String UNPARSED_USE = "move/unparsed-reference";

  /**
   * The names every reference to a moved element spells out: member names and moved types' simple
   * names. Files containing none of them cannot refer to a moved element and are parsed only if a
   * lookup needs them.
   */
  private static Set<String> names(List<MoveOp> ops) {
    Set<String> out = new java.util.TreeSet<>();
    for (MoveOp op : ops) {
      if (op.element().isMember()) {
        out.add(op.element().member());
      } else {
        String t = op.element().type();
        out.add(t.substring(t.lastIndexOf('.') + 1));
      }
    }
    return out;
  }

  /** Not writable, or (for root, who may write anything) lacking the owner's write bit. */
  static boolean readOnly(Path p) {
    if (!Files.isWritable(p)) {
      return true;
    }
    try {
      return Files.getFileAttributeView(p, java.nio.file.attribute.PosixFileAttributeView.class)
              != null
          && !Files.getPosixFilePermissions(p)
              .contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    } catch (java.io.IOException e) {
      return true;
    }
  }

  private static List<Finding> dedupe(List<Finding> in) {
    List<Finding> out = new ArrayList<>();
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (Finding f : in) {
      if (keys.add(f.baselineKey() + "|" + f.location())) {
        out.add(f);
      }
    }
    return out;
  }
}
