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
 * {@code --verify} builds the result's variants against {@code --classpath}: sources that depend on
 * a library verify only when it is given (lockcore-before, which depends on lockcore, needs it).
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
    assertTrue(ok.out().contains("verify: 1/1 variant(s) compile"), ok.out());

    Path without = tmp.resolve("without");
    write(
        without,
        "a/T.java",
        "package a;\n\npublic final class T {\n  public static int f() { return lib.Base.one(); }\n}\n");
    MoveTestSupport.Run bad = move("--plan", plan.toString(), "--verify", without.toString());
    assertEquals(1, bad.exit(), bad.out() + bad.err());
    assertTrue(bad.out().contains("does not compile"), bad.out());
  }
}
