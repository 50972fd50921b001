package dev.lockkit.cli;

import dev.lockkit.analyzer.cli.AnalyzeCommand;
import dev.lockkit.analyzer.variants.VariantsCommand;
import dev.lockkit.golden.cli.GoldenCommand;
import dev.lockkit.refactor.migrate.MigrateCommand;
import dev.lockkit.refactor.move.MoveCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code lockkit} launcher. */
@Command(
    name = "lockkit",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Refactoring and migration toolkit for configurable Java code, with a golden-test harness.",
      "Run 'lockkit check' for the main job on lockcore itself."
    },
    subcommands = {
      CommandLine.HelpCommand.class,
      CheckCommand.class,
      AnalyzeCommand.class,
      VariantsCommand.class,
      GoldenCommand.class,
      MoveCommand.class,
      MigrateCommand.class
    })
public final class Main implements Runnable {

  /** Exit code: usage error or unreadable input. */
  public static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }

  /** Builds the command line with lockkit's error handling: one line per error, no stack trace. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          boolean debug = parseResult != null && parseResult.originalArgs().contains("--debug");
          PrintWriter err = commandLine.getErr();
          if (debug) {
            ex.printStackTrace(err);
          } else {
            err.println("lockkit: " + ex.getMessage() + " (rerun with --debug for details)");
          }
          err.flush();
          return EXIT_USAGE;
        });
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * Reads the version and the git commit Maven filtered into {@code lockkit-version.properties}
   * (the commit comes from {@code -Dlockkit.commit}, which the launcher passes; {@code unknown}
   * otherwise).
   */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("/lockkit-version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "lockkit "
            + p.getProperty("version", "unknown")
            + " (commit "
            + p.getProperty("commit", "unknown")
            + ")",
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")"
      };
    }
  }
}
