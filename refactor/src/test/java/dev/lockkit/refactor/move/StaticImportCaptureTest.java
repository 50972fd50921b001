package dev.lockkit.refactor.move;

import static dev.lockkit.refactor.move.MoveTestSupport.move;
import static dev.lockkit.refactor.move.MoveTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A destination whose code calls a same-named member through a static import would silently call
 * the moved member instead (a member in scope hides the import): a {@code move/name-clash}, decided
 * by what javac binds the call to.
 */
class StaticImportCaptureTest {

  @TempDir Path tmp;

  private MoveTestSupport.Run run(Path src) throws Exception {
    Files.writeString(tmp.resolve("p"), "move a.T#f(int) to b.U\n");
    return move("--plan", tmp.resolve("p").toString(), "--dry-run", src.toString());
  }

  private Path tree(String importInU) {
    Path src = tmp.resolve("src");
    write(
        src,
        "a/T.java",
        "package a;\n\npublic final class T {\n  public static int f(int x) { return x; }\n}\n");
    write(
        src,
        "c/Other.java",
        "package c;\n\npublic final class Other {\n  public static int f(long x) { return 0; }\n}\n");
    write(
        src,
        "b/U.java",
        "package b;\n\n"
            + importInU
            + "\n\npublic final class U {\n  int g() { return f(1); }\n}\n");
    return src;
  }

  @Test
  void aCallThatAStaticImportOfAnotherTypeSuppliesWouldBeCaptured() throws Exception {
    MoveTestSupport.Run r = run(tree("import static c.Other.f;"));
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(
        r.out().contains("b/U.java:6:20: error move/name-clash: in b.U, f currently comes from a"),
        r.out());
  }

  @Test
  void aCallOfTheMovedMemberItselfThroughAStaticImportIsNotAClash() throws Exception {
    MoveTestSupport.Run r = run(tree("import static a.T.f;"));
    assertFalse(r.out().contains("move/name-clash"), r.out());
    assertEquals(0, r.exit(), r.out() + r.err());
  }
}
