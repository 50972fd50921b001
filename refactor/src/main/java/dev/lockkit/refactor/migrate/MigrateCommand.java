package dev.lockkit.refactor.migrate;

import dev.lockkit.analyzer.layers.RulesException;
import dev.lockkit.analyzer.layers.RulesFile;
import dev.lockkit.analyzer.progress.Progress;
import dev.lockkit.refactor.edit.EditException;
import dev.lockkit.refactor.maven.MavenModule;
import dev.lockkit.refactor.maven.MavenModuleException;
import dev.lockkit.refactor.migrate.report.MigrationReport;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lockkit migrate}: apply Refaster-style templates to a source tree.
 *
 * <p>Exit codes: 0 done (or nothing to do); 1 with {@code --check} when a site would be rewritten,
 * or with {@code --fail-on-left} when a use of the old API is left; 3 with {@code --verify} when a
 * variant of the rewritten tree has a compile error the tree before did not have, or the rewritten
 * tree has a cycle or layer violation ({@code --rules}) the tree before did not have and {@code
 * --allow} does not accept (nothing written); 2 bad input (a template file that does not parse or
 * has no rule that can run, a bad path, a rules file for {@code --ban} that does not parse, a write
 * that could not be done) — with a {@code file:line} message, nothing written, and no stack trace
 * unless {@code --debug}.
 */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Rewrite call sites with before/after templates in Error Prone Refaster's form,",
      "type-aware, and list every use of the old API no template could convert, with the reason."
    })
public final class MigrateCommand implements Callable<Integer> {

  /** Exit code: done. */
  public static final int EXIT_OK = 0;

  /** Exit code: {@code --check} found sites to rewrite. */
  public static final int EXIT_CHECK_FAILED = 1;

  /**
   * Exit code: {@code --verify} found compile errors, cycles or layer violations the rewrite
   * introduced (nothing written).
   */
  public static final int EXIT_VERIFY_FAILED = 3;

  /** Exit code: bad input. */
  public static final int EXIT_BAD_INPUT = 2;

  @Option(
      names = "--templates",
      required = true,
      paramLabel = "F.java",
      description = "Template file (Refaster form).")
  Path templates;

  @Option(
      names = "--classpath",
      paramLabel = "CP",
      description =
          "Jars, class directories or source directories the code depends on,"
              + " separated by the platform's path separator.")
  String classpathOption;

  @Option(
      names = "--maven-module",
      paramLabel = "DIR",
      description =
          "Take the class path from the Maven module in DIR (maven-dependency-plugin's"
              + " build-classpath, plus its target/classes and src/main/java); added after"
              + " --classpath.")
  Path mavenModule;

  @Option(
      names = "--offline",
      description = "Run Maven offline (-o) for --maven-module: nothing is downloaded.")
  boolean offline;

  // The Maven to run for --maven-module, and extra arguments for it; tests point them elsewhere.
  String mvn = MavenModule.defaultMvn();

  List<String> mavenArgs = List.of();

  @Option(
      names = "--kconfig",
      paramLabel = "F",
      description = "Kconfig feature model for the gating check.")
  Path kconfig;

  static final class Mode {
    @Option(names = "--dry-run", description = "Print the unified diff; write nothing.")
    boolean dryRun;

    @Option(
        names = "--check",
        description = "Write nothing; exit 1 if any site would be rewritten.")
    boolean check;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Mode mode;

  /** Report formats. */
  enum Format {
    text,
    json
  }

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "text|json",
      description = "Report format (default: text).")
  Format format;

  @Option(
      names = "--ban",
      paramLabel = "RULES_FILE",
      description = "After writing, append an api/forbidden rule for the old API to RULES_FILE.")
  Path ban;

  @Option(
      names = "--ban-allow",
      paramLabel = "PATTERN",
      description = "Extra package pattern allowed to use the banned API (repeatable).")
  List<String> banAllow = new ArrayList<>();

  @Option(
      names = "--verify",
      description =
          "Before writing, compile every variant of the rewritten tree and rerun the analysis"
              + " on it; write nothing if the change introduces a compile error, a cycle or a"
              + " layer violation.")
  boolean verify;

  @Option(
      names = "--rules",
      paramLabel = "F",
      description =
          "Layering rules file for --verify's check of the result (new cycles are checked"
              + " without one).")
  Path rules;

  @Option(
      names = "--allow",
      paramLabel = "RULE",
      description =
          "Accept new findings of this analyzer rule (e.g. cycle/package) in --verify's check;"
              + " repeatable.")
  List<String> allow = new ArrayList<>();

  @Option(
      names = "--fail-on-left",
      description = "Exit 1 if any use of the old API is left (CI enforcement after a migration).")
  boolean failOnLeft;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  @Option(
      names = "--quiet",
      description = "No progress line on stderr (it is drawn only when stderr is a terminal).")
  boolean quiet;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to migrate.")
  List<Path> paths;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command on its own ({@code lockkit migrate} is the usual entry point). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new MigrateCommand()).execute(args));
  }

  private void printReport(PrintWriter out, MigrationReport report) {
    out.print(format == Format.json ? report.toJson() : report.toText());
    out.flush();
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> classpath = new ArrayList<>();
    if (classpathOption != null) {
      for (String entry :
          classpathOption.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
        if (!entry.isBlank()) {
          classpath.add(Path.of(entry));
        }
      }
    }
    String modeName = mode == null ? "write" : mode.check ? "check" : "dry-run";
    if (!modeName.equals("write") && (ban != null || verify)) {
      err.println("lockkit migrate: --ban and --verify act on written files: drop --" + modeName);
      err.flush();
      return EXIT_BAD_INPUT;
    }
    if ((rules != null || !allow.isEmpty()) && !verify) {
      err.println("lockkit migrate: --rules and --allow act on --verify's check: add --verify");
      err.flush();
      return EXIT_BAD_INPUT;
    }
    Progress bar = Progress.onTerminal(err, quiet);
    try {
      if (mavenModule != null) {
        classpath.addAll(MavenModule.classpath(mavenModule, mvn, offline, mavenArgs));
      }
      Path base = Path.of("").toAbsolutePath();
      // Read before the migration, so a bad rules file exits 2 before anything is reported.
      RulesFile layering = rules == null ? null : RulesFile.read(rules);
      Migration.Result result =
          Migration.run(
              new MigrationRequest(
                  base, templates, paths, classpath, Optional.ofNullable(kconfig), modeName),
              new Phases(),
              bar);
      bar.done();
      // The rules file for --ban is read before anything is reported, so a bad one exits 2
      // without a report that reads as if the run had rewritten something.
      Ban.Plan banPlan =
          modeName.equals("write") && ban != null
              ? Ban.plan(ban, result.templates(), banAllow)
              : null;
      if (modeName.equals("dry-run") && format == Format.text) {
        out.print(result.changes().unifiedDiff(base));
      }
      // With --verify the report waits for the verdict, so that it never says "rewritten" of a
      // run that wrote nothing.
      boolean verdictFirst = modeName.equals("write") && verify;
      if (!verdictFirst) {
        printReport(out, result.report());
      }
      boolean leftover = failOnLeft && result.report().leftCount() > 0;
      if (modeName.equals("check")) {
        return result.report().rewrittenCount() > 0 || leftover ? EXIT_CHECK_FAILED : EXIT_OK;
      }
      if (modeName.equals("write")) {
        // Every input and output is checked before the first write: a run writes all or nothing.
        Verify verifier = verify ? new Verify(result, classpath, base).progress(bar) : null;
        if (verify) {
          // Differential and before writing: only errors the change introduces fail the run,
          // and then nothing is written.
          Verify.Builds before = verifier.build();
          Verify.After after =
              verifier.buildRewritten(verifier.graphBefore(layering, Set.copyOf(allow)));
          bar.done();
          List<String> problems = verifier.newErrors(before, after.builds());
          problems.forEach(err::println);
          after.addedFindings().forEach(err::println);
          boolean failed = !problems.isEmpty() || !after.addedFindings().isEmpty();
          printReport(out, failed ? result.report().withMode("verify-failed") : result.report());
          err.println(
              "lockkit migrate: --verify: "
                  + verifier.configurationCount()
                  + " variant(s) built, "
                  + after.builds().failing()
                  + " with compile errors after the rewrite, "
                  + problems.size()
                  + " new error(s); "
                  + after.addedFindings().size()
                  + " new cycle or layer finding(s)"
                  + (failed ? "; nothing written" : ""));
          if (failed) {
            err.flush();
            return EXIT_VERIFY_FAILED;
          }
        }
        result.changes().write();
        if (banPlan != null) {
          err.println(banPlan.write());
        }
      }
      return leftover ? EXIT_CHECK_FAILED : EXIT_OK;
    } catch (MigrationException | MavenModuleException | EditException | RulesException e) {
      bar.done();
      err.println("lockkit migrate: " + e.getMessage());
      err.flush();
      return EXIT_BAD_INPUT;
    } catch (RuntimeException e) {
      bar.done();
      if (debug) {
        StringWriter sw = new StringWriter();
        e.printStackTrace(new PrintWriter(sw));
        err.print(sw);
      } else {
        err.println("lockkit migrate: internal error: " + e + " (rerun with --debug for details)");
      }
      err.flush();
      return EXIT_BAD_INPUT;
    }
  }
}
