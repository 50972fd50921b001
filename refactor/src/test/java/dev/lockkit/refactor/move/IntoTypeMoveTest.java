package dev.lockkit.refactor.move;

import static dev.lockkit.refactor.move.MoveTestSupport.compile;
import static dev.lockkit.refactor.move.MoveTestSupport.move;
import static dev.lockkit.refactor.move.MoveTestSupport.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moving a top-level type into another type: it becomes a static member type there. */
class IntoTypeMoveTest {

  @TempDir Path tmp;
  private Path src;
  private Path plan;

  private static final String HOST =
      """
      package q;

      /** Receives a helper. */
      public class Host {
        static int size = 2;

        int twice(int x) {
          return 2 * x;
        }
      }
      """;

  @BeforeEach
  void tree() throws Exception {
    src = tmp.resolve("src");
    write("q/Host.java", HOST);
    write(
        "p/Helper.java",
        """
        package p;

        import java.util.List;

        /** Helps; see {@link p.Helper#ids}. */
        @Deprecated
        public final class Helper {
          // a comment that stays with it
          public static final int LIMIT = 3;

          public static List<Integer> ids() {
            return List.of(LIMIT, Tool.ONE);
          }
        }
        """);
    write(
        "p/Tool.java",
        """
        package p;

        public class Tool {
          public static final int ONE = 1;
        }
        """);
    write(
        "p/SamePackageUser.java",
        """
        package p;

        class SamePackageUser {
          int n = Helper.LIMIT;
        }
        """);
    write(
        "r/User.java",
        """
        package r;

        import p.Helper;

        /** Uses {@link Helper}. */
        class User {
          int n = Helper.ids().size() + p.Helper.LIMIT;
        }
        """);
    write(
        "r/StaticUser.java",
        """
        package r;

        import static p.Helper.LIMIT;
        import static p.Helper.ids;

        class StaticUser {
          int n = LIMIT + ids().size();
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

  private MoveTestSupport.Run run(String planText) throws Exception {
    Files.writeString(plan, planText);
    return move("--plan", plan.toString(), src.toString());
  }

  /** Helper uses p.Tool and p uses Helper: in Host, p and q depend on each other (see below). */
  private MoveTestSupport.Run runAllowingTheCycle() throws Exception {
    Files.writeString(plan, "move p.Helper to q.Host\n");
    return move("--plan", plan.toString(), "--allow", "cycle/package", src.toString());
  }

  @Test
  void theWhatIfGraphCountsTheMovedTypesEdgesAsTheHostsAndFindsTheNewPackageCycle()
      throws Exception {
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r = run("move p.Helper to q.Host\n");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("cycle/package"), r.out());
    assertTrue(r.out().contains("p -> q -> p"), r.out());
    assertEquals(before, snapshot(src));
  }

  @Test
  void aTypeBecomesAStaticMemberOfTheHostAndEveryReferenceFollowsAndItCompiles() throws Exception {
    String untouched = Files.readString(src.resolve("s/Untouched.java"));
    MoveTestSupport.Run r = runAllowingTheCycle();
    assertEquals(0, r.exit(), r.out() + r.err());
    assertFalse(Files.exists(src.resolve("p/Helper.java")), "the old file is deleted");
    // Kept: Javadoc, annotation, comment; gained: static; imports merged; own link simplified.
    assertEquals(
        """
        package q;

        import java.util.List;
        import p.Tool;

        /** Receives a helper. */
        public class Host {
          static int size = 2;

          int twice(int x) {
            return 2 * x;
          }

          /** Helps; see {@link Helper#ids}. */
          @Deprecated
          public static final class Helper {
            // a comment that stays with it
            public static final int LIMIT = 3;

            public static List<Integer> ids() {
              return List.of(LIMIT, Tool.ONE);
            }
          }
        }
        """,
        Files.readString(src.resolve("q/Host.java")));
    // The user keeps its simple names; only the import and the qualified name change.
    assertEquals(
        """
        package r;

        import q.Host.Helper;

        /** Uses {@link Helper}. */
        class User {
          int n = Helper.ids().size() + q.Host.Helper.LIMIT;
        }
        """,
        Files.readString(src.resolve("r/User.java")));
    assertEquals(
        """
        package p;

        import q.Host.Helper;

        class SamePackageUser {
          int n = Helper.LIMIT;
        }
        """,
        Files.readString(src.resolve("p/SamePackageUser.java")));
    assertEquals(untouched, Files.readString(src.resolve("s/Untouched.java")));
    assertEquals("", compile(src, tmp.resolve("out")));
  }

  @Test
  void staticImportsOfItsMembersNameTheNewNestedType() throws Exception {
    MoveTestSupport.Run r = runAllowingTheCycle();
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals(
        """
        package r;

        import static q.Host.Helper.LIMIT;
        import static q.Host.Helper.ids;

        class StaticUser {
          int n = LIMIT + ids().size();
        }
        """,
        Files.readString(src.resolve("r/StaticUser.java")));
    assertEquals("", compile(src, tmp.resolve("out")));
  }

  @Test
  void aHostMemberTypeOfTheSameNameIsANameClashAndNothingIsWritten() throws Exception {
    write(
        "q/Host.java",
        HOST.replace(
            "  static int size = 2;", "  static int size = 2;\n\n  static class Helper {}"));
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r = run("move p.Helper to q.Host\n");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("move/name-clash"), r.out());
    assertTrue(r.out().contains("already has a member type named Helper"), r.out());
    assertEquals(before, snapshot(src));
  }

  @Test
  void aNameTheMovedCodeUsesThatTheHostShadowsIsANameClash() throws Exception {
    // Inside Host, Tool would mean Host.Tool, not p.Tool.
    write("q/Host.java", HOST.replace("  static int size = 2;", "  static class Tool {}"));
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r = run("move p.Helper to q.Host\n");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("move/name-clash"), r.out());
    assertTrue(r.out().contains("inside q.Host Tool means q.Host.Tool"), r.out());
    assertEquals(before, snapshot(src));
  }

  @Test
  void usingAPackagePrivateTypeOfItsOldPackageIsAnAccessConflict() throws Exception {
    write(
        "p/Tool.java",
        """
        package p;

        class Tool {
          static final int ONE = 1;
        }
        """);
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r = run("move p.Helper to q.Host\n");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("move/access"), r.out());
    assertTrue(r.out().contains("p.Tool is not public in p"), r.out());
    assertEquals(before, snapshot(src));
  }

  @Test
  void aHostThatIsNotPublicCannotServeUsersInOtherPackages() throws Exception {
    write("q/Host.java", HOST.replace("public class Host", "class Host"));
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r = run("move p.Helper to q.Host\n");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("move/access"), r.out());
    assertTrue(r.out().contains("is defined in an inaccessible class or interface"), r.out());
    assertEquals(before, snapshot(src));
  }

  @Test
  void aHostUnderAConditionTheTypeDidNotHaveIsAGatingConflict() throws Exception {
    write(
        "lk/IfConfig.java",
        """
        package lk;

        public @interface IfConfig {
          String value();
        }
        """);
    write(
        "q/Host.java",
        HOST.replace("import", "import")
            .replace("package q;\n", "package q;\n\nimport lk.IfConfig;\n")
            .replace("public class Host", "@IfConfig(\"NUMA\")\npublic class Host"));
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r = run("move p.Helper to q.Host\n");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("gate/unguarded-reference"), r.out());
    assertTrue(r.out().contains("q.Host only where NUMA"), r.out());
    assertEquals(before, snapshot(src));
  }

  @Test
  void aMoveIntoATypeRunsAlongsideOtherLinesThatLeaveItsFileAlone() throws Exception {
    write(
        "t/Util.java",
        "package t;\n\npublic final class Util {\n  public static int f() {\n    return 1;\n  }\n}\n");
    write("t/Other.java", "package t;\n\npublic final class Other {}\n");
    write(
        "t/Caller.java", "package t;\n\nclass Caller {\n  int n = Util.f() + p.Helper.LIMIT;\n}\n");
    Files.writeString(plan, "move p.Helper to q.Host\nmove t.Util#f to t.Other\n");
    // Helper uses p.Tool and p uses Helper: the p <-> q cycle of runAllowingTheCycle.
    MoveTestSupport.Run r =
        move("--plan", plan.toString(), "--allow", "cycle/package", "--verify", src.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("verify: the result compiles\n"), r.out());
    assertTrue(Files.notExists(src.resolve("p/Helper.java")));
    assertTrue(Files.readString(src.resolve("q/Host.java")).contains("static final class Helper"));
    assertTrue(Files.readString(src.resolve("t/Other.java")).contains("public static int f()"));
    assertEquals(
        "package t;\n\nclass Caller {\n  int n = Other.f() + q.Host.Helper.LIMIT;\n}\n",
        Files.readString(src.resolve("t/Caller.java")));
    assertEquals("", compile(src, Files.createDirectories(tmp.resolve("classes"))));
  }

  @Test
  void anotherLineEditingTheFileAMoveIntoATypeDeletesRefusesThePlan() throws Exception {
    Map<String, String> before = snapshot(src);
    // Helper uses Tool.ONE: moving Tool rewrites that reference in Helper.java, which the move
    // into Host deletes; the edit would be lost.
    MoveTestSupport.Run r = run("move p.Helper to q.Host\nmove p.Tool to s\n");
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("move.plan:1"), r.err());
    assertTrue(
        r.err().contains("which another line of the plan also edits; split the plan"), r.err());
    assertEquals(before, snapshot(src));
    // The host moved by another line: its file is recreated elsewhere, the insertion would be lost.
    MoveTestSupport.Run host = run("move p.Helper to q.Host\nmove q.Host to s\n");
    assertEquals(2, host.exit(), host.out() + host.err());
    assertTrue(
        host.err().contains("p.Helper moves into q.Host, which " + plan + ":2 moves too"),
        host.err());
    assertEquals(before, snapshot(src));
  }

  @Test
  void anInterfaceGainsNoStaticAndTheHostDropsItsImportAndUsesTheSimpleName() throws Exception {
    write(
        "q/Shape.java",
        """
        package q;

        /** Has sides. */
        interface Shape {
          int sides();
        }
        """);
    write(
        "q/Box.java",
        """
        package q;

        class Box {
          Shape s = () -> 4;

          int n() {
            return s.sides() + q.Shape.class.getName().length();
          }
        }
        """);
    write(
        "q/Use.java",
        """
        package q;

        class Use {
          Shape s;
        }
        """);
    MoveTestSupport.Run r = run("move q.Shape to q.Box\n");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals(
        """
        package q;

        class Box {
          Shape s = () -> 4;

          int n() {
            return s.sides() + Shape.class.getName().length();
          }

          /** Has sides. */
          interface Shape {
            int sides();
          }
        }
        """,
        Files.readString(src.resolve("q/Box.java")));
    assertEquals(
        """
        package q;

        import q.Box.Shape;

        class Use {
          Shape s;
        }
        """,
        Files.readString(src.resolve("q/Use.java")));
    assertEquals("", compile(src, tmp.resolve("out")));
  }

  @Test
  void theHostDropsItsImportOfTheMovedTypeAndStillCompiles() throws Exception {
    write(
        "q/Host.java",
        """
        package q;

        import p.Helper;

        public class Host {
          int limit() {
            return Helper.LIMIT + p.Helper.LIMIT;
          }
        }
        """);
    MoveTestSupport.Run r = runAllowingTheCycle();
    assertEquals(0, r.exit(), r.out() + r.err());
    String host = Files.readString(src.resolve("q/Host.java"));
    assertTrue(
        host.startsWith(
            """
            package q;

            import java.util.List;
            import p.Tool;

            public class Host {
              int limit() {
                return Helper.LIMIT + Helper.LIMIT;
              }

              /** Helps; see {@link Helper#ids}. */
            """),
        host);
    assertEquals("", compile(src, tmp.resolve("out")));
  }

  @Test
  void aHostMethodShadowingAStaticallyImportedOneIsANameClash() throws Exception {
    write(
        "p/Helper.java",
        """
        package p;

        import static java.lang.Math.max;

        public class Helper {
          static int big(int a) {
            return max(a, 7);
          }
        }
        """);
    write("q/Host.java", HOST.replace("int twice(int x)", "int max(int x)"));
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r = run("move p.Helper to q.Host\n");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("move/name-clash"), r.out());
    assertTrue(r.out().contains("inside q.Host max means q.Host's own method"), r.out());
    assertEquals(before, snapshot(src));
  }

  @Test
  void aLibraryStaticImportTheMovedCodeUsesIsCopiedToTheHost() throws Exception {
    Path helper = src.resolve("p/Helper.java");
    Files.writeString(
        helper,
        Files.readString(helper)
            .replace(
                "import java.util.List;",
                "import static java.lang.Math.max;\n\nimport java.util.List;")
            .replace("List.of(LIMIT, Tool.ONE)", "List.of(max(LIMIT, 0), Tool.ONE)"));
    MoveTestSupport.Run r = runAllowingTheCycle();
    assertEquals(0, r.exit(), r.out() + r.err());
    String host = Files.readString(src.resolve("q/Host.java"));
    assertTrue(
        host.startsWith(
            """
            package q;

            import static java.lang.Math.max;

            import java.util.List;
            import p.Tool;
            """),
        host);
    assertTrue(host.contains("      return List.of(max(LIMIT, 0), Tool.ONE);\n"), host);
    assertEquals("", compile(src, tmp.resolve("out")));
  }
}
