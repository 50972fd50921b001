package dev.lockkit.analyzer.gating;

import static dev.lockkit.analyzer.testing.Projects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.pc.Guards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reference gating cannot resolve is counted, not dropped, when it could matter. */
class UnresolvedReferenceTest {
  @TempDir Path dir;

  private List<Finding> unresolved(String callerBody) throws Exception {
    Path kconfig = Files.writeString(dir.resolve("Kconfig"), "config MMU\n\tbool \"MMU\"\n");
    write(
        dir,
        "src/cfg/IfConfig.java",
        "package cfg; public @interface IfConfig { String value(); }",
        "src/p/Gated.java",
        "package p; public class Gated { @cfg.IfConfig(\"MMU\") public int fetch(int i) { return i; }"
            + " public int plain(int i) { return i; } }",
        "src/p/Caller.java",
        "package p; import lib.Unknown; class Caller { int f(Unknown u) { " + callerBody + " } }");
    return GatingAnalyzer.analyze(
            List.of(dir.resolve("src")),
            kconfig,
            dir,
            Guards.of(List.of("cfg.IfConfig"), List.of()))
        .stream()
        .filter(f -> f.rule().equals("input/unresolved"))
        .toList();
  }

  @Test
  void aCallThatCouldBeAGatedMemberIsReportedAsAWarning() throws Exception {
    // helper() is declared nowhere, so its type is unknown: fetch(1) on it could be
    // Gated#fetch/1, which is gated.
    List<Finding> f = unresolved("return helper().fetch(1);");
    assertEquals(1, f.size(), f.toString());
    assertEquals(Severity.WARNING, f.get(0).severity());
    assertTrue(f.get(0).message().contains("could not resolve call fetch/1"), f.toString());
    assertEquals("src/p/Caller.java", f.get(0).location().path());
  }

  @Test
  void aCallThatCouldOnlyBeAnUngatedMemberIsNotAnIncompleteness() throws Exception {
    assertEquals(List.of(), unresolved("return helper().plain(1);"));
  }

  @Test
  void aChainFromAVariableOfALibraryTypeStaysOutsideTheProject() throws Exception {
    // The receiver's declared type is lib.Unknown: its members are the library's.
    assertEquals(List.of(), unresolved("return u.fetch(1);"));
  }
}
