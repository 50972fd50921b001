package dev.lockkit.refactor.move;

import static dev.lockkit.refactor.move.MoveTestSupport.FIXTURES;
import static dev.lockkit.refactor.move.MoveTestSupport.copy;
import static dev.lockkit.refactor.move.MoveTestSupport.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.refactor.edit.EditException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A move writes every file or none, and never overwrites a file changed since it was read. */
class AtomicityTest {

  @TempDir Path tmp;

  @Test
  void aFileChangedOnDiskAfterPlanningStopsTheWholeWrite() throws Exception {
    Path src = copy(FIXTURES.resolve("references/before"), tmp.resolve("src"));
    MoveEngine.Outcome o =
        MoveEngine.plan(
            new MoveEngine.Request(
                FIXTURES.resolve("references/plan"), List.of(src), null, null, false, Set.of()));
    assertTrue(o.blocking().isEmpty(), o.blocking().toString());
    assertTrue(o.changes().paths().size() >= 4);
    // Someone edits one of the files between the check and the write.
    Path other = src.resolve("app/Other.java");
    Files.writeString(other, Files.readString(other) + "// edited meanwhile\n");
    Map<String, String> edited = snapshot(src);
    EditException e = assertThrows(EditException.class, () -> o.changes().write());
    assertTrue(e.getMessage().contains("changed on disk since it was read"), e.getMessage());
    assertEquals(edited, snapshot(src));
    assertFalse(
        Files.exists(src.resolve("app/text/Loud.java")), "the new file must not be created");
  }

  @Test
  void aPlannedMoveWritesEveryFileAtOnce() throws Exception {
    Path src = copy(FIXTURES.resolve("references/before"), tmp.resolve("src"));
    MoveEngine.Outcome o =
        MoveEngine.plan(
            new MoveEngine.Request(
                FIXTURES.resolve("references/plan"), List.of(src), null, null, false, Set.of()));
    o.changes().write();
    assertEquals(snapshot(FIXTURES.resolve("references/after")), snapshot(src));
  }
}
