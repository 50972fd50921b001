package dev.lockkit.refactor.move;

import static dev.lockkit.refactor.move.MoveTestSupport.compile;
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
 * A static member reached through an instance expression ({@code obj.LIMIT}, {@code this.twice(1)},
 * {@code h.c.LIMIT}) follows the move: the expression, which Java evaluates and discards, is
 * replaced by the destination type when reading it has no effect; when it may have one ({@code
 * make().LIMIT}) the move is a conflict instead of silently dropping the call.
 */
class InstanceQualifierTest {

  @TempDir Path tmp;

  private Path tree(String user) {
    Path src = tmp.resolve("src");
    write(
        src,
        "a/Config.java",
        """
        package a;

        public class Config {
          public static final int LIMIT = 4;

          public static int twice(int x) {
            return 2 * x;
          }

          int self() {
            return this.twice(LIMIT);
          }
        }
        """);
    write(src, "b/User.java", user);
    return src;
  }

  private Path plan(String text) throws Exception {
    Path p = tmp.resolve("move.plan");
    Files.writeString(p, text);
    return p;
  }

  @Test
  void variableFieldAndThisQualifiersAreRewrittenToTheDestinationAndItCompiles() throws Exception {
    Path src =
        tree(
            """
            package b;

            import a.Config;

            public class User {
              static class Holder {
                Config c = new Config();
              }

              private final Config field = new Config();

              int use(Config param, Holder h) {
                Config local = param;
                return local.LIMIT + field.twice(1) + param.twice(2) + h.c.LIMIT + (local).LIMIT;
              }
            }
            """);
    Path plan = plan("move a.Config#LIMIT to a.Limits\nmove a.Config#twice(int) to a.Limits\n");
    MoveTestSupport.Run r = move("--plan", plan.toString(), src.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    String user = Files.readString(src.resolve("b/User.java"));
    assertTrue(
        user.contains(
                "return Limits.LIMIT + Limits.twice(1) + Limits.twice(2) + Limits.LIMIT +"
                    + " (Limits).LIMIT;")
            || user.contains(
                "return Limits.LIMIT + Limits.twice(1) + Limits.twice(2) + Limits.LIMIT +"
                    + " Limits.LIMIT;"),
        user);
    assertTrue(user.contains("import a.Limits;"), user);
    assertTrue(
        Files.readString(src.resolve("a/Config.java"))
            .contains("return Limits.twice(Limits.LIMIT);"),
        Files.readString(src.resolve("a/Config.java")));
    assertEquals("", compile(src, Files.createDirectories(tmp.resolve("classes"))));
  }

  @Test
  void aQualifierThatMayHaveSideEffectsIsAConflictAndNothingIsWritten() throws Exception {
    Path src =
        tree(
            """
            package b;

            import a.Config;

            public class User {
              static Config make() {
                System.out.println("made");
                return new Config();
              }

              int use() {
                return make().LIMIT;
              }
            }
            """);
    Map<String, String> before = snapshot(src);
    Path plan = plan("move a.Config#LIMIT to a.Limits\n");
    MoveTestSupport.Run r = move("--plan", plan.toString(), src.toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(
        r.out().contains("error move/instance-qualifier")
            && r.out().contains("b/User.java:12")
            && r.out().contains("(make())"),
        r.out());
    assertEquals(before, snapshot(src));
  }
}
