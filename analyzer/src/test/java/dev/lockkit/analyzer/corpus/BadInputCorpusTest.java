package dev.lockkit.analyzer.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.cli.AnalyzeCommand;
import dev.lockkit.analyzer.variants.VariantsCommand;
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
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs every {@code .case} file under {@code src/test/resources/bad-input} against the command line
 * in-process and checks: the exit status, the expected located message, no stack trace, no file
 * created, changed or re-moded (except a declared {@code writes:}), and a time bound.
 *
 * <p>To cover another format, add a case file; to cover another command, add it to {@link
 * #COMMANDS} (the CLI module, which sees every command, can run the same files).
 */
class BadInputCorpusTest {
  static final Path CASES = Path.of("src/test/resources/bad-input");

  /** The commands cases may run, by name. */
  static final Map<String, Supplier<Object>> COMMANDS =
      Map.of("analyze", AnalyzeCommand::new, "variants", VariantsCommand::new);

  @TempDir Path scratch;

  @TestFactory
  Stream<DynamicTest> everyCase() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(CASES)) {
      files = s.filter(p -> p.toString().endsWith(".case")).sorted().toList();
    }
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(), () -> run(BadInputCase.read(f))));
  }

  @Test
  void theCorpusIsNotEmpty() throws IOException {
    try (Stream<Path> s = Files.list(CASES)) {
      assertTrue(s.filter(p -> p.toString().endsWith(".case")).count() >= 20);
    }
  }

  private void run(BadInputCase c) throws Exception {
    Path dir = Files.createDirectories(scratch.resolve(c.name()));
    c.materialise(dir);
    Map<String, String> before = snapshot(dir);
    Supplier<Object> command = COMMANDS.get(c.command());
    assertTrue(command != null, c.name() + ": unknown command " + c.command());
    String[] args =
        c.args().stream().map(a -> a.replace("{dir}", dir.toString())).toArray(String[]::new);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        assertTimeoutPreemptively(
            Duration.ofSeconds(c.seconds()),
            () -> {
              CommandLine cl = new CommandLine(command.get());
              cl.setOut(new PrintWriter(out));
              cl.setErr(new PrintWriter(err));
              return cl.execute(args);
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
      assertFalse(s.contains("Exception"), c.name() + ": exception name\n" + both);
      assertFalse(s.contains("internal error"), c.name() + ": internal error\n" + both);
      assertFalse(s.contains("StackOverflowError"), c.name() + ": stack overflow\n" + both);
    }
    if (exit == 2) {
      assertEquals(1, e.strip().lines().count(), c.name() + ": one line on stderr\n" + both);
    }
    Map<String, String> after = snapshot(dir);
    for (String w : c.writes()) {
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
      if (Files.isSymbolicLink(p)) {
        out.put(key, "link " + Files.readSymbolicLink(p));
      } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        out.put(key, "dir");
      } else {
        out.put(
            key,
            HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p)))
                + " "
                + PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
      }
    }
    return out;
  }
}
