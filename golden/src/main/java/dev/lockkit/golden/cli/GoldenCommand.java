package dev.lockkit.golden.cli;

import dev.lockkit.analyzer.progress.Progress;
import dev.lockkit.golden.approve.Policy;
import dev.lockkit.golden.matrix.KconfigVariants;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lockkit golden record|verify|report}. Exit codes: 0 every pair matches (or was recorded),
 * 1 golden differences, 2 bad input or usage.
 */
@Command(
    name = "golden",
    description = "Golden runs: scenarios on every build variant, checked against approved files.",
    mixinStandardHelpOptions = true,
    subcommands = {
      GoldenCommand.Record.class,
      GoldenCommand.Verify.class,
      GoldenCommand.Report.class,
      DiffCommand.class,
      dev.lockkit.golden.compare.CompareCommand.class
    })
public final class GoldenCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** Options shared by the subcommands. */
  static final class Common {
    @Option(
        names = "--scenarios",
        paramLabel = "DIR",
        description = "Scenario directory (default: fixtures/scenarios of the lockkit checkout).")
    Path scenarios;

    @Option(
        names = "--approved",
        paramLabel = "DIR",
        description = "Approved-file directory (default: 'approved' beside the scenarios).")
    Path approved;

    @Option(
        names = "--kconfig",
        paramLabel = "FILE",
        description =
            "Kconfig whose valid configurations form the matrix (default: lockcore/Kconfig).")
    Path kconfig;

    @Option(
        names = "--sample",
        paramLabel = "all|pairwise",
        description = "Every valid configuration, or a pairwise-covering sample (default: all).")
    String sample = "all";

    @Option(
        names = "--shard",
        paramLabel = "i/n",
        description = "Run only shard i of n (deterministic split of the matrix).")
    String shard = "1/1";

    @Option(
        names = "--target",
        paramLabel = "NAME",
        description =
            "Implementation to run the scenarios on: a ScenarioTarget service's name (default:"
                + " lockcore, from golden-lockcore) or a ScenarioTarget's fully qualified class name"
                + " on the class path.")
    String target = "lockcore";

    @Option(
        names = "--markdown",
        paramLabel = "FILE",
        description = "Also write the Markdown table to FILE (e.g. $GITHUB_STEP_SUMMARY).")
    Path markdown;

    @Option(
        names = "--junit",
        paramLabel = "FILE",
        description = "Also write the results as JUnit XML to FILE.")
    Path junit;

    @Option(names = "--debug", description = "Print stack traces of internal errors.")
    boolean debug;

    @Option(names = "--quiet", description = "No progress bar on stderr.")
    boolean quiet;

    @Option(
        names = "--strict",
        description =
            "CI mode (implied by CI=true): never approve; fail on a missing approved file, a stray"
                + " .received.txt file or an obsolete approved file (variant-aware).")
    boolean strict;

    /** The policy of verify and report: strict on CI or with --strict. */
    Policy checkPolicy() {
      return strict || Policy.fromEnvironment() == Policy.STRICT ? Policy.STRICT : Policy.VERIFY;
    }

    int run(Policy policy, PrintWriter out, PrintWriter err) {
      try {
        Path root = checkoutRoot();
        Path scn = scenarios != null ? scenarios : root.resolve("fixtures/scenarios");
        Path kc = kconfig != null ? kconfig : root.resolve("lockcore/Kconfig");
        Path appr = approved != null ? approved : GoldenRun.approvedDirFor(scn);
        KconfigVariants.Sample s =
            switch (sample) {
              case "all" -> KconfigVariants.Sample.ALL;
              case "pairwise" -> KconfigVariants.Sample.PAIRWISE;
              default ->
                  throw new IllegalArgumentException(
                      "--sample must be all or pairwise, got '" + sample + "'");
            };
        checkOutput(markdown, "--markdown");
        checkOutput(junit, "--junit");
        return GoldenRun.run(
            scn,
            appr,
            kc,
            s,
            Shard.parse(shard),
            policy,
            Targets.get(target),
            out,
            err,
            markdown,
            junit,
            Progress.onTerminal(err, quiet));
      } catch (IllegalArgumentException e) {
        err.println("error: " + e.getMessage());
        err.flush();
        return 2;
      } catch (java.io.UncheckedIOException e) {
        if (debug) {
          e.printStackTrace(err);
        }
        err.println("error: " + inUserTerms(e.getCause()));
        err.flush();
        return 2;
      } catch (RuntimeException e) {
        if (debug) {
          e.printStackTrace(err);
        } else {
          err.println("internal error: " + e + " (run with --debug for details)");
        }
        err.flush();
        return 2;
      }
    }
  }

  /**
   * Refuses an output path that cannot be written before anything runs (so a bad path never costs a
   * whole run, and nothing is written on failure).
   */
  static void checkOutput(Path file, String option) {
    if (file == null) {
      return;
    }
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    if (Files.isDirectory(abs)) {
      throw new IllegalArgumentException(option + " " + file + " is a directory, not a file");
    }
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          option + " " + file + ": directory " + dir + " does not exist");
    }
    if (!Files.isWritable(dir)) {
      throw new IllegalArgumentException(
          option + " " + file + ": directory " + dir + " is not writable");
    }
  }

  /** An I/O failure as a user reads it: what happened to which file, not the exception class. */
  static String inUserTerms(java.io.IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException n) {
      return "no such file or directory: " + n.getFile();
    }
    if (e instanceof java.nio.file.AccessDeniedException a) {
      return "permission denied: " + a.getFile();
    }
    if (e instanceof java.nio.file.FileSystemException f) {
      return (f.getReason() == null ? "cannot access" : f.getReason()) + ": " + f.getFile();
    }
    return String.valueOf(e.getMessage());
  }

  /** The nearest directory at or above the working directory holding lockcore/Kconfig. */
  static Path checkoutRoot() {
    Path cwd = Path.of("").toAbsolutePath();
    for (Path p = cwd; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("lockcore/Kconfig"))) {
        return p;
      }
    }
    return cwd;
  }

  @Command(
      name = "record",
      mixinStandardHelpOptions = true,
      description =
          "Explore every scenario on every variant and (re-)record the approved files. Refused on CI.")
  static final class Record implements Callable<Integer> {
    @Mixin Common common;
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      if (common.strict || Policy.fromEnvironment() == Policy.STRICT) {
        err.println(
            "error: refusing to record on CI (CI=true) or with --strict: nothing is approved automatically there; record locally, review the diff, commit");
        err.flush();
        return 2;
      }
      return common.run(Policy.UPDATE, spec.commandLine().getOut(), err);
    }
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Explore every scenario on every variant and compare with the approved files; never writes them.")
  static final class Verify implements Callable<Integer> {
    @Mixin Common common;
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      return common.run(
          common.checkPolicy(), spec.commandLine().getOut(), spec.commandLine().getErr());
    }
  }

  @Command(
      name = "report",
      mixinStandardHelpOptions = true,
      description =
          "Like verify, but exits 0 on golden differences (for summary-only CI jobs); 2 on bad input.")
  static final class Report implements Callable<Integer> {
    @Mixin Common common;
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      int rc =
          common.run(
              common.checkPolicy(), spec.commandLine().getOut(), spec.commandLine().getErr());
      return rc == 1 ? 0 : rc;
    }
  }

  /** Runs the command standalone (the lockkit CLI registers it as a subcommand instead). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new GoldenCommand()).execute(args));
  }
}
