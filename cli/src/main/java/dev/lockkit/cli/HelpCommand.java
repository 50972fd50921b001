package dev.lockkit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lockkit help [COMMAND...]}: the usage of lockkit or of a (sub)command, {@code lockkit help
 * golden verify}. Why not picocli's built-in {@code HelpCommand}: as a help command it tolerates
 * unmatched arguments, so {@code lockkit help --no-such-flag} printed the top-level usage with exit
 * 0, where every other subcommand refuses a usage error with exit 2. This one is an ordinary
 * subcommand: an unknown option or command is a usage error, handled like any other.
 */
@Command(
    name = "help",
    description =
        "Show the usage of lockkit or of one of its commands (e.g. 'help golden verify').")
final class HelpCommand implements Runnable {

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Parameters(
      paramLabel = "COMMAND",
      arity = "0..*",
      description = "The command, and its subcommands, whose usage to show.")
  List<String> commands = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    CommandLine self = spec.commandLine();
    CommandLine at = self.getParent();
    for (int i = 0; i < commands.size(); i++) {
      CommandLine sub = at.getSubcommands().get(commands.get(i));
      if (sub == null) {
        String known =
            at.getSubcommands().isEmpty()
                ? "'" + at.getCommandSpec().qualifiedName() + "' has no subcommands"
                : "known: " + String.join(", ", at.getSubcommands().keySet());
        throw new CommandLine.ParameterException(
            self,
            "Unknown command '"
                + String.join(" ", commands.subList(0, i + 1))
                + "' ("
                + known
                + ")");
      }
      at = sub;
    }
    PrintWriter out = self.getOut();
    at.usage(out);
    out.flush();
  }
}
