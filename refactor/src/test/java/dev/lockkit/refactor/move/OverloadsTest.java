package dev.lockkit.refactor.move;

import static dev.lockkit.refactor.move.MoveTestSupport.compile;
import static dev.lockkit.refactor.move.MoveTestSupport.move;
import static dev.lockkit.refactor.move.MoveTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Overloads split by a plan: calls are attributed by arity (found by the commons-lang3 harness).
 */
class OverloadsTest {

  @TempDir Path tmp;

  @Test
  void aMovedOverloadCallingOneThatStaysQualifiesTheCall() throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "a/T.java",
        "package a;\n\npublic final class T {\n  public static int f(int x) { return x; }\n  public static int f(int x, int y) { return f(x) + f(y); }\n  public static int g() { return f(1, 2); }\n}\n");
    Files.writeString(tmp.resolve("p"), "move a.T#f(int, int) to a.U\n");
    MoveTestSupport.Run r =
        move("--plan", tmp.resolve("p").toString(), "--allow", "cycle/type", src.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals(
        "package a;\n\npublic final class T {\n  public static int f(int x) { return x; }\n  public static int g() { return U.f(1, 2); }\n}\n",
        Files.readString(src.resolve("a/T.java")));
    assertEquals(
        "package a;\n\npublic final class U {\n\n  private U() {}\n\n  public static int f(int x, int y) { return T.f(x) + T.f(y); }\n}\n",
        Files.readString(src.resolve("a/U.java")));
    assertEquals("", compile(src, Files.createDirectories(tmp.resolve("classes"))));
  }

  @Test
  void aPrivateOverloadThatStaysIsAnAccessConflictEvenIfTheMovedOneIsPublic() throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "a/T.java",
        "package a;\n\npublic final class T {\n  private static int f(String x) { return x.length(); }\n\n"
            + "  public static int f(String x, String y) { return f(x) + f(y); }\n}\n");
    Files.writeString(tmp.resolve("p"), "move a.T#f(String,String) to b.U\n");
    MoveTestSupport.Run r = move("--plan", tmp.resolve("p").toString(), src.toString());
    assertEquals(1, r.exit(), r.out());
    org.junit.jupiter.api.Assertions.assertTrue(
        r.out()
            .contains(
                "error move/access: a.T#f(String,String) uses a.T#f, which stays behind and is not visible from b.U"),
        r.out());
  }
}
