package dev.lockkit.analyzer.source;

import static dev.lockkit.analyzer.testing.Projects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.lockkit.analyzer.api.AnalysisResult;
import dev.lockkit.analyzer.api.Analyzer;
import dev.lockkit.analyzer.finding.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

  @Test
  void anUnreadableSubdirectoryIsAFindingNotAnAbort() throws Exception {
    write(
        dir,
        "src/p/A.java",
        "package p; public class A {}",
        "src/q/B.java",
        "package q; class B {}");
    Path q = dir.resolve("src/q");
    Files.setPosixFilePermissions(q, PosixFilePermissions.fromString("---------"));
    try {
      // Root reads every directory whatever its mode: nothing to test there.
      assumeFalse(Files.isReadable(q), "running as root: modes do not restrict reading");
      AnalysisResult r = analyze(dir.resolve("src"));
      assertEquals(List.of("input/unreadable"), rules(r));
      assertTrue(r.findings().get(0).message().contains("cannot read directory"));
      assertFalse(r.report(dev.lockkit.analyzer.baseline.Baseline.empty()).summary().complete());
    } finally {
      Files.setPosixFilePermissions(q, PosixFilePermissions.fromString("rwx------"));
    }
  }
}
