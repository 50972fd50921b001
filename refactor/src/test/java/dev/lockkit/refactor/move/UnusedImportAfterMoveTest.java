package dev.lockkit.refactor.move;

import static dev.lockkit.refactor.move.MoveTestSupport.compile;
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
 * A single-type import whose last use in code leaves with the moved member is deleted, unless the
 * file's Javadoc still names the type as a word of its own: a word right after a dot ({@code
 * b.Bar}) is another name's part, and so is one a letter of any script continues ({@code Fooé}).
 */
class UnusedImportAfterMoveTest {

  @TempDir Path tmp;

  @Test
  void anImportTheJavadocStillNamesStaysAndTheOthersGo() throws Exception {
    Path src = tmp.resolve("src");
    write(src, "b/Foo.java", "package b;\n\npublic class Foo {}\n");
    write(src, "b/Bar.java", "package b;\n\npublic class Bar {}\n");
    write(src, "b/Baz.java", "package b;\n\npublic class Baz {}\n");
    write(
        src,
        "a/T.java",
        "package a;\n\nimport b.Bar;\nimport b.Baz;\nimport b.Foo;\n\n"
            + "/** Works with {@link Foo}; see also b.Bar and Bazé, and Baz_x. */\n"
            + "public final class T {\n"
            + "  public static String f(Foo x, Bar y, Baz z) { return \"\" + x + y + z; }\n"
            + "  public static int g() { return 1; }\n}\n");
    Files.writeString(tmp.resolve("p"), "move a.T#f to a.V\n");
    MoveTestSupport.Run r =
        move("--plan", tmp.resolve("p").toString(), "--allow", "cycle/type", src.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    String t = Files.readString(src.resolve("a/T.java"));
    assertTrue(t.contains("import b.Foo;"), t);
    assertFalse(t.contains("import b.Bar;"), t);
    assertFalse(t.contains("import b.Baz;"), t);
    assertEquals("", compile(src, Files.createDirectories(tmp.resolve("classes"))));
  }
}
