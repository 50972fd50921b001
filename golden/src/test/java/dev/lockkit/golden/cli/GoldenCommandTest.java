package dev.lockkit.golden.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoldenCommandTest extends CommandFixture {

  @Test
  void recordWritesOneApprovedFilePerScenarioAndApplicableVariantThenVerifyPasses()
      throws IOException {
    Run rec = golden("record");
    assertEquals(0, rec.code(), rec.out() + rec.err());
    assertEquals(
        List.of(
            "fault-vs-munmap.MMU+STATS.approved.txt",
            "fault-vs-munmap.MMU.approved.txt",
            "fault-vs-munmap.none.approved.txt",
            "stats-only.MMU+STATS.approved.txt"),
        approvedFiles());
    Run ver = golden("verify");
    assertEquals(0, ver.code(), ver.out());
    assertTrue(
        ver.out().contains("| variant | fault-vs-munmap | stats-only |\n|---|---|---|\n"),
        ver.out());
    assertTrue(ver.out().contains("| MMU | pass | - |\n"), ver.out());
    assertTrue(ver.out().contains("| MMU+STATS | pass | pass |\n"), ver.out());
  }

  @Test
  void verifyFailsOnADifferenceAndLeavesTheApprovedFileAsItWas() throws IOException {
    golden("record");
    Path f = approved.resolve("stats-only.MMU+STATS.approved.txt");
    String edited = Files.readString(f).replace("faults: 1", "faults: 2");
    Files.writeString(f, edited);
    Run ver = golden("verify");
    assertEquals(1, ver.code(), ver.out());
    assertTrue(ver.out().contains("| MMU+STATS | pass | FAIL |"), ver.out());
    assertTrue(ver.out().contains("approved 'faults: 2', received 'faults: 1'"), ver.out());
    assertEquals(edited, Files.readString(f));
    assertEquals(0, golden("report").code(), "report only summarises");
  }

  @Test
  void aMissingApprovedFileFailsVerification() throws IOException {
    Files.createDirectories(approved);
    Run ver = golden("verify");
    assertEquals(1, ver.code());
    assertTrue(ver.out().contains("| none | MISSING | - |"), ver.out());
  }

  @Test
  void verifyAndReportRefuseAnApprovedDirectoryThatDoesNotExistAndCreateNothing() {
    for (String command : List.of("verify", "report")) {
      Run r = golden(command);
      assertEquals(2, r.code(), command + ": " + r.err());
      assertTrue(
          r.err().contains("approved: approved-file directory does not exist (record it first"),
          r.err());
      assertEquals("", r.out(), command + ": no report after bad input");
      assertTrue(!Files.exists(approved), command + " created " + approved);
    }
    assertEquals(0, golden("record").code(), "record creates it");
    assertTrue(Files.isDirectory(approved));
  }

  @Test
  void aBadScenarioIsALineNumberedErrorAndNothingIsRecorded() throws IOException {
    Files.writeString(scenarios.resolve("broken.scn"), "task:\n  fault 0x1000\n  faul 0x1000\n");
    Run rec = golden("record");
    assertEquals(2, rec.code());
    assertTrue(
        rec.err()
            .contains(
                "broken.scn:3:3: unknown operation 'faul' (known: fault, mmap, munmap, mprotect,"
                    + " fork)"),
        rec.err());
    assertEquals(List.of(), approvedFiles());
  }

  @Test
  void aSelectorNoValidConfigurationSatisfiesIsAnErrorAtItsLine() throws IOException {
    Files.writeString(
        scenarios.resolve("impossible.scn"),
        "# nommu stats\nconfig: STATS && !MMU\ntask:\n  fork\n");
    Run rec = golden("record");
    assertEquals(2, rec.code());
    assertTrue(
        rec.err()
            .contains(
                "impossible.scn:2: config selector 'STATS && !MMU' holds on no valid configuration"),
        rec.err());
    assertEquals(List.of(), approvedFiles());
  }

  @Test
  void aSelectorNamingAnUnknownOptionIsAnError() throws IOException {
    Files.writeString(scenarios.resolve("typo.scn"), "config: PER_VMA_LOK\ntask:\n  fork\n");
    Run rec = golden("verify");
    assertEquals(2, rec.code());
    assertTrue(
        rec.err()
            .contains(
                "typo.scn:1: config selector names unknown option PER_VMA_LOK (known: MMU, STATS)"),
        rec.err());
  }

  @Test
  void shardsSplitTheMatrixDisjointlyAndTogetherCoverIt() throws IOException {
    Run one = golden("record", "--shard", "1/2");
    Run two = golden("record", "--shard", "2/2");
    assertEquals(0, one.code());
    assertEquals(0, two.code());
    assertTrue(one.out().contains("other shard"), one.out());
    assertEquals(4, approvedFiles().size());
    assertFalse(one.out().contains("Obsolete"), "files of the other shard are not obsolete");
  }

  @Test
  void obsoleteApprovedFilesAreReported() throws IOException {
    golden("record");
    Files.delete(scenarios.resolve("stats-only.scn"));
    Run ver = golden("verify");
    assertEquals(0, ver.code());
    assertTrue(
        ver.out()
            .contains(
                "### Obsolete approved files (no scenario produces them)\n\n"
                    + "- stats-only.MMU+STATS.approved.txt (no scenario 'stats-only')\n"),
        ver.out());
  }

  @Test
  void junitXmlAndMarkdownFilesAreWrittenAndDeterministic() throws IOException {
    golden("record");
    Path xml1 = root.resolve("a.xml");
    Path xml2 = root.resolve("b.xml");
    Path md = root.resolve("summary.md");
    Run r1 = golden("verify", "--junit", xml1.toString(), "--markdown", md.toString());
    golden("verify", "--junit", xml2.toString());
    assertEquals(0, r1.code());
    assertEquals(Files.readString(xml1), Files.readString(xml2));
    assertTrue(
        Files.readString(xml1)
            .contains("<testcase classname=\"golden.stats-only\" name=\"MMU+STATS\"/>"));
    assertEquals(r1.out(), Files.readString(md));
  }

  @Test
  void badUsageExitsTwoWithAMessageAndNoStackTrace() {
    Run r = golden("verify", "--shard", "3/2");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("error: shard must be i/n with 1 <= i <= n"), r.err());
    assertFalse(r.err().contains("\tat "));
  }

  @Test
  void aBadOutputPathIsRefusedInTheUsersTermsBeforeTheRun() throws IOException {
    golden("record");
    Path missingDir = root.resolve("no/such/dir/summary.md");
    Run r = golden("verify", "--markdown", missingDir.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("error: --markdown " + missingDir + ": directory "), r.err());
    assertTrue(r.err().contains("does not exist"), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
    Run d = golden("verify", "--junit", root.toString());
    assertEquals(2, d.code());
    assertTrue(r.out().isEmpty() && d.out().isEmpty(), "nothing ran: " + r.out() + d.out());
    assertTrue(d.err().contains("is a directory, not a file"), d.err());
  }

  /** --markdown/--junit go through the one output writer: a replaced file keeps its mode. */
  @Test
  void reportFilesKeepTheModeOfTheFileTheyReplace() throws IOException {
    golden("record");
    Path md = root.resolve("summary.md");
    Files.writeString(md, "old");
    Files.setPosixFilePermissions(
        md, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
    Path xml = root.resolve("new.xml");
    Run r = golden("verify", "--markdown", md.toString(), "--junit", xml.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(r.out(), Files.readString(md));
    assertEquals(
        "rw-rw-r--",
        java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(md)));
    // A new file gets the mode any new file gets here (the umask's), not a temporary file's 0600.
    Path ref = Files.createFile(root.resolve("reference-new-file"));
    assertEquals(Files.getPosixFilePermissions(ref), Files.getPosixFilePermissions(xml));
    try (var s = Files.list(root)) {
      assertTrue(
          s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary debris");
    }
  }
}
