package dev.lockkit.cli;

import dev.lockkit.analyzer.cli.AnalyzeCommand;
import dev.lockkit.analyzer.variants.VariantsCommand;
import dev.lockkit.golden.cli.GoldenCommand;
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
 * A project's whole gate, as CI runs it, from its project file ({@link ProjectFile}, {@code
 * lockkit.toml}):
 *
 * <ol>
 *   <li>{@code analyze} of the {@code [analyze]} sources with its rules file (package, type and
 *       module cycles, layering, API bans), Kconfig (config gating across every build variant, each
 *       finding with a witness configuration) and baseline;
 *   <li>with {@code [variants]}, the build-variant matrix, compiled when it says so;
 *   <li>with {@code [golden]}, golden verification of every scenario on every valid variant against
 *       the approved files, printing the variant × scenario table.
 * </ol>
 *
 * <p>lockkit's own gate (lockkit analysed with its rules and lockcore's Kconfig, lockcore's golden
 * scenarios) is the {@code lockkit.toml} at the repository root; nothing about lockcore is a
 * default here. The exit status is the worst of the stages: 0 clean, 1 findings, variant build
 * failures or golden mismatches, 2 bad input (including a missing or malformed project file).
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Run a project's whole gate from its lockkit.toml: analyze (cycles, layering, bans,",
      "config gating), then the variant matrix and golden verification when it names them."
    })
final class CheckCommand implements Callable<Integer> {

  @Option(
      names = "--project",
      paramLabel = "F",
      description =
          "The project file, or the directory holding " + ProjectFile.NAME + " (default: .).",
      defaultValue = ".")
  Path project;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description =
          "Analyzer severity that fails the job: info, warning or error (default: the project"
              + " file's fail-on, else error; type cycles inside one package are warnings).")
  String failOn;

  @Option(
      names = "--skip",
      paramLabel = "STAGE",
      split = ",",
      description =
          "Stages not to run (analyze, variants, golden), each named in the output as skipped;"
              + " e.g. CI that already ran the golden suite in its test run.")
  List<String> skip = List.of();

  @Option(names = "--quiet", description = "No progress bars on stderr.")
  boolean quiet;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path file = Files.isDirectory(project) ? project.resolve(ProjectFile.NAME) : project;
    if (!Files.exists(file)) {
      err.println(
          "lockkit check: no project file "
              + file.toAbsolutePath().normalize()
              + "; write a "
              + ProjectFile.NAME
              + " naming your sources (README, 'Project file'), or pass --project FILE");
      err.flush();
      return Main.EXIT_USAGE;
    }
    try {
      return run(ProjectFile.read(file), out, err);
    } catch (ProjectFile.BadProjectFile e) {
      err.println("lockkit check: " + e.getMessage());
      err.flush();
      return Main.EXIT_USAGE;
    }
  }

  private int run(ProjectFile p, PrintWriter out, PrintWriter err)
      throws ProjectFile.BadProjectFile {
    Path kconfig = p.path("analyze", "kconfig");
    List<Stage> stages = new ArrayList<>();
    List<String> analyze = new ArrayList<>();
    addPath(analyze, "--rules", p.path("analyze", "rules"));
    addPath(analyze, "--kconfig", kconfig);
    addPath(analyze, "--baseline", p.path("analyze", "baseline"));
    String level = failOn != null ? failOn : p.string("analyze", "fail-on");
    analyze.addAll(List.of("--fail-on", level != null ? level : "error"));
    p.paths("analyze", "sources").forEach(s -> analyze.add(s.toString()));
    stages.add(
        new Stage(
            "analyze",
            "analyze (cycles, layering, API bans, config gating)",
            new AnalyzeCommand(),
            analyze));

    if (p.has("variants")) {
      List<String> variants = new ArrayList<>();
      addPath(variants, "--kconfig", or(p.path("variants", "kconfig"), kconfig));
      // The rules file declares the project's guards; the variant builder must cut what they cut.
      addPath(variants, "--rules", p.path("analyze", "rules"));
      String sample = p.string("variants", "sample");
      if (sample != null) {
        variants.addAll(List.of("--sample", sample));
      }
      if (p.bool("variants", "compile", false)) {
        variants.add("--compile");
      }
      List<Path> sources = p.paths("variants", "sources");
      (sources.isEmpty() ? p.paths("analyze", "sources") : sources)
          .forEach(s -> variants.add(s.toString()));
      stages.add(
          new Stage("variants", "the build-variant matrix", new VariantsCommand(), variants));
    }

    if (p.has("golden")) {
      List<String> golden = new ArrayList<>(List.of("verify"));
      Path scenarios = p.path("golden", "scenarios");
      if (scenarios == null) {
        throw new ProjectFile.BadProjectFile(p.file() + ": [golden] needs scenarios = \"DIR\"");
      }
      addPath(golden, "--scenarios", scenarios);
      addPath(golden, "--approved", p.path("golden", "approved"));
      addPath(golden, "--kconfig", or(p.path("golden", "kconfig"), kconfig));
      String target = p.string("golden", "target");
      if (target != null) {
        golden.addAll(List.of("--target", target));
      }
      String sample = p.string("golden", "sample");
      if (sample != null) {
        golden.addAll(List.of("--sample", sample));
      }
      stages.add(
          new Stage(
              "golden",
              "golden verification, every scenario on every variant",
              new GoldenCommand(),
              golden));
    }

    for (String name : skip) {
      if (!List.of("analyze", "variants", "golden").contains(name)) {
        throw new ProjectFile.BadProjectFile(
            "--skip " + name + ": no such stage (analyze, variants, golden)");
      }
    }
    int worst = 0;
    for (int i = 0; i < stages.size(); i++) {
      Stage s = stages.get(i);
      if (i > 0) {
        out.println();
      }
      out.println("== lockkit check " + (i + 1) + "/" + stages.size() + ": " + s.title());
      if (skip.contains(s.name())) {
        out.println(s.name() + ": skipped (--skip " + s.name() + ")");
        out.flush();
        continue;
      }
      out.flush();
      List<String> args = new ArrayList<>(s.args());
      if (debug) {
        args.add(s.name().equals("golden") ? 1 : 0, "--debug");
      }
      if (quiet) {
        args.add(s.name().equals("golden") ? 1 : 0, "--quiet");
      }
      CommandLine cl = new CommandLine(s.command());
      cl.setOut(out);
      cl.setErr(err);
      int rc = cl.execute(args.toArray(String[]::new));
      out.println(s.name() + ": exit " + rc);
      out.flush();
      worst = Math.max(worst, rc);
    }
    return worst;
  }

  private record Stage(String name, String title, Object command, List<String> args) {}

  private static void addPath(List<String> args, String option, Path value) {
    if (value != null) {
      args.add(option);
      args.add(value.toString());
    }
  }

  private static Path or(Path first, Path second) {
    return first != null ? first : second;
  }
}
