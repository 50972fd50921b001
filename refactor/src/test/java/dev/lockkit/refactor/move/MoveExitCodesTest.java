package dev.lockkit.refactor.move;

import static dev.lockkit.refactor.move.MoveTestSupport.move;
import static dev.lockkit.refactor.move.MoveTestSupport.snapshot;
import static dev.lockkit.refactor.move.MoveTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit codes MOVE.md documents, one test each: 0 applied, 1 conflicts (nothing written), 2 bad
 * plan or input (nothing written, a one-line located message, no stack trace).
 */
class MoveExitCodesTest {

  @TempDir Path tmp;

  private Path tree() {
    Path src = tmp.resolve("src");
    write(
        src,
        "a/T.java",
        "package a;\n\npublic final class T {\n  public static int f() { return 1; }\n\n"
            + "  private static int hidden() { return 2; }\n\n"
            + "  public static int g() { return hidden(); }\n}\n");
    write(src, "b/U.java", "package b;\n\npublic class U {\n  int h() { return a.T.f(); }\n}\n");
    return src;
  }

  private MoveTestSupport.Run run(Path src, String plan, String... extra) throws Exception {
    Files.writeString(tmp.resolve("p"), plan);
    String[] args = new String[extra.length + 3];
    args[0] = "--plan";
    args[1] = tmp.resolve("p").toString();
    System.arraycopy(extra, 0, args, 2, extra.length);
    args[args.length - 1] = src.toString();
    return move(args);
  }

  @Test
  void exit0WhenApplied() throws Exception {
    Path src = tree();
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r = run(src, "move a.T#f to c.F\n");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertNotEquals(before, snapshot(src));
  }

  @Test
  void exit1OnAConflictAndNothingIsWritten() throws Exception {
    Path src = tree();
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r = run(src, "move a.T#g to c.G\n");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("move/access"), r.out());
    assertEquals(before, snapshot(src));
  }

  @Test
  void exit2ForADestinationJavacWouldRefuseAndNothingIsWritten() throws Exception {
    Path src = tree();
    Map<String, String> before = snapshot(src);
    for (String dest : new String[] {"app.int.Loud", "java.lang.Loud"}) {
      MoveTestSupport.Run r = run(src, "move a.T#f to " + dest + "\n");
      assertEquals(2, r.exit(), r.out() + r.err());
      assertTrue(r.err().contains(":1: destination " + dest + ": "), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertFalse(r.err().contains("Exception"), r.err());
    }
    assertEquals(before, snapshot(src));
    assertFalse(Files.exists(src.resolve("java")));
  }

  @Test
  void exit2ForAnAllowOfARuleThatDoesNotExist() throws Exception {
    Path src = tree();
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r = run(src, "move a.T#f to c.F\n", "--allow", "no/such-rule");
    assertEquals(2, r.exit(), r.out() + r.err());
    assertEquals(
        "lockkit move: --allow no/such-rule: not a rule move can allow (one of cycle/module,"
            + " cycle/package, cycle/type, layer/forbidden, move/unparsed-reference)",
        r.err().strip());
    assertEquals(before, snapshot(src));
  }
}
