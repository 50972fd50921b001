package dev.lockkit.refactor.move;

import static dev.lockkit.refactor.move.MoveTestSupport.FIXTURES;
import static dev.lockkit.refactor.move.MoveTestSupport.compile;
import static dev.lockkit.refactor.move.MoveTestSupport.copy;
import static dev.lockkit.refactor.move.MoveTestSupport.move;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moving a whole top-level type to another package. */
class TypeMoveTest {

  @TempDir Path tmp;
  private Path src;
  private Path plan;

  @BeforeEach
  void tree() throws Exception {
    src = copy(FIXTURES.resolve("kernel-split/before"), tmp.resolve("src"));
    plan = tmp.resolve("move.plan");
    Files.writeString(plan, "move mini.types.Vma to mini.lock\n");
  }

  @Test
  void theFileMovesAndEveryImportFollowsAndItCompiles() throws Exception {
    MoveTestSupport.Run r = move("--plan", plan.toString(), src.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertFalse(Files.exists(src.resolve("mini/types/Vma.java")));
    assertEquals(
        "package mini.lock;\n\n/** vm_area_struct, reduced. */\npublic final class Vma {\n  public long start, end;\n  public int refcnt;\n}\n",
        Files.readString(src.resolve("mini/lock/Vma.java")));
    // Same-package user gets an import; importers are rewritten; the destination drops its import.
    assertTrue(
        Files.readString(src.resolve("mini/types/Mm.java"))
            .startsWith(
                "package mini.types;\n\nimport mini.lock.Vma;\n\n/** mm_struct, reduced. */"));
    assertTrue(
        Files.readString(src.resolve("mini/mm/Memory.java")).contains("import mini.lock.Vma;\n"));
    assertFalse(
        Files.readString(src.resolve("mini/lock/VmaLock.java")).contains("import mini.types.Vma;"));
    assertEquals("", compile(src, Files.createDirectories(tmp.resolve("classes"))));
  }

  @Test
  void aLayerBreakBlocksTheMoveAndNothingIsDeleted() throws Exception {
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r =
        move(
            "--plan",
            plan.toString(),
            "--rules",
            FIXTURES.resolve("kernel-split/rules").toString(),
            src.toString());
    assertEquals(1, r.exit(), r.out());
    assertTrue(
        r.out().contains("error layer/forbidden: package mini.types depends on mini.lock"),
        r.out());
    assertEquals(before, snapshot(src));
  }

  @Test
  void aFailedWriteRestoresTheDeletedFile() throws Exception {
    MoveEngine.Outcome o =
        MoveEngine.plan(new MoveEngine.Request(plan, List.of(src), null, null, false, Set.of()));
    assertEquals(1, o.deletions().size());
    Path mm = src.resolve("mini/types/Mm.java");
    Files.writeString(mm, Files.readString(mm) + "// edited meanwhile\n");
    Map<String, String> edited = snapshot(src);
    assertThrows(EditException.class, () -> MoveWriter.write(o.changes(), o.deletions()));
    assertEquals(edited, snapshot(src));
  }

  @Test
  void aTypeMovingIntoAPackageThatHasTheNameIsBadInput() throws Exception {
    Files.writeString(plan, "move mini.types.Vma to mini.types\n");
    MoveTestSupport.Run r = move("--plan", plan.toString(), src.toString());
    assertEquals(2, r.exit());
    assertTrue(
        r.err().contains(plan + ":1: mini.types.Vma is already in package mini.types"), r.err());
  }
}
