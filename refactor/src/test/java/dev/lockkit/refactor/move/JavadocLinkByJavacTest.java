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
 * A Javadoc link follows the move only when javac's {@code DocTrees} resolve it to the moved
 * element: a link to an overload that stays is left alone (matched by name, it would have been
 * pointed at the destination, where that overload does not exist).
 */
class JavadocLinkByJavacTest {

  @TempDir Path tmp;

  @Test
  void aLinkToAnOverloadThatStaysIsLeftAndOneToTheMovedOverloadFollows() throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "a/T.java",
        "package a;\n\npublic final class T {\n  public static int f(int x) { return x; }\n\n"
            + "  public static int f(String s) { return s.length(); }\n}\n");
    write(
        src,
        "b/U.java",
        "package b;\n\nimport a.T;\n\n/** Uses {@link T#f(String)} and {@link T#f(int)}. */\n"
            + "public class U {\n  int g() { return T.f(1) + T.f(\"x\"); }\n}\n");
    Files.writeString(tmp.resolve("p"), "move a.T#f(int) to a.V\n");
    MoveTestSupport.Run r =
        move("--plan", tmp.resolve("p").toString(), "--allow", "cycle/type", src.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    String u = Files.readString(src.resolve("b/U.java"));
    assertTrue(u.contains("/** Uses {@link T#f(String)} and {@link V#f(int)}. */"), u);
    assertTrue(u.contains("return V.f(1) + T.f(\"x\");"), u);
    assertEquals("", compile(src, Files.createDirectories(tmp.resolve("classes"))));
  }
}
