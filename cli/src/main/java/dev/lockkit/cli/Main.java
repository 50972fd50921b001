package dev.lockkit.cli;

import dev.lockkit.analyzer.cli.AnalyzeCommand;
import dev.lockkit.analyzer.variants.VariantsCommand;
import dev.lockkit.golden.cli.GoldenCommand;
import dev.lockkit.refactor.migrate.MigrateCommand;
import dev.lockkit.refactor.move.MoveCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
      HelpCommand.class,
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
    wholeSentencesInCommandLists(cl);
    // A usage error is one line naming the command and where its help is, not the whole usage
    // text: in a CI log the usage block buries the one line that says what was wrong.
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine at = ex.getCommandLine();
          String name = at.getCommandSpec().qualifiedName();
          StringBuilder line = new StringBuilder(name).append(": ");
          // picocli reports a missing required option before an unknown one; the unknown one
          // (often a typo of the missing one) is named first.
          List<String> unknown = at.getUnmatchedArguments();
          if (!(ex instanceof CommandLine.UnmatchedArgumentException) && !unknown.isEmpty()) {
            line.append("Unknown option: '").append(String.join("', '", unknown)).append("'; ");
          }
          line.append(ex.getMessage().lines().findFirst().orElse("usage error"));
          if (ex instanceof CommandLine.UnmatchedArgumentException u
              && !u.getSuggestions().isEmpty()) {
            line.append(" (did you mean ").append(String.join(" or ", u.getSuggestions()));
            line.append("?)");
          }
          line.append("; see '").append(name).append(" --help'");
          at.getErr().println(line);
          at.getErr().flush();
          return EXIT_USAGE;
        });
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

  /**
   * Lists subcommands with the first whole sentence of each description. Why: picocli shows only a
   * description's first line, and those lines wrap mid-sentence ("analyze (cycles, layering,
   * bans,"); the subcommands' own help keeps the full description.
   */
  private static void wholeSentencesInCommandLists(CommandLine cl) {
    cl.getHelpSectionMap()
        .put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, Main::commandList);
    for (CommandLine sub : cl.getSubcommands().values()) {
      wholeSentencesInCommandLists(sub);
    }
  }

  private static String commandList(CommandLine.Help help) {
    Map<String, String> rows = new LinkedHashMap<>();
    for (CommandLine.Help sub : help.subcommands().values()) {
      CommandLine.Model.CommandSpec spec = sub.commandSpec();
      if (!spec.usageMessage().hidden()) {
        rows.put(sub.commandNamesText(", ").toString(), summary(spec));
      }
    }
    return rows.isEmpty() ? "" : help.createTextTable(rows).toString();
  }

  /** The header if the command has one, else the first sentence of its description. */
  static String summary(CommandLine.Model.CommandSpec spec) {
    String[] header = spec.usageMessage().header();
    String text =
        String.join(" ", header.length > 0 ? header : spec.usageMessage().description())
            .replaceAll("\\s+", " ")
            .strip();
    Matcher m = FIRST_SENTENCE.matcher(text);
    return m.find() ? m.group(1) : text;
  }

  private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.*?[.!?])(?=\\s|$)");

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
