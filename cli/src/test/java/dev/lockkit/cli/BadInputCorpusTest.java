package dev.lockkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs every {@code .case} file under {@code src/test/resources/bad-input} through {@link
 * Main#commandLine()} (so through every subcommand, with the launcher's own error handling) and
 * checks: the exit status, the expected located message, no stack trace, exception class name or
 * "internal error", at most one stderr line (or the case's {@code stderr-lines}) on exit 2, no file
 * created, changed or re-moded except a declared {@code writes:}, and a time bound. Case format:
 * {@link CliCase}.
 */
class BadInputCorpusTest {
  static final Path CASES = Path.of("src/test/resources/bad-input");

  @TempDir Path scratch;

  @TestFactory
  Stream<DynamicTest> everyCase() throws IOException {
    return cases().stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(CliCase.read(f))));
  }

  /** Every subcommand that reads user input has cases; a new subcommand needs some too. */
  @Test
  void everySubcommandHasCases() throws IOException {
    Set<String> covered = new TreeSet<>();
    for (Path f : cases()) {
      covered.add(String.join(" ", CliCase.read(f).command()));
    }
    Set<String> expected = new TreeSet<>();
    collectLeaves(Main.commandLine(), "", expected);
    expected.remove("help");
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(covered);
    assertTrue(missing.isEmpty(), "subcommands without bad-input cases: " + missing);
    assertTrue(cases().size() >= 60, "the corpus shrank: " + cases().size() + " cases");
  }

  private static void collectLeaves(CommandLine cl, String prefix, Set<String> out) {
    if (cl.getSubcommands().isEmpty()) {
      out.add(prefix.strip());
      return;
    }
    for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
      collectLeaves(e.getValue(), prefix + " " + e.getKey(), out);
    }
  }

  private static List<Path> cases() throws IOException {
    try (Stream<Path> s = Files.list(CASES)) {
      return s.filter(p -> p.toString().endsWith(".case")).sorted().toList();
    }
  }

  private void run(CliCase c) throws Exception {
    Path dir = Files.createDirectories(scratch.resolve(c.name()));
    c.materialise(dir);
    Map<String, String> before = snapshot(dir);
    List<String> argv = new ArrayList<>(c.command());
    c.args().stream().map(a -> a.replace("{dir}", dir.toString())).forEach(argv::add);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        assertTimeoutPreemptively(
            Duration.ofSeconds(c.seconds()),
            () -> {
              CommandLine cl = Main.commandLine();
              cl.setOut(new PrintWriter(out));
              cl.setErr(new PrintWriter(err));
              return cl.execute(argv.toArray(String[]::new));
            },
            c.name() + ": over the time bound");
    String o = out.toString().replace(dir.toString(), "{dir}");
    String e = err.toString().replace(dir.toString(), "{dir}");
    String both = "exit " + exit + "\nstdout:\n" + o + "\nstderr:\n" + e;
    assertEquals(c.exit(), exit, c.name() + ": exit status\n" + both);
    for (String m : c.stderr()) {
      assertTrue(e.contains(m), c.name() + ": stderr lacks '" + m + "'\n" + both);
    }
    for (String m : c.stdout()) {
      assertTrue(o.contains(m), c.name() + ": stdout lacks '" + m + "'\n" + both);
    }
    for (String s : List.of(o, e)) {
      assertFalse(s.contains("\tat "), c.name() + ": stack trace\n" + both);
      assertFalse(s.matches("(?s).*\\w+(Exception|Error)\\b.*"), c.name() + ": class\n" + both);
      assertFalse(s.contains("internal error"), c.name() + ": internal error\n" + both);
    }
    if (exit == 2) {
      long lines = e.strip().lines().count();
      assertTrue(
          lines >= 1 && lines <= c.stderrLines(),
          c.name() + ": " + lines + " stderr lines, at most " + c.stderrLines() + "\n" + both);
      // Bad input stops a run before it reports: a report on stdout would read as a result.
      // 'check' names each stage it starts and how the stage ended; nothing else may be there.
      String report =
          o.lines()
              .filter(l -> !l.startsWith("== lockkit check ") && !l.matches("\\w+: exit \\d+"))
              .collect(java.util.stream.Collectors.joining("\n"));
      assertTrue(report.isBlank(), c.name() + ": exit 2 after a report on stdout\n" + both);
    }
    Map<String, String> after = snapshot(dir);
    for (String w : c.writes()) {
      before.remove(w);
      after.remove(w);
    }
    assertEquals(before, after, c.name() + ": files touched\n" + both);
  }

  /** Every path under {@code dir} with its content hash and mode (links by their target). */
  private static Map<String, String> snapshot(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    List<Path> all = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.forEach(all::add);
    }
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (Path p : all) {
      String key = dir.relativize(p).toString();
      String mode =
          PosixFilePermissions.toString(
              Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
      if (Files.isSymbolicLink(p)) {
        out.put(key, "link " + Files.readSymbolicLink(p));
      } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        out.put(key, "dir " + mode);
      } else if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        out.put(key, "special " + mode); // a pipe: reading it would block
      } else {
        out.put(key, HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))) + " " + mode);
      }
    }
    return out;
  }
}
