package dev.lockkit.refactor.move;

import static dev.lockkit.refactor.move.MoveTestSupport.compile;
import static dev.lockkit.refactor.move.MoveTestSupport.move;
import static dev.lockkit.refactor.move.MoveTestSupport.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moving a static nested type out of its enclosing type: it becomes top-level in a package. */
class NestedTypeMoveTest {

  @TempDir Path tmp;
  private Path src;
  private Path plan;

  private static final String OUTER =
      """
      package p;

      import java.util.List;

      /** Holds things. */
      public class Outer {
        public static final int LIMIT = 3;
        private static int secret = 1;

        /** A pair of numbers, see {@link Outer.Pair}. */
        public static final class Pair {
          public final int a;

          public Pair(int a) {
            this.a = Math.min(a, LIMIT);
          }

          public List<Integer> both() {
            return List.of(a, a);
          }
        }

        Pair make() {
          return new Pair(2);
        }

        class Captures {
          int get() {
            return secret;
          }
        }
      }
      """;

  @BeforeEach
  void tree() throws Exception {
    src = tmp.resolve("src");
    write("p/Outer.java", OUTER);
    write(
        "p/User.java",
        """
        package p;

        /** Uses {@link Outer.Pair}. */
        class User {
          Outer.Pair pair = new Outer.Pair(1);
          int n = p.Outer.Pair.class.getName().length();
        }
        """);
    write(
        "r/Other.java",
        """
        package r;

        import p.Outer.Pair;

        class Other {
          Pair x = new Pair(4);
        }
        """);
    write(
        "s/Untouched.java",
        """
        package s;

        class Untouched   {   int odd ;  }
        """);
    plan = tmp.resolve("move.plan");
  }

  private void write(String rel, String text) throws Exception {
    Path f = src.resolve(rel);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
  }

  @Test
  void aStaticNestedTypeBecomesTopLevelAndEveryReferenceFollowsAndItCompiles() throws Exception {
    Files.writeString(plan, "move p.Outer.Pair to q\n");
    String untouched = Files.readString(src.resolve("s/Untouched.java"));
    // Pair uses Outer.LIMIT and Outer uses Pair: p and q form a cycle, allowed here (see below).
    MoveTestSupport.Run r =
        move(
            "--plan",
            plan.toString(),
            "--allow",
            "cycle/package",
            "--allow",
            "cycle/type",
            src.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals(
        """
        package q;

        import java.util.List;
        import p.Outer;

        /** A pair of numbers, see {@link Pair}. */
        public final class Pair {
          public final int a;

          public Pair(int a) {
            this.a = Math.min(a, Outer.LIMIT);
          }

          public List<Integer> both() {
            return List.of(a, a);
          }
        }
        """,
        Files.readString(src.resolve("q/Pair.java")));
    // List was used only by Pair: its import left with it; the rest is byte-identical.
    assertEquals(
        OUTER
            .replace("import java.util.List;", "import q.Pair;")
            .replace(
                OUTER.substring(OUTER.indexOf("  /** A pair"), OUTER.indexOf("  Pair make")), ""),
        Files.readString(src.resolve("p/Outer.java")));
    assertEquals(
        """
        package p;

        import q.Pair;

        /** Uses {@link Pair}. */
        class User {
          Pair pair = new Pair(1);
          int n = Pair.class.getName().length();
        }
        """,
        Files.readString(src.resolve("p/User.java")));
    assertTrue(
        Files.readString(src.resolve("r/Other.java")).contains("import q.Pair;\n\nclass Other"));
    assertEquals(untouched, Files.readString(src.resolve("s/Untouched.java")));
    assertEquals("", compile(src, Files.createDirectories(tmp.resolve("classes"))));
  }

  @Test
  void theCycleThroughTheOldEnclosingTypeBlocksTheMove() throws Exception {
    // Inside Outer these uses were no dependency; split apart they are q -> p and p -> q.
    Files.writeString(plan, "move p.Outer.Pair to q\n");
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r = move("--plan", plan.toString(), src.toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("error cycle/package: 2 packages in a dependency cycle"), r.out());
    assertTrue(r.out().contains("p.Outer -> q.Pair -> p.Outer"), r.out());
    assertEquals(before, snapshot(src));
  }

  @Test
  void theWhatIfGraphSeesTheNewTopLevelTypeAndALayerBreakBlocksTheMove() throws Exception {
    // Before the move Pair's use of Outer.LIMIT is inside p.Outer; after it, q depends on p.
    Path rules = tmp.resolve("rules");
    Files.writeString(rules, "version 1\nlayer low q\nlayer high p\norder low high\n");
    Files.writeString(plan, "move p.Outer.Pair to q\n");
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r =
        move(
            "--plan",
            plan.toString(),
            "--rules",
            rules.toString(),
            "--allow",
            "cycle/package",
            "--allow",
            "cycle/type",
            src.toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("error layer/forbidden: package q depends on p"), r.out());
    assertEquals(before, snapshot(src));
  }

  @Test
  void staticImportsOfTheTypeAndOfItsMembersFollowTheNewName() throws Exception {
    write(
        "p/Outer.java",
        OUTER
            .replace("Math.min(a, LIMIT)", "a")
            .replace(
                "public final int a;",
                "public final int a;\n    public static final int ZERO = 0;"));
    write(
        "r/Statics.java",
        """
        package r;

        import static p.Outer.Pair;
        import static p.Outer.Pair.ZERO;

        class Statics {
          Pair p = new Pair(ZERO);
        }
        """);
    Files.writeString(plan, "move p.Outer.Pair to q\n");
    MoveTestSupport.Run r = move("--plan", plan.toString(), src.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals(
        """
        package r;

        import q.Pair;
        import static q.Pair.ZERO;

        class Statics {
          Pair p = new Pair(ZERO);
        }
        """,
        Files.readString(src.resolve("r/Statics.java")));
    assertEquals("", compile(src, Files.createDirectories(tmp.resolve("classes"))));
  }

  @Test
  void onDemandImportsOfTheTypesMembersFollowTheNewName() throws Exception {
    // jsoup's HtmlTreeBuilderState: `import static ...HtmlTreeBuilderState.Constants.*;` in the
    // enclosing type's own file, and a plain on-demand import of the type's member types.
    write(
        "p/Outer.java",
        OUTER
            .replace("Math.min(a, LIMIT)", "a")
            .replace(
                "public final int a;",
                "public final int a;\n    public static final int ZERO = 0;\n"
                    + "    public static final class Part {}"));
    write(
        "r/Statics.java",
        """
        package r;

        import static p.Outer.Pair.*;
        import p.Outer.Pair.*;

        class Statics {
          int z = ZERO;
          Part part = new Part();
        }
        """);
    Files.writeString(plan, "move p.Outer.Pair to q\n");
    MoveTestSupport.Run r = move("--plan", plan.toString(), src.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals(
        """
        package r;

        import static q.Pair.*;
        import q.Pair.*;

        class Statics {
          int z = ZERO;
          Part part = new Part();
        }
        """,
        Files.readString(src.resolve("r/Statics.java")));
    assertEquals("", compile(src, Files.createDirectories(tmp.resolve("classes"))));
  }

  @Test
  void aPackagePrivateMemberTheOldPackageUsesIsAnAccessConflict() throws Exception {
    write("p/Outer.java", OUTER.replace("public Pair(int a)", "Pair(int a)"));
    Files.writeString(plan, "move p.Outer.Pair to q\n");
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r =
        move(
            "--plan",
            plan.toString(),
            "--allow",
            "cycle/package",
            "--allow",
            "cycle/type",
            src.toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    // javac at the new location: the old package's users and the enclosing type's own `new
    // Pair(2)`.
    assertTrue(r.out().contains("p/User.java:7: error move/access"), r.out());
    assertTrue(r.out().contains("p/Outer.java:11: error move/access"), r.out());
    assertTrue(r.out().contains("Pair(int) is not public in q.Pair"), r.out());
    assertEquals(before, snapshot(src));
  }

  @Test
  void aTypeNestedInAGatedTypeWouldLoseItsConditionAndIsAGatingConflict() throws Exception {
    write(
        "p/Outer.java",
        OUTER.replace("public class Outer {", "@IfConfig(\"LOCKS\")\npublic class Outer {"));
    write("p/IfConfig.java", "package p;\n\n@interface IfConfig {\n  String value();\n}\n");
    Files.writeString(plan, "move p.Outer.Pair to p\n");
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r = move("--plan", plan.toString(), src.toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("error gate/unguarded-reference"), r.out());
    assertTrue(r.out().contains("exists only under p.Outer's @IfConfig"), r.out());
    assertEquals(before, snapshot(src));
  }

  @Test
  void anInnerClassIsRefusedBecauseItCapturesTheOuterInstance() throws Exception {
    Files.writeString(plan, "move p.Outer.Captures to q\n");
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r = move("--plan", plan.toString(), src.toString());
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(
        r.err()
            .contains(
                plan
                    + ":1: p.Outer.Captures is an inner (non-static) class: it captures the"
                    + " enclosing Outer instance"),
        r.err());
    assertEquals(before, snapshot(src));
  }

  @Test
  void usingAPrivateMemberOfTheEnclosingTypeIsAnAccessConflict() throws Exception {
    write("p/Outer.java", OUTER.replace("Math.min(a, LIMIT)", "Math.min(a, secret)"));
    Files.writeString(plan, "move p.Outer.Pair to p\n");
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r = move("--plan", plan.toString(), src.toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("error move/access"), r.out());
    assertTrue(r.out().contains("secret has private access in p.Outer"), r.out());
    assertEquals(before, snapshot(src));
  }

  @Test
  void aNestedTypeMovesIntoAnotherTypeInOneLine() throws Exception {
    // Pair uses Outer.LIMIT and Outer uses Pair: Outer and User use each other afterwards.
    Files.writeString(plan, "move p.Outer.Pair to p.User\n");
    Files.delete(src.resolve("r/Other.java")); // User is not public: r could not use User.Pair
    MoveTestSupport.Run r =
        move("--plan", plan.toString(), "--allow", "cycle/type", src.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    String user = Files.readString(src.resolve("p/User.java"));
    assertTrue(user.contains("  Pair pair = new Pair(1);"), user);
    assertTrue(user.contains("  public static final class Pair {"), user);
    assertTrue(user.contains("this.a = Math.min(a, Outer.LIMIT);"), user);
    assertEquals("", compile(src, tmp.resolve("out")));
  }
}
