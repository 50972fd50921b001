package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line: exit codes, modes, and that bad input writes nothing and prints no trace. */
class MigrateCommandTest {

  @TempDir Path root;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static final String TEMPLATE =
      """
      class T {
        class IsEmpty {
          @BeforeTemplate boolean before(String s) { return s.length() == 0; }
          @AfterTemplate boolean after(String s) { return s.isEmpty(); }
        }
      }
      """;

  private static final String SOURCE =
      "package p;\nclass A {\n  boolean f(String s) {\n    return s.length() == 0;\n  }\n}\n";

  private int run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    CommandLine cl = new CommandLine(new MigrateCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(all.toArray(String[]::new));
  }

  private void tree(String template) {
    TestTrees.write(root, Map.of("T.java", template, "src/p/A.java", SOURCE));
  }

  @Test
  void checkExitsOneWhenASiteWouldBeRewrittenAndWritesNothing() {
    tree(TEMPLATE);
    int code =
        run(
            "--check",
            "--templates",
            root.resolve("T.java").toString(),
            root.resolve("src").toString());
    assertEquals(1, code, err.toString());
    assertEquals(SOURCE, TestTrees.text(root, "src/p/A.java"));
  }

  @Test
  void dryRunPrintsTheDiffAndWritesNothing() {
    tree(TEMPLATE);
    int code =
        run(
            "--dry-run",
            "--templates",
            root.resolve("T.java").toString(),
            root.resolve("src").toString());
    assertEquals(0, code, err.toString());
    assertTrue(
        out.toString().contains("-    return s.length() == 0;\n+    return s.isEmpty();\n"),
        out.toString());
    assertEquals(SOURCE, TestTrees.text(root, "src/p/A.java"));
  }

  @Test
  void writeRewritesThenCheckFindsNothingToDo() {
    tree(TEMPLATE);
    String t = root.resolve("T.java").toString();
    String src = root.resolve("src").toString();
    assertEquals(0, run("--templates", t, src), err.toString());
    assertTrue(TestTrees.text(root, "src/p/A.java").contains("return s.isEmpty();"));
    assertEquals(0, run("--check", "--templates", t, src), err.toString());
  }

  @Test
  void jsonReportIsSelectedByFormat() {
    tree(TEMPLATE);
    run(
        "--check",
        "--format",
        "json",
        "--templates",
        root.resolve("T.java").toString(),
        root.resolve("src").toString());
    assertTrue(out.toString().startsWith("{\n  \"templates\": "), out.toString());
    assertTrue(out.toString().contains("\"rewritten\": 1,"), out.toString());
  }

  @Test
  void badTemplateExitsTwoWithFileAndLineNoTraceAndNothingWritten() {
    tree(TEMPLATE.replace("@AfterTemplate boolean after", "@AfterTemplate int after"));
    int code =
        run("--templates", root.resolve("T.java").toString(), root.resolve("src").toString());
    assertEquals(2, code);
    assertTrue(err.toString().startsWith("lockkit migrate: "), err.toString());
    assertTrue(
        err.toString()
            .contains(
                "T.java:4: the @AfterTemplate expression does not compile: incompatible types:"
                    + " boolean cannot be converted to int"),
        err.toString());
    assertFalse(err.toString().contains("\tat "), err.toString());
    assertEquals(SOURCE, TestTrees.text(root, "src/p/A.java"));
  }

  /**
   * A {@code --classpath} file that is not a jar is bad input (javac would skip it silently and
   * every name it declares would come out unresolved).
   */
  @Test
  void aClasspathFileThatIsNotAJarExitsTwoNamingIt() throws Exception {
    tree(TEMPLATE);
    java.nio.file.Files.writeString(root.resolve("notajar.jar"), "not a zip");
    int code =
        run(
            "--templates",
            root.resolve("T.java").toString(),
            "--classpath",
            root.resolve("notajar.jar").toString(),
            root.resolve("src").toString());
    assertEquals(2, code);
    assertTrue(err.toString().contains("notajar.jar: cannot be read"), err.toString());
    assertFalse(err.toString().contains("\tat "), err.toString());
    assertEquals(SOURCE, TestTrees.text(root, "src/p/A.java"));
  }

  @Test
  void missingPathExitsTwoNamingIt() {
    tree(TEMPLATE);
    int code =
        run("--templates", root.resolve("T.java").toString(), root.resolve("nope").toString());
    assertEquals(2, code);
    assertTrue(err.toString().contains("nope: no such file or directory"), err.toString());
  }

  @Test
  void checkAndDryRunAreMutuallyExclusive() {
    tree(TEMPLATE);
    int code =
        run(
            "--check",
            "--dry-run",
            "--templates",
            root.resolve("T.java").toString(),
            root.resolve("src").toString());
    assertEquals(2, code);
  }

  @Test
  void banWithCheckIsAUsageError() {
    tree(TEMPLATE);
    int code =
        run(
            "--check",
            "--ban",
            root.resolve("rules.txt").toString(),
            "--templates",
            root.resolve("T.java").toString(),
            root.resolve("src").toString());
    assertEquals(2, code);
    assertTrue(err.toString().contains("--ban and --verify act on written files"), err.toString());
    assertFalse(java.nio.file.Files.exists(root.resolve("rules.txt")));
  }

  @Test
  void fileThatDoesNotParseIsSkippedAndListedWhileTheRestIsMigrated() {
    tree(TEMPLATE);
    TestTrees.write(
        root,
        // It spells the template's 'length', so it may hold a site: parsed, and listed as not
        // migrated (a file that cannot hold a site is not parsed at all).
        Map.of(
            "src/p/Broken.java",
            "package p;\nclass Broken {\n  void f( {\n    int n = \"\".length();\n}\n"));
    int code =
        run("--templates", root.resolve("T.java").toString(), root.resolve("src").toString());
    assertEquals(0, code, err.toString());
    assertTrue(
        out.toString().contains("files not migrated (they do not parse):\n"), out.toString());
    assertTrue(out.toString().contains("src/p/Broken.java:3: "), out.toString());
    assertTrue(TestTrees.text(root, "src/p/A.java").contains("return s.isEmpty();"));
  }

  @Test
  void failOnLeftTurnsRemainingOldApiUsesIntoExitOne() {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            TEMPLATE,
            "src/p/A.java",
            "package p;\nclass A {\n  int f(CharSequence cs) {\n    return cs.length();\n  }\n}\n"));
    String t = root.resolve("T.java").toString();
    String src = root.resolve("src").toString();
    assertEquals(0, run("--check", "--templates", t, src), err.toString());
    assertEquals(1, run("--check", "--fail-on-left", "--templates", t, src), err.toString());
  }

  @Test
  void banWithAnUnparsableRulesFileWritesNothingAndExitsTwo() throws Exception {
    tree(TEMPLATE);
    TestTrees.write(root, Map.of("rules.txt", "frobnicate everything\n"));
    int code =
        run(
            "--ban",
            root.resolve("rules.txt").toString(),
            "--templates",
            root.resolve("T.java").toString(),
            root.resolve("src").toString());
    assertEquals(2, code, err.toString());
    assertTrue(err.toString().contains("unknown directive 'frobnicate'"), err.toString());
    assertEquals(SOURCE, TestTrees.text(root, "src/p/A.java"));
    assertEquals("frobnicate everything\n", TestTrees.text(root, "rules.txt"));
  }

  @Test
  void aConstructorTemplateBansThatConstructorNotItsType() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            class T {
              class Boxing {
                @BeforeTemplate Integer before(int i) { return new Integer(i); }
                @AfterTemplate Integer after(int i) { return Integer.valueOf(i); }
              }
            }
            """,
            "src/p/A.java",
            "package p;\nclass A {\n  Integer f(int i) {\n    return new Integer(i);\n  }\n}\n",
            "rules.txt",
            "version 1\n"));
    int code =
        run(
            "--ban",
            root.resolve("rules.txt").toString(),
            "--templates",
            root.resolve("T.java").toString(),
            root.resolve("src").toString());
    assertEquals(0, code, err.toString());
    assertTrue(TestTrees.text(root, "src/p/A.java").contains("return Integer.valueOf(i);"));
    String rules = TestTrees.text(root, "rules.txt");
    assertFalse(rules.contains("ban java.lang.Integer "), rules);
    assertTrue(rules.contains("ban java.lang.Integer#new allow java.lang.**\n"), rules);
    // The analyzer enforces it: the migrated code is clean, a construction left is flagged.
    assertEquals(List.of(), forbidden());
    Files.writeString(
        root.resolve("src/p/B.java"), "package p;\nclass B {\n  Object o = new Integer(1);\n}\n");
    assertEquals(List.of("java.lang.Integer#new <- p.B"), forbidden());
  }

  private List<String> forbidden() throws Exception {
    return dev.lockkit.analyzer.api.Analyzer.on(root.resolve("src"))
        .rules(root.resolve("rules.txt"))
        .displayBase(root)
        .run()
        .findings("api/forbidden")
        .stream()
        .map(dev.lockkit.analyzer.finding.Finding::key)
        .toList();
  }

  @Test
  void aMethodReferenceToTheOldApiIsListedAsASiteLeft() {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            TEMPLATE,
            "src/p/A.java",
            "package p;\nimport java.util.function.ToIntFunction;\nclass A {\n"
                + "  ToIntFunction<String> f = String::length;\n}\n"));
    int code =
        run(
            "--check",
            "--fail-on-left",
            "--templates",
            root.resolve("T.java").toString(),
            root.resolve("src").toString());
    assertEquals(1, code, err.toString());
    assertTrue(out.toString().contains("src/p/A.java:4:29  String::length"), out.toString());
    assertTrue(out.toString().contains("a method reference to String.length()"), out.toString());
  }
}
