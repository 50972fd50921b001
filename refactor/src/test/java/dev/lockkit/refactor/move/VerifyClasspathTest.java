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
 * {@code --verify} compiles the result against {@code --classpath}; errors the tree had before the
 * move (here: a library missing from the class path) are not the move's.
 */
class VerifyClasspathTest {

  @TempDir Path tmp;

  @Test
  void verifyCompilesAgainstTheGivenClasspathAndFailsWithoutIt() throws Exception {
    Path lib = tmp.resolve("lib");
    write(
        lib,
        "lib/Base.java",
        "package lib;\n\npublic class Base {\n  public static int one() { return 1; }\n}\n");
    Path classes = Files.createDirectories(tmp.resolve("lib-classes"));
    assertEquals("", compile(lib, classes));
    Path plan = tmp.resolve("p");
    Files.writeString(plan, "move a.T#f() to a.U\n");

    Path withCp = tmp.resolve("with");
    write(
        withCp,
        "a/T.java",
        "package a;\n\npublic final class T {\n  public static int f() { return lib.Base.one(); }\n}\n");
    MoveTestSupport.Run ok =
        move(
            "--plan",
            plan.toString(),
            "--verify",
            "--classpath",
            classes.toString(),
            withCp.toString());
    assertEquals(0, ok.exit(), ok.out() + ok.err());
    assertTrue(ok.out().contains("verify: the result compiles\n"), ok.out());

    Path without = tmp.resolve("without");
    write(
        without,
        "a/T.java",
        "package a;\n\npublic final class T {\n  public static int f() { return 1; }\n\n"
            + "  static int g() { return lib.Base.one(); }\n}\n");
    // Without the class path the tree did not compile before the move either: the same error after
    // it is not the move's, so verify passes and says so. (The error is in code that stays: a name
    // javac cannot resolve in the moved code itself is move/unresolved, MemberScopeByJavacTest.)
    MoveTestSupport.Run same = move("--plan", plan.toString(), "--verify", without.toString());
    assertEquals(0, same.exit(), same.out() + same.err());
    assertTrue(
        same.out().contains("1 error(s) that were there before the move, not counted"), same.out());
  }
}
