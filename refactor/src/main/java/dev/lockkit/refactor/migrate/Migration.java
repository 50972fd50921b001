package dev.lockkit.refactor.migrate;

import dev.lockkit.analyzer.kconfig.FeatureModel;
import dev.lockkit.analyzer.kconfig.KconfigException;
import dev.lockkit.analyzer.kconfig.KconfigParser;
import dev.lockkit.analyzer.progress.Progress;
import dev.lockkit.refactor.edit.ChangeSet;
import dev.lockkit.refactor.edit.EditException;
import dev.lockkit.refactor.migrate.gate.GateCheck;
import dev.lockkit.refactor.migrate.match.Match;
import dev.lockkit.refactor.migrate.match.Matcher;
import dev.lockkit.refactor.migrate.report.LeftSite;
import dev.lockkit.refactor.migrate.report.MigrationReport;
import dev.lockkit.refactor.migrate.report.RewrittenSite;
import dev.lockkit.refactor.migrate.report.RuleReport;
import dev.lockkit.refactor.migrate.resolve.Candidates;
import dev.lockkit.refactor.migrate.resolve.OneTask;
import dev.lockkit.refactor.migrate.resolve.Symbols;
import dev.lockkit.refactor.migrate.resolve.Workspace;
import dev.lockkit.refactor.migrate.resolve.WorkspaceException;
import dev.lockkit.refactor.migrate.template.Ref;
import dev.lockkit.refactor.migrate.template.Rule;
import dev.lockkit.refactor.migrate.template.Template;
import dev.lockkit.refactor.migrate.template.TemplateException;
import dev.lockkit.refactor.migrate.template.TemplateParser;
import dev.lockkit.refactor.migrate.template.TemplateSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One migration run: templates in, edits and report out. Nothing is written here; the caller writes
 * {@link Result#changes()} (or prints its diff).
 *
 * <p>Implementation overview. The analysed files are read ({@link Workspace}) and the ones that can
 * hold a site are chosen by a scan of their text ({@link Candidates}: the words a template's
 * matches and sites left must spell); javac attributes the template file and, in the candidates,
 * the bodies that pass the same scan in one task ({@link OneTask}), the other files on its source
 * path, so a template type and a target type are types of one compiler, and its answers, copied
 * into lockkit's records ({@link Symbols}) before the task is let go, decide which member a call,
 * method reference or field denotes and what type code has. Then, for each file in path order, a
 * candidate is parsed by JavaParser for positions and text, {@link Matcher} finds the matches and
 * near misses, {@link FilePlan} chooses and renders the rewrites (gating check included) and their
 * imports, {@link SitesLeft} lists the remaining uses of the old API, and the file's tree and
 * javac's answers for it are let go. All per-rule lists are sorted by path and line, so the report
 * is a function of the input only.
 */
public final class Migration {

  private Migration() {}

  /**
   * The edits and the report of a run, with what {@code --verify} needs: the analysed source roots
   * and, per display path, the rewrites made in that file ({@code rule R at path:line}).
   */
  public record Result(
      ChangeSet changes,
      MigrationReport report,
      TemplateSet templates,
      List<Path> sourceRoots,
      Map<String, List<String>> rewritesByFile,
      Optional<FeatureModel> model) {}

  /** Runs a migration; throws {@link MigrationException} for bad input (exit 2). */
  public static Result run(MigrationRequest request) throws MigrationException {
    return run(request, new Phases());
  }

  /** Runs a migration, adding the time of each phase to {@code phases} (for the benchmark). */
  public static Result run(MigrationRequest request, Phases phases) throws MigrationException {
    return run(request, phases, Progress.NONE);
  }

  /**
   * Runs a migration, showing its stages on {@code progress} (stderr only, never in a report):
   * reading, javac's attribution, then matching file by file.
   */
  public static Result run(MigrationRequest request, Phases phases, Progress progress)
      throws MigrationException {
    if (javax.tools.ToolProvider.getSystemJavaCompiler() == null) {
      // Every name, type and condition a rule uses is javac's: without a compiler no rule could
      // run, and each would be skipped with a reason that blames the class path.
      throw new MigrationException(
          "no Java compiler in this runtime (a JRE, not a JDK?): migrate needs javac");
    }
    progress.update("migrate: reading sources and templates", 0, 1);
    Workspace ws;
    OneTask[] task = {null};
    // The files that can hold a site (Candidates: a scan of their text); no other file is
    // attributed as a unit or parsed.
    java.util.concurrent.atomic.AtomicReference<java.util.function.Predicate<Path>> candidates =
        new java.util.concurrent.atomic.AtomicReference<>(p -> true);
    long t = System.nanoTime();
    TemplateSet templates;
    Optional<FeatureModel> model = Optional.empty();
    try {
      ws = Workspace.load(request.base(), request.paths(), request.classpath());
      phases.add("read", t);
      t = System.nanoTime();
      if (request.kconfig().isPresent()) {
        model = Optional.of(KconfigParser.parse(request.kconfig().get()));
      }
      // The template file is attributed in the javac task of the analysed code (a placeholder's
      // type and the type of the code it binds must be types of one compiler); the files and
      // bodies that task attributes are those whose text can hold a site (Candidates).
      long templatesStart = t;
      long[] javacNanos = {0};
      templates =
          TemplateParser.parse(
              ws,
              request.templates(),
              f -> {
                long start = System.nanoTime();
                progress.update("migrate: javac attribution", 0, 1);
                task[0] = OneTask.of(ws, request.classpath(), Candidates.of(f.text()), f);
                candidates.set(task[0]::isCandidate);
                javacNanos[0] = System.nanoTime() - start;
                return task[0].templateSymbols();
              });
      phases.add("templates", templatesStart + javacNanos[0]);
      phases.add("javac attribution", System.nanoTime() - javacNanos[0]);
    } catch (WorkspaceException | TemplateException e) {
      closeQuietly(task[0]);
      throw new MigrationException(e.getMessage());
    } catch (OneTask.Failed e) {
      throw new MigrationException(
          "javac could not attribute the sources and the template file: " + e.getMessage());
    } catch (KconfigException e) {
      closeQuietly(task[0]);
      throw new MigrationException("--kconfig: " + e.getMessage());
    }
    List<Rule> rules = templates.rules();
    Set<String> typeNames = task[0] == null ? Set.of() : task[0].topLevelTypes();
    Set<String> oldTypes = oldTypes(rules);
    t = System.nanoTime();
    List<com.github.javaparser.ast.expr.SimpleName> placeholders = new ArrayList<>();
    for (Rule r : rules) {
      for (Template b : r.before()) {
        b.method().getParameters().forEach(p -> placeholders.add(p.getName()));
        b.placeholderMethods().values().forEach(m -> placeholders.add(m.declaration().getName()));
      }
    }
    // javac's answers are copied into lockkit's records; the task is let go here.
    Symbols symbols;
    try {
      symbols = Symbols.of(ws, task[0], placeholders);
    } finally {
      closeQuietly(task[0]);
      task[0] = null;
    }
    phases.add("javac attribution", t);
    Matcher matcher = new Matcher(rules, symbols);
    GateCheck gate = new GateCheck(model);
    SitesLeft sitesLeft = new SitesLeft(rules, symbols);
    ChangeSet changes = new ChangeSet();
    Map<Rule, List<RewrittenSite>> done = new LinkedHashMap<>();
    Map<Rule, List<LeftSite>> left = new LinkedHashMap<>();
    rules.forEach(r -> done.put(r, new ArrayList<>()));
    rules.forEach(r -> left.put(r, new ArrayList<>()));
    Path templatePath = request.templates().toAbsolutePath().normalize();
    int scanned = 0;
    for (Workspace.Source source : ws.files()) {
      progress.update("migrate: matching", ++scanned, ws.files().size());
      if (source.file().path().equals(templatePath)) {
        continue; // the template file inside PATH: its befores would match themselves
      }
      if (!candidates.get().test(source.file().path())) {
        continue; // no site can be there: not parsed (nor listed in ws.skipped() if it would fail)
      }
      // Each file is parsed for its own turn only (positions and text); its tree and javac's
      // answers for it go when the turn is over.
      t = System.nanoTime();
      Optional<Workspace.Unit> parsed = ws.parse(source);
      phases.add("parse", t);
      if (parsed.isEmpty()) {
        symbols.release(source.file().path());
        continue; // listed in ws.skipped()
      }
      Workspace.Unit unit = parsed.get();
      t = System.nanoTime();
      Matcher.Result found = matcher.scan(unit.cu());
      phases.add("match", t);
      t = System.nanoTime();
      FilePlan plan = new FilePlan(unit, templates, gate, typeNames);
      plan.plan(found.matches(), changes, oldTypes);
      phases.add("plan and gate", t);
      for (FilePlan.Applied a : plan.applied()) {
        done.get(a.match().rule())
            .add(
                new RewrittenSite(
                    unit.displayPath(),
                    unit.file().lineOf(a.start()),
                    oneLine(unit.file().text().substring(a.start(), a.end())),
                    oneLine(a.replacement())));
      }
      for (Match m : plan.found()) {
        int start =
            dev.lockkit.refactor.migrate.rewrite.AfterRenderer.start(unit.file(), m.first());
        int end = dev.lockkit.refactor.migrate.rewrite.AfterRenderer.end(unit.file(), m.last());
        done.get(m.rule())
            .add(
                new RewrittenSite(
                    unit.displayPath(),
                    unit.file().lineOf(start),
                    oneLine(unit.file().text().substring(start, end)),
                    ""));
      }
      t = System.nanoTime();
      for (SitesLeft.Entry e : sitesLeft.find(plan, found.nearMisses())) {
        left.get(e.rule()).add(e.site());
      }
      phases.add("sites left", t);
      symbols.release(source.file().path());
    }
    List<RuleReport> reports = new ArrayList<>();
    for (Rule r : rules) {
      List<RewrittenSite> d = new ArrayList<>(done.get(r));
      d.sort(Comparator.comparing(RewrittenSite::path).thenComparingInt(RewrittenSite::line));
      List<LeftSite> l = new ArrayList<>(left.get(r));
      l.sort(
          Comparator.comparing(LeftSite::path)
              .thenComparingInt(LeftSite::line)
              .thenComparingInt(LeftSite::column));
      reports.add(new RuleReport(r.name(), r.line(), r.findOnly(), d, l));
    }
    List<String> skipped = new ArrayList<>();
    for (Workspace.Problem p : ws.skipped()) {
      skipped.add(p.displayPath() + ":" + p.line() + ": " + p.message());
    }
    List<String> files = new ArrayList<>();
    t = System.nanoTime();
    try {
      changes.result().forEach((path, text) -> files.add(ws.displayPath(path)));
    } catch (EditException e) {
      throw new MigrationException("conflicting rewrites: " + e.getMessage());
    }
    phases.add("rewrite", t);
    MigrationReport report =
        new MigrationReport(
            templates.displayPath(), request.mode(), reports, skipped, files, templates.skipped());
    Map<String, List<String>> byFile = new TreeMap<>();
    for (Map.Entry<Rule, List<RewrittenSite>> e : done.entrySet()) {
      if (!e.getKey().findOnly()) {
        for (RewrittenSite s : e.getValue()) {
          byFile
              .computeIfAbsent(s.path(), k -> new ArrayList<>())
              .add("rule " + e.getKey().name() + " at " + s.path() + ":" + s.line());
        }
      }
    }
    return new Result(changes, report, templates, ws.sourceRoots(), byFile, model);
  }

  /**
   * What a rewrite may leave imported but unused: the owners and placeholder types of befores, and
   * the static members they name ({@code import static java.lang.String.format;}).
   */
  private static Set<String> oldTypes(List<Rule> rules) {
    Set<String> out = new TreeSet<>();
    for (Rule r : rules) {
      for (Ref ref : r.named()) {
        out.add(ref.owner());
        if (ref.isStatic() && (ref.kind() == Ref.Kind.METHOD || ref.kind() == Ref.Kind.FIELD)) {
          out.add(ref.owner() + "." + ref.name());
        }
      }
      for (Template t : r.before()) {
        for (Template.Type p : t.placeholders().values()) {
          if (p.className() != null) {
            out.add(p.className());
          }
        }
      }
    }
    return out;
  }

  private static String oneLine(String s) {
    String t = s.replaceAll("\\s*\\n\\s*", " ").strip();
    return t.length() > 100 ? t.substring(0, 97) + "..." : t;
  }

  private static void closeQuietly(OneTask task) {
    if (task != null) {
      task.close();
    }
  }
}
