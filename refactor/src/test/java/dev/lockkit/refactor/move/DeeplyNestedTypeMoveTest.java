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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A type nested two levels deep ({@code A.B.C}) moves out to a package like one nested directly in
 * a top-level type: what it saw through either enclosing type is qualified, every reference
 * follows, and javac's check of the result decides what lockkit's rewrite cannot make work.
 */
class DeeplyNestedTypeMoveTest {

  @TempDir Path tmp;
  private Path src;
  private Path plan;

  private static final String A =
      """
      package p;

      public class A {
        static final int TOP = 1;

        public static class B {
          static final int MID = 2;
          private static int hidden = 3;

          /** See {@link A.B.C}. */
          public static final class C {
            public int sum() {
              return TOP + MID;
            }

            Sibling sibling() {
              return new Sibling();
            }
          }

          static final class Sibling {}

          C make() {
            return new C();
          }
        }
      }
      """;

  @BeforeEach
  void tree() throws Exception {
    src = tmp.resolve("src");
    write(src, "p/A.java", A);
    write(
        src,
        "r/User.java",
        """
        package r;

        import p.A;

        class User {
          A.B.C c = new A.B.C();
          int n = c.sum() + new p.A.B.C().sum();
        }
        """);
    plan = tmp.resolve("move.plan");
  }

  @Test
  void aTypeNestedTwoLevelsDeepBecomesTopLevelAndTheResultCompiles() throws Exception {
    Files.writeString(plan, "move p.A.B.C to p\n");
    MoveTestSupport.Run r =
        move("--plan", plan.toString(), "--allow", "cycle/type", "--verify", src.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("verify: the result compiles\n"), r.out());
    assertEquals(
        """
        package p;

        import p.A.B;

        /** See {@link C}. */
        public final class C {
          public int sum() {
            return A.TOP + B.MID;
          }

          B.Sibling sibling() {
            return new B.Sibling();
          }
        }
        """,
        Files.readString(src.resolve("p/C.java")));
    // User's import of A went with its last use.
    assertEquals(
        """
        package r;

        import p.C;

        class User {
          C c = new C();
          int n = c.sum() + new C().sum();
        }
        """,
        Files.readString(src.resolve("r/User.java")));
    assertTrue(!Files.readString(src.resolve("p/A.java")).contains("class C"));
    assertEquals("", compile(src, Files.createDirectories(tmp.resolve("classes"))));
  }

  @Test
  void whatTheMovedTypeCannotReachAnyMoreIsJavacsRefusalAndNothingIsWritten() throws Exception {
    write(src, "p/A.java", A.replace("return TOP + MID;", "return TOP + MID + hidden;"));
    Files.writeString(plan, "move p.A.B.C to p\n");
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r =
        move("--plan", plan.toString(), "--allow", "cycle/type", src.toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("hidden has private access"), r.out());
    assertEquals(before, snapshot(src));
  }
}
