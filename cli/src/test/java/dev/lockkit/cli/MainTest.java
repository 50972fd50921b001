package dev.lockkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void versionNamesTheProjectVersionAndCommitFilteredByMaven() {
    Run r = run("--version");
    assertEquals(0, r.code());
    // The commit is -Dlockkit.commit (the launcher passes git's HEAD), else "unknown".
    assertTrue(
        r.out()
            .lines()
            .findFirst()
            .orElse("")
            .matches("lockkit \\d+\\.\\d+\\.\\d+ \\(commit ([0-9a-f]{40}(-dirty)?|unknown)\\)"),
        r.out());
    assertTrue(!r.out().contains("${"), "version must be filtered: " + r.out());
  }

  @Test
  void unknownOptionIsAUsageErrorWithExitTwo() {
    Run r = run("--no-such-option");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--no-such-option"), r.err());
  }

  @Test
  void missingSubcommandIsAUsageError() {
    Run r = run();
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Missing subcommand"), r.err());
  }
}
