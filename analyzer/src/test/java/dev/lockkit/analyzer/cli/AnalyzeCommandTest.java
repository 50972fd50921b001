package dev.lockkit.analyzer.cli;

import static dev.lockkit.analyzer.testing.Projects.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.testing.Samples;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AnalyzeCommandTest {

  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new AnalyzeCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private Path clean() {
    return write(
            dir,
            "clean/p/A.java",
            "package p; public class A { q.B b; }",
            "clean/q/B.java",
            "package q; public class B {}")
        .resolve("clean");
  }

  @Test
  void cleanProjectExitsZero() {
    Run r = run(clean().toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("lockkit: 0 errors, 0 warnings, 0 infos in 2 files"), r.out());
  }

  @Test
  void findingsAtOrAboveFailOnExitOne() {
    Samples.writeProject(dir);
    Run r = run("--rules", dir.resolve("rules.txt").toString(), dir.resolve("src").toString());
    assertEquals(1, r.exit(), r.out());
    assertTrue(r.out().contains("[cycle/package]"), r.out());
  }

  @Test
  void warningsPassAtFailOnErrorAndFailAtFailOnWarning() {
    write(
        dir,
        "w/p/A.java",
        "package p; public class A { B b; }",
        "w/p/B.java",
        "package p; public class B { A a; }");
    String path = dir.resolve("w").toString();
    assertEquals(0, run(path).exit());
    assertEquals(1, run("--fail-on", "warning", path).exit());
  }

  @Test
  void missingPathExitsTwoWithOneLineAndNoStackTrace() {
    Run r = run(dir.resolve("missing").toString());
    assertEquals(2, r.exit());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("no such file or directory"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void emptyDirectoryExitsTwo() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Run r = run(empty.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("no .java files"), r.err());
  }

  @Test
  void badRulesFileExitsTwoNamingFileLineAndColumn() throws Exception {
    Path rules = dir.resolve("bad-rules.txt");
    Files.writeString(rules, "version 1\nlayer x a.b-c\n");
    Run r = run("--rules", rules.toString(), clean().toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("bad-rules.txt:2:11: bad pattern 'a.b-c'"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void unknownFormatAndFailOnExitTwo() {
    assertEquals(2, run("--format", "yaml", clean().toString()).exit());
    assertEquals(2, run("--fail-on", "fatal", clean().toString()).exit());
    assertEquals(2, run().exit());
  }

  @Test
  void missingKconfigExitsTwo() {
    Run r = run("--kconfig", dir.resolve("Kconfig").toString(), clean().toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("no such file (Kconfig file)"), r.err());
  }

  @Test
  void kconfigRunsConfigGatingAlongsideTheDependencyRules() throws Exception {
    Path kconfig = Files.writeString(dir.resolve("Kconfig"), "config MMU\n\tbool \"MMU\"\n");
    write(
        dir,
        "g/p/IfConfig.java",
        "package p; public @interface IfConfig { String value(); }",
        "g/p/A.java",
        "package p; public class A { @IfConfig(\"NOPE\") void f() {} }");
    Path rules = Files.writeString(dir.resolve("rules.txt"), "condition-annotation p.IfConfig\n");
    Run r =
        run(
            "--kconfig",
            kconfig.toString(),
            "--rules",
            rules.toString(),
            "--format",
            "json",
            dir.resolve("g").toString());
    assertTrue(r.exit() == 0 || r.exit() == 1, r.err());
    assertTrue(r.out().contains("\"rule\": \"gate/"), r.out());
  }

  @Test
  void baselineRoundTripReportsOnlyNewFindingsAndIsByteIdentical() throws Exception {
    Samples.writeProject(dir);
    String src = dir.resolve("src").toString();
    String rules = dir.resolve("rules.txt").toString();
    Path b1 = dir.resolve("b1.txt");
    Path b2 = dir.resolve("b2.txt");
    // Writing a baseline is the run's purpose: it succeeds although findings exist.
    assertEquals(0, run("--rules", rules, "--write-baseline", b1.toString(), src).exit());
    assertEquals(0, run("--rules", rules, "--write-baseline", b2.toString(), src).exit());
    assertArrayEquals(Files.readAllBytes(b1), Files.readAllBytes(b2));
    Run known = run("--rules", rules, "--baseline", b1.toString(), "--format", "json", src);
    assertEquals(0, known.exit(), known.out());
    assertTrue(known.out().contains("\"findings\": []"), known.out());
    // A new cycle is reported even though the baseline exists.
    write(dir, "src/x/c/C.java", "package x.c; public class C { x.app.App a; }");
    write(dir, "src/x/app/Back.java", "package x.app; class Back { x.c.C c; }");
    Run fresh = run("--rules", rules, "--baseline", b1.toString(), src);
    assertEquals(1, fresh.exit(), fresh.out());
    assertTrue(fresh.out().contains("x.app -> x.c -> x.app"), fresh.out());
  }

  @Test
  void outputFileReceivesTheReportAndStdoutStaysEmpty() throws Exception {
    Path out = dir.resolve("reports/out.sarif");
    Run r = run("--format", "sarif", "--output", out.toString(), clean().toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.out());
    assertTrue(Files.readString(out).contains("\"version\": \"2.1.0\""));
  }

  @Test
  void unparsableFileMakesTheReportSayIncomplete() {
    write(
        dir, "broken/p/A.java", "package p; class A {", "broken/p/B.java", "package p; class B {}");
    Run r = run(dir.resolve("broken").toString());
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("[input/parse]"), r.out());
    assertTrue(r.out().contains("INCOMPLETE"), r.out());
  }

  @Test
  void writeBaselineWithABadOutputPathWritesNothingAndExitsTwo() throws Exception {
    Samples.writeProject(dir);
    Path b = dir.resolve("b.txt");
    Files.writeString(dir.resolve("file"), "x");
    Run r =
        run(
            "--rules",
            dir.resolve("rules.txt").toString(),
            "--write-baseline",
            b.toString(),
            "--output",
            dir.resolve("file/report.txt").toString(),
            dir.resolve("src").toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("is a file, not a directory"), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
    assertFalse(Files.exists(b), "the baseline must not be written when the report cannot be");
  }

  @Test
  void outputThatIsADirectoryIsAUserErrorNotAnInternalOne() throws Exception {
    Run r = run("--output", dir.toString(), clean().toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("is a directory"), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
  }

  @Test
  void jsonGivenAsABaselineIsAnErrorNamingFileAndLine() throws Exception {
    Path json = Files.writeString(dir.resolve("report.json"), "{\n  \"schemaVersion\": 1\n}\n");
    Run r = run("--baseline", json.toString(), clean().toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("report.json:1: not a baseline line"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }
}
