package dev.lockkit.golden.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenRunTest {

  @TempDir Path root;

  @Test
  void verifyAllReportsBadInputWithExitTwoAndTouchesNothing() throws IOException {
    Path scenarios = Files.createDirectories(root.resolve("scenarios"));
    Files.writeString(
        scenarios.resolve("bad.scn"), "vma 0x10000 0x20000 rw-\ntask:\n  fault 0x1g000\n");
    Path kconfig = Files.writeString(root.resolve("Kconfig"), "config STATS\n\tbool \"stats\"\n");
    StringWriter out = new StringWriter();
    int rc =
        GoldenRun.verifyAll(
            scenarios,
            kconfig,
            new dev.lockkit.golden.target.ToyTarget(false),
            new PrintWriter(out));
    assertEquals(2, rc, out.toString());
    assertTrue(out.toString().contains("bad.scn:3:9: bad address '0x1g000'"), out.toString());
    assertTrue(!Files.exists(root.resolve("approved")));
  }

  @Test
  void theApprovedDirectoryDefaultsToASiblingOfTheScenarios() {
    assertEquals(root.resolve("approved"), GoldenRun.approvedDirFor(root.resolve("scenarios")));
  }
}
