package dev.lockkit.golden.approve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.golden.matrix.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalStoreTest {

  private static final Variant V = new Variant(Set.of("MMU", "PER_VMA_LOCK"));

  @TempDir Path dir;

  @Test
  void approvedFilesAreNamedByScenarioAndVariant() {
    assertEquals(
        dir.resolve("fault-success.MMU+PER_VMA_LOCK.approved.txt"),
        new ApprovalStore(dir, Policy.VERIFY).approvedFile("fault-success", V));
  }

  @Test
  void aMissingApprovedFileFailsAndLeavesOnlyTheReceivedFile() {
    ApprovalStore.Result r = new ApprovalStore(dir, Policy.VERIFY).check("s", V, "text\n");
    assertEquals(ApprovalStore.Status.MISSING, r.status());
    assertFalse(Files.exists(r.approved()));
    assertTrue(Files.exists(dir.resolve("s.MMU+PER_VMA_LOCK.received.txt")));
  }

  @Test
  void anUpdateRecordsAtomicallyAndALaterVerifyMatchesAndCleansUp() throws IOException {
    ApprovalStore.Result r = new ApprovalStore(dir, Policy.UPDATE).check("s", V, "text\n");
    assertEquals(ApprovalStore.Status.UPDATED, r.status());
    assertEquals("text\n", Files.readString(r.approved()));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(r.approved()), files.toList(), "no received or temporary file left");
    }
    assertEquals(
        ApprovalStore.Status.MATCH,
        new ApprovalStore(dir, Policy.VERIFY).check("s", V, "text\n").status());
  }

  @Test
  void anApprovedFileWithCrlfLineEndsMatchesTheSameText() throws IOException {
    String text =
        "mode: exhaustive preemptions=2 max-schedules=100000\nschedules: 14\n"
            + "search: complete at preemption bound 2 (the bound cut 4 choices)\n\nx\n";
    Files.writeString(dir.resolve("s.MMU+PER_VMA_LOCK.approved.txt"), text.replace("\n", "\r\n"));
    ApprovalStore.Result r = new ApprovalStore(dir, Policy.STRICT).check("s", V, text);
    assertEquals(ApprovalStore.Status.MATCH, r.status(), r.detail());
  }

  @Test
  void aMismatchNeverChangesTheApprovedFileUnlessUpdating() throws IOException {
    new ApprovalStore(dir, Policy.UPDATE).check("s", V, "old\nsame\n");
    for (Policy p : List.of(Policy.VERIFY, Policy.STRICT)) {
      ApprovalStore.Result r = new ApprovalStore(dir, p).check("s", V, "new\nsame\n");
      assertEquals(ApprovalStore.Status.MISMATCH, r.status());
      assertEquals("line 1: approved 'old', received 'new'", r.detail());
      assertEquals("old\nsame\n", Files.readString(r.approved()));
    }
    ApprovalStore.Result u = new ApprovalStore(dir, Policy.UPDATE).check("s", V, "new\nsame\n");
    assertEquals(ApprovalStore.Status.UPDATED, u.status());
    assertEquals("new\nsame\n", Files.readString(u.approved()));
  }

  @Test
  void strictModeNeverCreatesAnApprovedFile() {
    ApprovalStore.Result r = new ApprovalStore(dir, Policy.STRICT).check("s", V, "text\n");
    assertEquals(ApprovalStore.Status.MISSING, r.status());
    assertFalse(Files.exists(r.approved()));
  }

  @Test
  void approvedFilesNoPairProducesAreObsoleteAndReceivedFilesAreListed() {
    ApprovalStore store = new ApprovalStore(dir, Policy.UPDATE);
    store.check("kept", V, "a\n");
    store.check("gone", V, "b\n");
    new ApprovalStore(dir, Policy.VERIFY).check("pending", V, "c\n");
    Set<Path> expected = Set.of(store.approvedFile("kept", V));
    assertEquals(List.of(store.approvedFile("gone", V)), store.obsolete(expected));
    assertEquals(
        List.of(dir.resolve("pending.MMU+PER_VMA_LOCK.received.txt")), store.strayReceived());
  }

  @Test
  void checkingTheSameFileTwiceInOneRunIsAnError() {
    ApprovalStore store = new ApprovalStore(dir, Policy.UPDATE);
    store.check("s", V, "a\n");
    assertThrows(IllegalStateException.class, () -> store.check("s", V, "a\n"));
  }

  @Test
  void ciIsStrictEvenWhenAnUpdateIsRequested() {
    assertEquals(Policy.STRICT, Policy.resolve(Map.of("CI", "true"), true));
    assertEquals(Policy.UPDATE, Policy.resolve(Map.of(), true));
    assertEquals(Policy.VERIFY, Policy.resolve(Map.of("CI", "false"), false));
  }

  @Test
  void identityHashesInTheTextAreScrubbedBeforeComparison() throws IOException {
    ApprovalStore.Result r =
        new ApprovalStore(dir, Policy.UPDATE)
            .check("s", V, "parked on java.lang.Object@1b6d3586\n");
    assertEquals("parked on java.lang.Object@h1\n", Files.readString(r.approved()));
  }
}
