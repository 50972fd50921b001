package dev.lockkit.refactor.move;

import dev.lockkit.refactor.edit.EditException;
import dev.lockkit.refactor.maven.MavenModule;
import dev.lockkit.refactor.maven.MavenModuleException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lockkit move}: moves static members as a plan file says, after checking on the code graph
 * that the result has no new cycle, layer violation, gating problem, access error or name clash.
 *
 * <p>Exit codes: 0 applied (or, with {@code --dry-run}, would apply cleanly); 1 conflicts found,
 * nothing written; 2 bad plan or input (the message names the file and line), nothing written.
 */
@Command(
    name = "move",
    mixinStandardHelpOptions = true,
    description = {
      "Move static members and top-level types, checked before a byte is written.",
      "Plan file, one a line ('#' comments): 'move pkg.Type#member[(ParamTypes)] to pkg.Dest'"
          + " or 'move pkg.Type to other.pkg'."
    })
public final class MoveCommand implements Callable<Integer> {

  /** Exit codes. */
  public static final int OK = 0;

  public static final int CONFLICTS = 1;
  public static final int BAD_INPUT = 2;

  /**
   * The analyzer rules whose new findings {@code --allow} may accept: the graph rules of the
   * what-if. Move's own conflicts (access, name clashes, gating) are never allowed.
   */
  static final java.util.SortedSet<String> ALLOWABLE =
      new java.util.TreeSet<>(
          List.of(
              "cycle/module",
              "cycle/package",
              "cycle/type",
              "layer/forbidden",
              MoveEngine.UNPARSED_USE));

  @Option(names = "--plan", required = true, paramLabel = "F", description = "the move plan")
  Path plan;

  @Option(names = "--kconfig", paramLabel = "F", description = "Kconfig feature model")
  Path kconfig;

  @Option(names = "--rules", paramLabel = "F", description = "layering rules file")
  Path rules;

  @Option(names = "--dry-run", description = "print the report and the diff; write nothing")
  boolean dryRun;

  @Option(
      names = "--allow",
      paramLabel = "RULE",
      description = "accept new findings of this analyzer rule (e.g. cycle/type); repeatable")
  List<String> allow = new ArrayList<>();

  @Option(names = "--keep-forwarders", description = "leave @Deprecated forwarders behind")
  boolean keepForwarders;

  @Option(
      names = "--verify",
      description =
          "before writing, compile the result (every variant with --kconfig) and rerun the"
              + " analysis on it; fail only on what the move introduced; nothing is written on"
              + " failure")
  boolean verify;

  @Option(
      names = "--classpath",
      paramLabel = "CP",
      description =
          "what the sources depend on (jars or class directories, platform path separator), for"
              + " javac's resolution of references and --verify's variant builds")
  String classpath;

  @Option(
      names = "--maven-module",
      paramLabel = "DIR",
      description =
          "take the class path from the Maven module in DIR (maven-dependency-plugin's"
              + " build-classpath; not its own target/classes, which would resolve what the move"
              + " deletes); added after --classpath")
  Path mavenModule;

  @Option(
      names = "--offline",
      description = "Run Maven offline (-o) for --maven-module: nothing is downloaded.")
  boolean offline;

  // The Maven to run for --maven-module, and extra arguments for it; tests point them elsewhere.
  String mvn = MavenModule.defaultMvn();

  List<String> mavenArgs = List.of();

  /**
   * {@code --classpath}, then the Maven module's dependencies. The module's own {@code
   * target/classes} and sources stay off: javac takes the tree being changed from the sources the
   * move rewrites, and a stale class of a type the move deletes must not resolve.
   */
  private List<String> classpathEntries() throws MavenModuleException {
    List<String> cp = new ArrayList<>();
    if (classpath != null && !classpath.isBlank()) {
      for (String e : classpath.split(java.io.File.pathSeparator)) {
        if (!e.isBlank()) {
          cp.add(e);
        }
      }
    }
    if (mavenModule != null) {
      MavenModule.dependencies(mavenModule, mvn, offline, mavenArgs)
          .forEach(p -> cp.add(p.toString()));
    }
    return cp;
  }

  @Option(names = "--format", paramLabel = "text|json", description = "report format")
  String format = "text";

  @Option(names = "--quiet", description = "No progress bar on stderr.")
  boolean quiet;

  @Option(names = "--debug", description = "print stack traces of internal errors")
  boolean debug;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "source roots or modules")
  List<Path> paths = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      return run(out, err);
    } catch (RuntimeException e) {
      if (debug) {
        e.printStackTrace(err);
      } else {
        err.println("lockkit move: internal error: " + e + " (rerun with --debug for details)");
      }
      err.flush();
      return BAD_INPUT;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int run(PrintWriter out, PrintWriter err) {
    if (!format.equals("text") && !format.equals("json")) {
      err.println("lockkit move: --format must be text or json, not '" + format + "'");
      return BAD_INPUT;
    }
    for (String rule : allow) {
      if (!ALLOWABLE.contains(rule)) {
        err.println(
            "lockkit move: --allow "
                + rule
                + ": not a rule move can allow (one of "
                + String.join(", ", ALLOWABLE)
                + ")");
        return BAD_INPUT;
      }
    }
    List<String> cp;
    try {
      cp = classpathEntries();
    } catch (MavenModuleException e) {
      err.println("lockkit move: " + e.getMessage());
      return BAD_INPUT;
    }
    MoveEngine.Outcome o;
    dev.lockkit.analyzer.progress.Progress progress =
        dev.lockkit.analyzer.progress.Progress.onTerminal(err, quiet);
    try {
      o =
          MoveEngine.plan(
              new MoveEngine.Request(
                  plan,
                  paths,
                  kconfig,
                  rules,
                  keepForwarders,
                  new LinkedHashSet<>(allow),
                  cp.stream().map(Path::of).toList()),
              progress);
    } catch (MoveEngine.BadInput e) {
      progress.done();
      err.println("lockkit move: " + e.getMessage());
      return BAD_INPUT;
    }
    progress.done();
    Path base = Path.of("").toAbsolutePath();
    String diff;
    try {
      diff = MoveWriter.diff(o.changes(), o.deletions(), base);
    } catch (EditException e) {
      err.println("lockkit move: " + e.getMessage());
      return BAD_INPUT;
    }
    boolean blocked = !o.blocking().isEmpty();
    boolean verifyFailed = false;
    if (!blocked && verify) {
      // Before anything is written: the result, laid out aside, must compile and pass the analysis
      // wherever the tree before did.
      Verify.Result v;
      try {
        v = Verify.run(o, paths, kconfig, rules, new LinkedHashSet<>(allow), cp);
      } catch (MoveEngine.BadInput e) {
        err.println("lockkit move: " + e.getMessage());
        return BAD_INPUT;
      }
      PrintWriter vout = format.equals("json") ? err : out;
      v.lines().forEach(vout::println);
      verifyFailed = !v.ok();
    }
    String status =
        blocked
            ? "blocked"
            : verifyFailed
                ? "--verify failed; nothing written"
                : dryRun ? "would apply" : "applied";
    if (!blocked && !verifyFailed && !dryRun) {
      try {
        MoveWriter.write(o.changes(), o.deletions());
      } catch (EditException e) {
        err.println("lockkit move: " + e.getMessage());
        return CONFLICTS;
      }
    }
    boolean showDiff = dryRun || blocked;
    if (format.equals("json")) {
      out.print(MoveReport.json(o, status, base, showDiff && !blocked ? diff : null));
    } else {
      out.print(MoveReport.text(o, status, base));
      if (dryRun && !blocked) {
        out.print(diff);
      }
    }
    if (blocked || verifyFailed) {
      return CONFLICTS;
    }
    return OK;
  }
}
