package dev.lockkit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job: lockkit run on lockcore itself. Dependency and gating analysis of the project, then
 * golden verification across every build variant. Each stage that has not been built yet is named
 * as such; nothing is faked.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "The main job on the embedded default: analyze lockcore (cycles, layering, gating) and",
      "verify its golden scenarios on every build variant."
    })
final class CheckCommand implements Callable<Integer> {

  @Option(
      names = "--project",
      description = "Root of the lockkit checkout (default: current directory).",
      defaultValue = ".")
  Path project;

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path lockcore = project.resolve("lockcore");
    if (!Files.isDirectory(lockcore.resolve("src/main/java"))) {
      spec.commandLine()
          .getErr()
          .println(
              "lockkit check: " + lockcore + "/src/main/java not found; run from the checkout");
      return Main.EXIT_USAGE;
    }
    out.println("lockkit check: main job on " + lockcore.normalize());
    out.println("  analyze (cycles, layering):      not built yet");
    out.println("  gating (Kconfig, SAT, variants): not built yet");
    out.println("  golden (variant x scenario):     not built yet");
    out.flush();
    return 0;
  }
}
