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
    // The what-if's javac check attributes the files that spell a moved name (and those the move
    // edits); User reaches Base's package-private field through Sub without spelling Base, so only
    // verify's whole-tree compile sees that the field is out of reach once Base leaves p.
    write(src, "p/Base.java", "package p;\n\npublic class Base {\n  int x = 1;\n}\n");
    write(src, "p/Sub.java", "package p;\n\npublic class Sub extends Base {}\n");
    write(src, "p/User.java", "package p;\n\nclass User {\n  int y() { return new Sub().x; }\n}\n");
    Files.writeString(tmp.resolve("plan"), "move p.Base to q\n");
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r =
        move(
            "--plan",
            tmp.resolve("plan").toString(),
            "--verify",
            "--allow",
            "cycle/package",
            src.toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("verify: the move introduces 1 compile error(s):"), r.out());
    assertTrue(r.out().contains("p/User.java:"), r.out());
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
