package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.refactor.migrate.report.RuleReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only the files whose text can hold a site are attributed and parsed ({@code Candidates}); these
 * pin that no site is lost for it, and that the other files' types still resolve for the candidates
 * (javac reads them from its source path).
 */
class CandidateFilesTest {

  @TempDir Path root;

  private static final String KEYS_RULE =
      """
      import p.Keys;
      class T {
        class NewHash {
          @BeforeTemplate int before(String s) { return Keys.oldHash(s); }
          @AfterTemplate int after(String s) { return s.hashCode(); }
        }
      }
      """;

  private static final String KEYS =
      """
      package p;
      public class Keys {
        public static int oldHash(String s) { return 0; }
      }
      """;

  private static List<String> rewritten(RuleReport r) {
    return r.rewritten().stream().map(s -> s.path() + ":" + s.line()).toList();
  }

  private static List<String> left(RuleReport r) {
    return r.left().stream().map(s -> s.path() + ":" + s.line()).toList();
  }

  @Test
  void aMethodReferenceIsASiteLeftInAFileThatSpellsTheNameNowhereElse() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            KEYS_RULE,
            "src/p/Keys.java",
            KEYS,
            "src/p/A.java",
            """
            package p;
            import java.util.function.ToIntFunction;
            class A {
              ToIntFunction<String> f = Keys::oldHash;
            }
            """));
    RuleReport r = TestTrees.run(root).report().rules().get(0);
    assertEquals(List.of("src/p/A.java:4"), left(r), r.toString());
  }

  @Test
  void aConstructorCallOfANestedClassIsFoundByItsSimpleName() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            import p.Outer;
            class T {
              class NewInner {
                @BeforeTemplate Outer.Inner before(String s) { return new Outer.Inner(s); }
                @AfterTemplate Outer.Inner after(String s) { return Outer.Inner.of(s); }
              }
            }
            """,
            "src/p/Outer.java",
            """
            package p;
            public class Outer {
              public static class Inner {
                public Inner(String s) {}
                public static Inner of(String s) { return null; }
              }
            }
            """,
            "src/q/A.java",
            """
            package q;
            import p.Outer.Inner;
            class A {
              Inner f(String s) {
                return new Inner(s);
              }
              Inner g(String s) {
                return new Inner(s) {};
              }
            }
            """));
    RuleReport r = TestTrees.run(root).report().rules().get(0);
    assertEquals(List.of("src/q/A.java:5"), rewritten(r), r.toString());
    assertEquals(List.of("src/q/A.java:8"), left(r), r.toString());
  }

  @Test
  void typesOfFilesThatHoldNoSiteStillResolveForTheCandidates() throws Exception {
    // Names.java spells no template name, so javac reads it from the source path only; Util.java
    // declares a second top-level type, which javac finds only through a file of its own name,
    // so it is attributed as before. The placeholder is String: both calls must type.
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            KEYS_RULE,
            "src/p/Keys.java",
            KEYS,
            "src/p/Names.java",
            """
            package p;
            public class Names {
              public static String first() { return "a"; }
            }
            """,
            "src/p/Util.java",
            """
            package p;
            class Util {}
            class Extra {
              static String second() { return "b"; }
            }
            """,
            "src/p/A.java",
            """
            package p;
            class A {
              int f() {
                return Keys.oldHash(Names.first()) + Keys.oldHash(Extra.second());
              }
            }
            """));
    Migration.Result result = TestTrees.run(root);
    RuleReport r = result.report().rules().get(0);
    assertEquals(List.of("src/p/A.java:4", "src/p/A.java:4"), rewritten(r), r.toString());
    assertTrue(r.left().isEmpty(), r.toString());
    assertTrue(result.report().skipped().isEmpty(), result.report().toString());
  }

  @Test
  void aPlaceholderMethodNamedLikeARealMethodDoesNotHideTheRealMethodsSitesLeft() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            import java.util.stream.Stream;
            class T {
              abstract static class NoneEmpty<V> {
                @Placeholder abstract boolean isEmpty(V v);
                @BeforeTemplate boolean before(Stream<V> s) { return s.noneMatch(v -> isEmpty(v)); }
              }
              class Blank {
                @BeforeTemplate boolean before(String s) { return s.isEmpty() || s.length() == 0; }
                @AfterTemplate boolean after(String s) { return s.isEmpty(); }
              }
            }
            """,
            "src/p/A.java",
            """
            package p;
            class A {
              boolean f(String s) { return s.isEmpty(); }
            }
            """));
    Migration.Result r = TestTrees.run(root);
    RuleReport blank =
        r.report().rules().stream().filter(x -> x.name().endsWith("Blank")).findFirst().get();
    assertEquals(List.of("src/p/A.java:3"), left(blank), r.report().toText());
  }

  @Test
  void aFileThatIsNoCandidateIsReadFromItsSourceNotFromANewerStaleClassFile() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            KEYS_RULE,
            "src/p/Keys.java",
            KEYS,
            "src/p/Names.java",
            "package p;\npublic class Names {\n  public static String first() { return \"a\"; }\n}\n",
            "src/p/A.java",
            "package p;\nclass A {\n  int f() { return Keys.oldHash(Names.first()); }\n}\n",
            "stale/p/Names.java",
            "package p;\npublic class Names {\n  public static Object first() { return 1; }\n}\n"));
    Path classes = root.resolve("classes");
    java.nio.file.Files.createDirectories(classes);
    javax.tools.ToolProvider.getSystemJavaCompiler()
        .run(
            null,
            null,
            null,
            "-d",
            classes.toString(),
            root.resolve("stale/p/Names.java").toString());
    Path stale = classes.resolve("p/Names.class");
    java.nio.file.Files.setLastModifiedTime(
        stale,
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 3_600_000L));
    Migration.Result r =
        Migration.run(
            new MigrationRequest(
                root,
                root.resolve("T.java"),
                List.of(root.resolve("src")),
                List.of(classes),
                java.util.Optional.empty(),
                "write"));
    assertEquals(
        List.of("src/p/A.java:3"), rewritten(r.report().rules().get(0)), r.report().toText());
  }
}
