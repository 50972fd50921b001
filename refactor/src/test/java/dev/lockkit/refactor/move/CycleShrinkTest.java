package dev.lockkit.refactor.move;

import static dev.lockkit.refactor.move.MoveTestSupport.compile;
import static dev.lockkit.refactor.move.MoveTestSupport.move;
import static dev.lockkit.refactor.move.MoveTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cycle is new only if it has a member or an edge no cycle had before (issue 19: moving
 * StringUtils#EMPTY out of commons-lang3's 44-type cycle left a 42-type subset, reported as new).
 */
class CycleShrinkTest {

  @TempDir Path tmp;

  private Path tree() {
    Path src = tmp.resolve("src");
    // A <-> B by methods; C -> A only through the constant K; A -> C: one group {A, B, C}.
    write(
        src,
        "p/A.java",
        "package p;\n\npublic class A {\n  public static final int K = 1;\n\n"
            + "  static int f() { return B.g() + C.h(); }\n}\n");
    write(src, "p/B.java", "package p;\n\npublic class B {\n  static int g() { return A.K; }\n}\n");
    write(src, "p/C.java", "package p;\n\npublic class C {\n  static int h() { return A.K; }\n}\n");
    return src;
  }

  @Test
  void aMoveThatShrinksACycleToASubsetIsNotANewCycle() throws Exception {
    Path src = tree();
    // Moving K to a new D: C no longer reaches A, B still does; {A, B} is a subset of {A, B, C}.
    Files.writeString(tmp.resolve("p"), "move p.A#K to p.D\n");
    MoveTestSupport.Run r = move("--plan", tmp.resolve("p").toString(), src.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals("", compile(src, Files.createDirectories(tmp.resolve("classes"))));
  }

  @Test
  void aMoveThatAddsAnEdgeToACycleIsStillReported() throws Exception {
    Path src = tree();
    write(
        src,
        "q/E.java",
        "package q;\n\npublic class E {\n  public static int e() { return 2; }\n}\n");
    // f moves to E: E -> B, E -> C, and B, C -> ... -> A; E joins no cycle unless A uses E. Moving
    // B#g into q.E gives E -> A and A -> E: a member (E) no cycle had before.
    Files.writeString(tmp.resolve("p"), "move p.B#g to q.E\n");
    MoveTestSupport.Run r = move("--plan", tmp.resolve("p").toString(), src.toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("cycle/"), r.out());
  }
}
