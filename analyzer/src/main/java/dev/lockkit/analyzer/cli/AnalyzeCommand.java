package dev.lockkit.analyzer.cli;

import dev.lockkit.analyzer.api.AnalysisResult;
import dev.lockkit.analyzer.api.Analyzer;
import dev.lockkit.analyzer.api.FindingSource;
import dev.lockkit.analyzer.baseline.Baseline;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.io.IoMessages;
import dev.lockkit.analyzer.io.OutputException;
import dev.lockkit.analyzer.io.OutputFiles;
import dev.lockkit.analyzer.kconfig.KconfigOptions;
import dev.lockkit.analyzer.layers.RulesException;
import dev.lockkit.analyzer.progress.Progress;
import dev.lockkit.analyzer.report.Report;
import dev.lockkit.analyzer.report.Reporter;
import dev.lockkit.analyzer.source.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lockkit analyze}: the CI dependency check.
 *
 * <p>Exit status: 0 when no reported finding is at or above {@code --fail-on} or when {@code
 * --write-baseline} wrote its baseline, 1 when one is, 2 for a usage error or input that cannot be
 * analysed at all (a missing path, a directory without Java sources, a bad rules or baseline file).
 * Errors are one line on stderr; a stack trace only with {@code --debug}. Reports go to stdout or
 * {@code --output}; progress goes to stderr, and only when stderr is a terminal and the input is
 * large.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Dependency check for any Java codebase: type, package and module cycles and layering",
      "rules, reported as text, JSON, SARIF 2.1.0, JUnit XML, DOT or Mermaid."
    },
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {
      "0:no finding at or above --fail-on, or --write-baseline wrote the baseline",
      "1:findings at or above --fail-on",
      "2:usage error or input that cannot be analysed"
    })
public final class AnalyzeCommand implements Callable<Integer> {

  /** Exit status for a clean run. */
  public static final int EXIT_OK = 0;

  /** Exit status when findings reach {@code --fail-on}. */
  public static final int EXIT_FINDINGS = 1;

  /** Exit status for usage errors and input that cannot be analysed. */
  public static final int EXIT_USAGE = 2;

  static final int PROGRESS_MIN_FILES = 500;

  @Option(
      names = "--kconfig",
      paramLabel = "F",
      description = "Kconfig feature model: also run config gating.")
  Path kconfig;

  @Option(
      names = "--kconfig-var",
      paramLabel = "NAME=VALUE",
      description = "A Kconfig macro variable, e.g. SRCARCH=x86 or srctree=DIR (repeatable).")
  List<String> kconfigVars = List.of();

  @Option(
      names = "--kconfig-free-undefined",
      description = "Read Kconfig symbols no loaded file defines as free variables (y or n).")
  boolean kconfigFreeUndefined;

  @Option(
      names = "--rules",
      paramLabel = "F",
      description = "Rules file (layers, forbidden dependencies).")
  Path rules;

  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "text",
      description = "text, json, sarif, junit, dot or mermaid (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--output",
      paramLabel = "F",
      description = "Write the report here instead of stdout.")
  Path output;

  @Option(
      names = "--baseline",
      paramLabel = "F",
      description = "Report only findings this baseline does not list.")
  Path baseline;

  @Option(
      names = "--write-baseline",
      paramLabel = "F",
      description = "Write every finding's key to this baseline file.")
  Path writeBaseline;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      defaultValue = "error",
      description =
          "info, warning or error: exit 1 when a reported finding is at least this severe (default: ${DEFAULT-VALUE}).")
  String failOn;

  @Option(names = "--quiet", description = "No progress bar on stderr.")
  boolean quiet;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description = "Source roots, Maven modules or a multi-module checkout.")
  List<Path> paths;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      return run(err);
    } catch (UsageError e) {
      return fail(err, e.getMessage(), e);
    } catch (OutputException e) {
      return fail(err, e.getMessage(), e);
    } catch (UncheckedIOException e) {
      // A file that vanished or became unreadable during the run: the user's input, not a bug.
      return fail(err, IoMessages.describe(e), e);
    } catch (IOException e) {
      return fail(err, IoMessages.describe(e), e);
    } catch (RuntimeException e) {
      err.println(
          "lockkit analyze: internal error: "
              + e
              + (debug ? "" : " (rerun with --debug for details)"));
      if (debug) {
        e.printStackTrace(err);
      }
      err.flush();
      return EXIT_USAGE;
    }
  }

  private int fail(PrintWriter err, String message, Throwable e) {
    err.println("lockkit analyze: " + message);
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return EXIT_USAGE;
  }

  private int run(PrintWriter err) throws UsageError, OutputException, IOException {
    Reporter reporter;
    Severity threshold;
    try {
      reporter = Reporter.forFormat(format);
      threshold = Severity.parse(failOn);
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage(), e);
    }
    // Every output path is checked before anything is read or written: a run writes all its files
    // or none, and a bad path should not cost a whole analysis.
    OutputFiles outputs = new OutputFiles();
    if (writeBaseline != null) {
      outputs.add(writeBaseline);
    }
    if (output != null) {
      outputs.add(output);
    }
    outputs.check();
    Baseline known = Baseline.empty();
    if (baseline != null) {
      String problem = IoMessages.inputProblem(baseline, "baseline file");
      if (problem != null) {
        throw new UsageError(problem, null);
      }
      try {
        known = Baseline.read(baseline);
      } catch (Baseline.FormatException e) {
        throw new UsageError(e.getMessage(), e);
      } catch (IOException e) {
        throw new UsageError(
            baseline
                + ": cannot read baseline: "
                + IoMessages.describe(e).replace(baseline + ": ", ""),
            e);
      }
    }
    Analyzer analyzer = Analyzer.on(paths);
    if (rules != null) {
      String problem = IoMessages.inputProblem(rules, "rules file");
      if (problem != null) {
        throw new UsageError(problem, null);
      }
      analyzer.rules(rules);
    }
    // Checked with or without --kconfig: a malformed option is a usage error even when unused.
    KconfigOptions kconfigOptions = KconfigOptions.DEFAULT.withFreeUndefined(kconfigFreeUndefined);
    try {
      for (String v : kconfigVars) {
        kconfigOptions = kconfigOptions.withAssignment(v);
      }
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage(), e);
    }
    if (kconfig != null) {
      String problem = IoMessages.inputProblem(kconfig, "Kconfig file");
      if (problem != null) {
        throw new UsageError(problem, null);
      }
      analyzer.with(gating(kconfigOptions), kconfig);
    }
    Progress bar = Progress.onTerminal(err, quiet);
    if (bar.enabled()) {
      analyzer.progress(new ProgressBar(bar));
    }
    AnalysisResult result;
    try {
      result = analyzer.run();
    } catch (InputException | RulesException | Analyzer.ExtraRulesException e) {
      throw new UsageError(e.getMessage(), e);
    }
    Report report = result.report(known);
    String text = reporter.render(report);
    if (writeBaseline != null) {
      outputs.set(writeBaseline, Baseline.of(result.findings()).text());
    }
    if (output != null) {
      outputs.set(output, text);
    }
    outputs.commit();
    if (output != null) {
      err.println(
          "lockkit analyze: "
              + report.findings().size()
              + " finding(s) written to "
              + output
              + (report.summary().complete()
                  ? ""
                  : " (INCOMPLETE: some files could not be analysed)"));
      err.flush();
    } else {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    }
    if (writeBaseline != null) {
      // Writing a baseline accepts the findings it lists: that is the run's purpose, so it
      // succeeds (exit 0) whatever the findings are.
      err.println(
          "lockkit analyze: baseline of "
              + Baseline.of(result.findings()).keys().size()
              + " finding key(s) written to "
              + writeBaseline);
      err.flush();
      return EXIT_OK;
    }
    return AnalysisResult.anyAtLeast(report.findings(), threshold) ? EXIT_FINDINGS : EXIT_OK;
  }

  /** The config-gating rule set (issue 5): every {@code gate/*} and {@code kconfig/*} rule. */
  static FindingSource gating() {
    return gating(KconfigOptions.DEFAULT);
  }

  /** The config-gating rule set, reading the Kconfig with {@code options}. */
  static FindingSource gating(KconfigOptions options) {
    return dev.lockkit.analyzer.api.Gating.rules(options);
  }

  /** A usage error or unusable input: one line, exit status 2. */
  static final class UsageError extends Exception {
    UsageError(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The parsing progress of large inputs, drawn by the bar every long command shares. */
  static final class ProgressBar implements dev.lockkit.analyzer.source.SourceParser.Progress {
    private final Progress bar;

    ProgressBar(PrintWriter err) {
      this(Progress.always(err));
    }

    ProgressBar(Progress bar) {
      this.bar = bar;
    }

    @Override
    public void filesDone(int done, int total) {
      if (total < PROGRESS_MIN_FILES) {
        return;
      }
      bar.update("parsing", done, total);
      if (done == total) {
        bar.done();
      }
    }
  }

  /** Runs the command on its own (the {@code lockkit} launcher registers it as a subcommand). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new AnalyzeCommand()).execute(args));
  }
}
