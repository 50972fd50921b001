package dev.lockkit.cli;

import dev.lockkit.analyzer.cli.AnalyzeCommand;
import dev.lockkit.golden.cli.GoldenRun;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job: lockkit run on lockcore itself, as CI runs it.
 *
 * <ol>
 *   <li>{@code analyze} over every module of the checkout with lockkit's own rules file (package,
 *       type and module cycles, layering, API bans) and lockcore's Kconfig (config gating across
 *       every build variant, each finding with a witness configuration);
 *   <li>golden verification of every scenario in {@code fixtures/scenarios} on every valid variant
 *       of {@code lockcore/Kconfig} against the approved files, printing the variant × scenario
 *       table.
 * </ol>
 *
 * <p>The exit status is the worse of the two stages: 0 clean, 1 findings or golden mismatches, 2
 * bad input.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "The main job on the embedded default: analyze lockkit (cycles, layering, config gating",
      "on lockcore's Kconfig) and verify lockcore's golden scenarios on every build variant."
    })
final class CheckCommand implements Callable<Integer> {

  @Option(
      names = "--project",
      description = "Root of the lockkit checkout (default: current directory).",
      defaultValue = ".")
  Path project;

  @Option(
      names = "--fail-on",
      description =
          "Analyzer severity that fails the job: info, warning or error (default: error; type cycles inside one package are warnings).",
      defaultValue = "error")
  String failOn;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path root = project.toAbsolutePath().normalize();
    Path kconfig = root.resolve("lockcore/Kconfig");
    Path rules = root.resolve("lockkit-rules.txt");
    Path scenarios = root.resolve("fixtures/scenarios");
    for (Path required : List.of(kconfig, rules, scenarios)) {
      if (!Files.exists(required)) {
        err.println("lockkit check: " + required + " not found; run it from a lockkit checkout");
        err.flush();
        return Main.EXIT_USAGE;
      }
    }

    out.println("== lockkit check 1/2: analyze (cycles, layering, API bans, config gating)");
    out.flush();
    List<String> args = new ArrayList<>();
    args.addAll(List.of("--rules", rules.toString(), "--kconfig", kconfig.toString()));
    args.addAll(List.of("--fail-on", failOn));
    if (debug) {
      args.add("--debug");
    }
    args.add(root.toString());
    CommandLine analyze = new CommandLine(new AnalyzeCommand());
    analyze.setOut(out);
    analyze.setErr(err);
    int analyzed = analyze.execute(args.toArray(String[]::new));
    out.println("analyze: exit " + analyzed);

    out.println();
    out.println("== lockkit check 2/2: golden verification, every scenario on every variant");
    out.flush();
    int golden = GoldenRun.verifyAll(scenarios, kconfig, out);
    out.println("golden: exit " + golden);
    out.flush();
    return Math.max(analyzed, golden);
  }
}
