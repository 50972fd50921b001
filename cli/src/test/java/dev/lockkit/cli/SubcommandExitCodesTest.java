package dev.lockkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * The exit codes every subcommand shares, pinned for each one: {@code --help} and {@code --version}
 * exit 0 with the text on stdout; an unknown flag or a missing required value is exit 2 with one
 * line on stderr that names the command and its help. The codes for clean runs (0), findings (1)
 * and bad input (2) of each subcommand are pinned by the bad-input corpus ({@link
 * BadInputCorpusTest}, its {@code *-clean}, {@code *-findings} and error cases). Also: the
 * top-level help lists each subcommand with a whole sentence, never one cut mid-sentence.
 */
class SubcommandExitCodesTest {

  private record Run(int code, String out, String err) {}

  private static Run run(List<String> args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  /** Every command path under {@code lockkit}, parents included ({@code golden}). */
  private static List<List<String>> commands() {
    List<List<String>> out = new ArrayList<>();
    collect(Main.commandLine(), new ArrayList<>(), out);
    return out;
  }

  private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
    for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
      List<String> p = new ArrayList<>(path);
      p.add(e.getKey());
      out.add(p);
      collect(e.getValue(), p, out);
    }
  }

  @TestFactory
  Stream<DynamicTest> helpIsExitZeroOnStdout() {
    return commands().stream()
        .filter(c -> !c.equals(List.of("help")))
        .map(
            c ->
                DynamicTest.dynamicTest(
                    String.join(" ", c),
                    () -> {
                      List<String> args = new ArrayList<>(c);
                      args.add("--help");
                      Run r = run(args);
                      assertEquals(0, r.code(), r.err());
                      assertTrue(
                          r.out().startsWith("Usage: lockkit " + String.join(" ", c)), r.out());
                      assertEquals("", r.err());
                    }));
  }

  /** ({@code help} is picocli's: it takes any word as a command name and prints the overview.) */
  @TestFactory
  Stream<DynamicTest> anUnknownFlagIsExitTwoInOneLine() {
    return commands().stream()
        .filter(c -> !c.equals(List.of("help")))
        .map(
            c ->
                DynamicTest.dynamicTest(
                    String.join(" ", c),
                    () -> {
                      List<String> args = new ArrayList<>(c);
                      args.add("--no-such-flag");
                      Run r = run(args);
                      String name = "lockkit " + String.join(" ", c);
                      assertEquals(2, r.code(), r.err());
                      assertEquals("", r.out());
                      assertEquals(1, r.err().strip().lines().count(), r.err());
                      assertTrue(r.err().startsWith(name + ": "), r.err());
                      assertTrue(r.err().contains("'--no-such-flag'"), r.err());
                      assertTrue(r.err().contains("see '" + name + " --help'"), r.err());
                    }));
  }

  @Test
  void topLevelCodes() {
    assertEquals(0, run(List.of("--help")).code());
    assertEquals(0, run(List.of("--version")).code());
    assertEquals(0, run(List.of("help")).code());
    assertEquals(0, run(List.of("help", "analyze")).code());
    Run none = run(List.of());
    assertEquals(2, none.code());
    assertEquals(1, none.err().strip().lines().count(), none.err());
    Run unknown = run(List.of("analyse"));
    assertEquals(2, unknown.code());
    assertEquals(
        "lockkit: Unmatched argument at index 0: 'analyse' (did you mean analyze or variants?);"
            + " see 'lockkit --help'",
        unknown.err().strip());
  }

  /** Every command list row is the subcommand's first whole sentence, however picocli wraps it. */
  @Test
  void helpListsEachSubcommandWithAWholeSentence() {
    Run top = run(List.of("--help"));
    Run golden = run(List.of("golden", "--help"));
    String both = (top.out() + golden.out()).replaceAll("\\s+", " ");
    int checked = 0;
    for (List<String> c : commands()) {
      CommandLine.Model.CommandSpec spec = Main.commandLine().getCommandSpec();
      for (String name : c) {
        spec = spec.subcommands().get(name).getCommandSpec();
      }
      String summary = Main.summary(spec);
      assertTrue(summary.matches("(?s).*[.!?]"), c + ": not a whole sentence: " + summary);
      String description =
          String.join(" ", spec.usageMessage().description()).replaceAll("\\s+", " ").strip();
      assertTrue(
          spec.usageMessage().header().length > 0 || description.startsWith(summary),
          c + ": '" + summary + "' does not begin '" + description + "'");
      String row = c.get(c.size() - 1) + " " + summary;
      assertTrue(both.contains(row), c + ": help lacks '" + row + "'\n" + top.out());
      checked++;
    }
    assertTrue(checked >= 12, "only " + checked + " commands");
    assertFalse(top.out().contains("bans,\n"), top.out());
  }
}
