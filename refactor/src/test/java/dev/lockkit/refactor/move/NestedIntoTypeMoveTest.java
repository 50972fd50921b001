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

/**
 * Moving a nested type (here two levels deep) directly into another top-level type, in one plan
 * line: it becomes a static member type of the host.
 */
class NestedIntoTypeMoveTest {

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

        public static int twice(int x) {
          return 2 * x;
        }

        /** The middle level. */
        public static class Mid {
          public static final String NAME = "mid";

          /** A pair, see {@link Outer.Mid.Pair}. */
          public static final class Pair {
            public final int a;

            public Pair(int a) {
              this.a = Math.min(twice(a), LIMIT);
            }

            public List<String> names() {
              return List.of(NAME, Tag.A.name());
            }
          }

          public enum Tag {
            A
          }

          Pair first() {
            return new Pair(1);
          }
        }

        Mid.Pair make() {
          return new Mid.Pair(2);
        }
      }
      """;

  private static final String HOST =
      """
      package q;

      /** Receives a pair. */
      public class Host {
        static int size = 2;
      }
      """;

  @BeforeEach
  void tree() throws Exception {
    src = tmp.resolve("src");
    write("p/Outer.java", OUTER);
    write("q/Host.java", HOST);
    write(
        "p/User.java",
        """
        package p;

        class User {
          Outer.Mid.Pair pair = new Outer.Mid.Pair(1);
        }
        """);
    write(
        "r/Other.java",
        """
        package r;

        import p.Outer.Mid.Pair;

        class Other {
          Pair x = new Pair(4);
        }
        """);
    plan = tmp.resolve("move.plan");
  }

  private void write(String rel, String text) throws Exception {
    Path f = src.resolve(rel);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
  }

  /** Pair uses Outer and Outer uses Pair: the two packages (or types) use each other after it. */
  private MoveTestSupport.Run runAllowingCycles(String line) throws Exception {
    Files.writeString(plan, line + "\n");
    return move(
        "--plan",
        plan.toString(),
        "--allow",
        "cycle/package",
        "--allow",
        "cycle/type",
        src.toString());
  }

  @Test
  void aTypeNestedTwoLevelsDeepMovesIntoAnotherPackagesTypeAndItCompiles() throws Exception {
    MoveTestSupport.Run r = runAllowingCycles("move p.Outer.Mid.Pair to q.Host");
    assertEquals(0, r.exit(), r.out() + r.err());
    // What it saw through Outer and Mid by scope is qualified; the host imports those names.
    assertEquals(
        """
        package q;

        import java.util.List;
        import p.Outer;
        import p.Outer.Mid;

        /** Receives a pair. */
        public class Host {
          static int size = 2;

          /** A pair, see {@link Pair}. */
          public static final class Pair {
            public final int a;

            public Pair(int a) {
              this.a = Math.min(Outer.twice(a), Outer.LIMIT);
            }

            public List<String> names() {
              return List.of(Mid.NAME, Mid.Tag.A.name());
            }
          }
        }
        """,
        Files.readString(src.resolve("q/Host.java")));
    // The old enclosing types keep their simple-name uses through an import of the new name.
    String outer = Files.readString(src.resolve("p/Outer.java"));
    assertTrue(outer.contains("import q.Host.Pair;"), outer);
    assertTrue(outer.contains("    Pair first() {"), outer);
    assertTrue(outer.contains("  q.Host.Pair make() {\n    return new q.Host.Pair(2);"), outer);
    assertTrue(!outer.contains("class Pair"), outer);
    assertEquals(
        """
        package p;

        class User {
          q.Host.Pair pair = new q.Host.Pair(1);
        }
        """,
        Files.readString(src.resolve("p/User.java")));
    assertEquals(
        """
        package r;

        import q.Host.Pair;

        class Other {
          Pair x = new Pair(4);
        }
        """,
        Files.readString(src.resolve("r/Other.java")));
    assertEquals("", compile(src, tmp.resolve("out")));
  }

  @Test
  void aNestedTypeMovesIntoATypeOfItsOwnPackageNamedByTheHostsSimpleName() throws Exception {
    write("p/Sibling.java", "package p;\n\npublic final class Sibling {}\n");
    MoveTestSupport.Run r = runAllowingCycles("move p.Outer.Mid.Pair to p.Sibling");
    assertEquals(0, r.exit(), r.out() + r.err());
    String sibling = Files.readString(src.resolve("p/Sibling.java"));
    assertTrue(sibling.contains("import java.util.List;"), sibling);
    assertTrue(sibling.contains("import p.Outer.Mid;"), sibling);
    assertTrue(sibling.contains("  public static final class Pair {"), sibling);
    assertTrue(sibling.contains("Math.min(Outer.twice(a), Outer.LIMIT)"), sibling);
    assertEquals(
        """
        package p;

        class User {
          Sibling.Pair pair = new Sibling.Pair(1);
        }
        """,
        Files.readString(src.resolve("p/User.java")));
    String outer = Files.readString(src.resolve("p/Outer.java"));
    assertTrue(outer.contains("  Sibling.Pair make() {\n    return new Sibling.Pair(2);"), outer);
    assertEquals("", compile(src, tmp.resolve("out")));
  }

  @Test
  void aPrivateNestedTypeItsOldEnclosingTypeUsesLosesPrivateAndCompiles() throws Exception {
    write("p/Sibling.java", "package p;\n\nfinal class Sibling {}\n");
    write(
        "p/Outer.java",
        """
        package p;

        class Outer {
          private static final class Secret {
            int n = 1;
          }

          int n() {
            return new Secret().n;
          }
        }
        """);
    Files.delete(src.resolve("p/User.java"));
    Files.delete(src.resolve("r/Other.java"));
    MoveTestSupport.Run r = runAllowingCycles("move p.Outer.Secret to p.Sibling");
    assertEquals(0, r.exit(), r.out() + r.err());
    String sibling = Files.readString(src.resolve("p/Sibling.java"));
    assertTrue(sibling.contains("\n  static final class Secret {\n    int n = 1;\n  }\n"), sibling);
    assertEquals("", compile(src, tmp.resolve("out")));
  }

  @Test
  void aProtectedConstructorTheOldEnclosingTypeCallsRefusesTheMoveAndNothingIsWritten()
      throws Exception {
    write(
        "p/Outer.java",
        OUTER.replace("      public Pair(int a) {", "      protected Pair(int a) {"));
    Files.delete(src.resolve("r/Other.java")); // it could not call the constructor before either
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r = runAllowingCycles("move p.Outer.Mid.Pair to q.Host");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("move/access"), r.out());
    assertTrue(r.out().contains("has protected access in q.Host.Pair"), r.out());
    assertEquals(before, snapshot(src));
  }

  @Test
  void anEnclosingLevelsConditionTheHostDoesNotImplyIsAGatingConflict() throws Exception {
    write("p/IfConfig.java", "package p;\n\npublic @interface IfConfig {\n  String value();\n}\n");
    write(
        "p/Outer.java",
        OUTER.replace(
            "  public static class Mid {", "  @IfConfig(\"LOCKS\")\n  public static class Mid {"));
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r = runAllowingCycles("move p.Outer.Mid.Pair to q.Host");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("gate/unguarded-reference"), r.out());
    assertTrue(r.out().contains("it would lose LOCKS"), r.out());
    assertEquals(before, snapshot(src));
  }

  @Test
  void aNestedTypeCannotMoveIntoATypeOfItsOwnTopLevelType() throws Exception {
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r = runAllowingCycles("move p.Outer.Mid.Pair to p.Outer");
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("move.plan:1"), r.err());
    assertTrue(r.err().contains("in the same top-level type"), r.err());
    assertEquals(before, snapshot(src));
  }

  @Test
  void anInnerClassCannotMoveIntoAType() throws Exception {
    write(
        "p/Outer.java", OUTER.replace("public static final class Pair", "public final class Pair"));
    Map<String, String> before = snapshot(src);
    MoveTestSupport.Run r = runAllowingCycles("move p.Outer.Mid.Pair to q.Host");
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("is an inner (non-static) class"), r.err());
    assertEquals(before, snapshot(src));
  }
}
