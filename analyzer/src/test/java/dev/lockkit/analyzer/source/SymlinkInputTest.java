package dev.lockkit.analyzer.source;

import static dev.lockkit.analyzer.testing.Projects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.api.AnalysisResult;
import dev.lockkit.analyzer.api.Analyzer;
import dev.lockkit.analyzer.finding.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Code behind symbolic links is analysed; what cannot be read is reported, never skipped. */
class SymlinkInputTest {
  @TempDir Path dir;

  private AnalysisResult analyze(Path root) throws Exception {
    return Analyzer.on(root).displayBase(dir).run();
  }

  private static List<String> rules(AnalysisResult r) {
    return r.findings().stream().map(Finding::rule).toList();
  }

  @Test
  void aCycleBehindASymlinkedPackageDirectoryIsFound() throws Exception {
    write(
        dir,
        "src/p/A.java",
        "package p; public class A { q.B b; }",
        "elsewhere/q/B.java",
        "package q; public class B { p.A a; }");
    Files.createSymbolicLink(dir.resolve("src/q"), dir.resolve("elsewhere/q"));
    AnalysisResult r = analyze(dir.resolve("src"));
    assertTrue(rules(r).contains("cycle/package"), r.findings().toString());
  }

  @Test
  void aSymlinkedSourceRootIsAnalysed() throws Exception {
    write(dir, "real/p/A.java", "package p; public class A {}");
    Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));
    AnalysisResult r = analyze(link);
    assertEquals(1, r.report(dev.lockkit.analyzer.baseline.Baseline.empty()).summary().files());
  }

  @Test
  void aLinkLoopEndsAndEachFileIsAnalysedOnce() throws Exception {
    write(dir, "src/p/A.java", "package p; public class A {}");
    Files.createSymbolicLink(dir.resolve("src/p/again"), dir.resolve("src"));
    Files.createSymbolicLink(dir.resolve("src/twice"), dir.resolve("src/p"));
    AnalysisResult r = analyze(dir.resolve("src"));
    assertEquals(1, r.report(dev.lockkit.analyzer.baseline.Baseline.empty()).summary().files());
    assertEquals(List.of(), r.findings());
  }

  @Test
  void aDanglingJavaLinkIsAnUnreadableFindingAndTheRunIsIncomplete() throws Exception {
    write(dir, "src/p/A.java", "package p; public class A {}");
    Files.createSymbolicLink(dir.resolve("src/p/Gone.java"), dir.resolve("nowhere/Gone.java"));
    AnalysisResult r = analyze(dir.resolve("src"));
    assertEquals(List.of("input/unreadable"), rules(r));
    assertFalse(r.report(dev.lockkit.analyzer.baseline.Baseline.empty()).summary().complete());
  }

  /**
   * A package directory that nobody can read, root included: a symbolic link to itself, which the
   * kernel refuses to resolve (ELOOP). Why not a mode-000 directory: root reads every directory
   * whatever its mode, and CI runs as root, so such a test could only skip there.
   */
  @Test
  void anUnreadableSubdirectoryIsAFindingNotAnAbort() throws Exception {
    write(
        dir,
        "src/p/A.java",
        "package p; public class A {}",
        "src/r/C.java",
        "package r; class C {}");
    Files.createSymbolicLink(dir.resolve("src/q"), Path.of("q"));
    AnalysisResult r = analyze(dir.resolve("src"));
    assertEquals(List.of("input/unreadable"), rules(r));
    assertTrue(r.findings().get(0).message().contains("cannot read"), r.findings().toString());
    assertTrue(
        r.findings().get(0).location().toString().contains("src/q"), r.findings().toString());
    assertFalse(r.report(dev.lockkit.analyzer.baseline.Baseline.empty()).summary().complete());
    // The rest is analysed: both readable packages and their types are in the graph.
    var summary = r.report(dev.lockkit.analyzer.baseline.Baseline.empty()).summary();
    assertEquals(2, summary.packages());
    assertEquals(2, summary.types());
    assertEquals(1, summary.filesNotAnalysed());
  }

  /** A pipe named {@code X.java} would block a reader forever: reported, never opened. */
  @Test
  void aPipeNamedJavaIsAnUnreadableFindingNotASilentSkip() throws Exception {
    write(dir, "src/p/A.java", "package p; public class A {}");
    Process mkfifo =
        new ProcessBuilder("mkfifo", dir.resolve("src/p/Pipe.java").toString()).start();
    assertEquals(0, mkfifo.waitFor());
    AnalysisResult r = analyze(dir.resolve("src"));
    assertEquals(List.of("input/unreadable"), rules(r));
    assertTrue(
        r.findings().get(0).message().contains("not a regular file"), r.findings().toString());
    assertFalse(r.report(dev.lockkit.analyzer.baseline.Baseline.empty()).summary().complete());
  }
}
