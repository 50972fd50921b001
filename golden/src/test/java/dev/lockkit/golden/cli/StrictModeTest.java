package dev.lockkit.golden.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code --strict} (the CI mode): what fails it, what does not, and what it never writes. */
class StrictModeTest extends CommandFixture {

  @Test
  void strictRecordIsRefusedAndWritesNothing() throws IOException {
    Run r = golden("record", "--strict");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("refusing to record"), r.err());
    assertEquals(java.util.List.of(), approvedFiles());
  }

  @Test
  void strictVerifyPassesOnACleanDirectory() {
    golden("record");
    Run r = golden("verify", "--strict");
    assertEquals(0, r.code(), r.out());
  }

  @Test
  void aStrayReceivedFileFailsOnlyAStrictRun() throws IOException {
    golden("record");
    Path stray = approved.resolve("stats-only.MMU+STATS.received.txt");
    Files.writeString(stray, "left over\n");
    Run r = golden("verify", "--strict");
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("- stats-only.MMU+STATS.received.txt"), r.out());
    Files.writeString(stray, "left over\n");
    Run lax = golden("verify");
    assertEquals(0, lax.code(), "a non-strict run only reports it");
    assertTrue(lax.out().contains("### Stray received files"), lax.out());
  }

  @Test
  void anObsoleteApprovedFileFailsAStrictRun() throws IOException {
    golden("record");
    Files.writeString(approved.resolve("gone.MMU.approved.txt"), "x\n");
    Run r = golden("verify", "--strict");
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("- gone.MMU.approved.txt (no scenario 'gone')"), r.out());
  }

  @Test
  void aVariantTheSelectorExcludesIsObsoleteButAnUnknownVariantIsNotRunHere() throws IOException {
    golden("record");
    // stats-only runs only with STATS: its MMU file is obsolete. A variant naming an option this
    // Kconfig lacks belongs to another matrix: not run here.
    Files.writeString(approved.resolve("stats-only.MMU.approved.txt"), "x\n");
    Files.writeString(approved.resolve("stats-only.MMU+SMP.approved.txt"), "x\n");
    Run r = golden("verify", "--strict");
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("stats-only.MMU.approved.txt (the config selector"), r.out());
    assertFalse(r.out().contains("stats-only.MMU+SMP.approved.txt ("), r.out());
    assertTrue(r.out().contains("1 approved files not run here"), r.out());
  }

  @Test
  void anotherShardsFilesAndOtherToolsGoldenFilesAreNeverObsolete() throws IOException {
    golden("record");
    Files.writeString(approved.resolve("analyzer-report.approved.txt"), "x\n");
    Files.writeString(approved.resolve("split.declarations.approved.txt"), "x\n");
    Files.createDirectories(approved.resolve("java"));
    Files.writeString(approved.resolve("java/gone.none.approved.txt"), "x\n");
    Run r = golden("verify", "--strict", "--shard", "1/2");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("approved files not run here"), r.out());
  }

  @Test
  void aVerifyThatExploresLessThanTheApprovedFileFailsAsWeakened() throws IOException {
    golden("record");
    Path scn = scenarios.resolve("fault-vs-munmap.scn");
    Files.writeString(scn, Files.readString(scn).replace("preemptions=1", "preemptions=0"));
    Run r = golden("verify");
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("WEAKER"), r.out());
    assertTrue(
        r.out()
            .contains(
                "coverage weakened: preemption bound 0 is smaller than the approved file's 1"),
        r.out());
  }

  @Test
  void aStampEditedIntoAnImpossibleStateIsALineNumberedError() throws IOException {
    golden("record");
    Path f = approved.resolve("fault-vs-munmap.MMU.approved.txt");
    Files.writeString(f, Files.readString(f).replaceFirst("schedules: \\d+", "schedules: -3"));
    Run r = golden("verify");
    assertEquals(1, r.code(), r.out());
    assertTrue(
        r.out().contains("fault-vs-munmap.MMU.approved.txt:4: schedules must be at least 1"),
        r.out());
  }
}
