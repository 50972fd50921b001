package dev.lockkit.refactor.move;

import static dev.lockkit.refactor.move.MoveTestSupport.move;
import static dev.lockkit.refactor.move.MoveTestSupport.snapshot;
import static dev.lockkit.refactor.move.MoveTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --verify} runs before anything is written and fails only on what the move introduced
 * (issues 17 and 19: it used to write, then exit 1).
 */
class VerifyBeforeWritingTest {

  @TempDir Path tmp;

  @Test
  void aMoveThatTheWhatIfPassesButJavacRefusesFailsVerifyAndWritesNothing() throws Exception {
    Path src = tmp.resolve("src");
    // Moving Helper into Host, which extends it: the what-if does not check this (MOVE.md), javac
    // reports cyclic inheritance.
    write(
        src,
        "p/Helper.java",
        "package p;\n\npublic class Helper {\n  public int x() { return 1; }\n}\n");
    write(src, "q/Host.java", "package q;\n\npublic class Host extends p.Helper {}\n");
    Files.writeString(tmp.resolve("plan"), "move p.Helper to q.Host\n");
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r =
        move(
            "--plan",
            tmp.resolve("plan").toString(),
            "--verify",
            "--allow",
            "cycle/type",
            src.toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("verify: the move introduces 1 compile error(s):"), r.out());
    assertTrue(r.out().contains("q/Host.java:"), r.out());
    assertTrue(r.out().contains("--verify failed; nothing written"), r.out());
    assertEquals(before, snapshot(src), "nothing written");
  }

  @Test
  void aCleanMoveVerifiesThenWrites() throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "a/T.java",
        "package a;\n\npublic final class T {\n  public static int f() { return 1; }\n}\n");
    write(src, "b/U.java", "package b;\n\npublic class U {\n  int h() { return a.T.f(); }\n}\n");
    Files.writeString(tmp.resolve("plan"), "move a.T#f to c.F\n");
    MoveTestSupport.Run r =
        move("--plan", tmp.resolve("plan").toString(), "--verify", src.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("verify: the result compiles"), r.out());
    assertTrue(r.out().contains("verify: no new cycle or layer violation in the result"), r.out());
    assertTrue(Files.exists(src.resolve("c/F.java")));
    assertTrue(
        Files.readString(src.resolve("b/U.java")).contains("F.f()"),
        Files.readString(src.resolve("b/U.java")));
  }
}
