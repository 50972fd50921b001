package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How matches are rewritten: minimal text, parentheses, imports, nesting, idempotence. */
class RewritingTest {

  @TempDir Path root;

  private static final String ABS =
      """
      class T {
        class Abs {
          @BeforeTemplate int before(int x) { return Math.abs(x); }
          @AfterTemplate int after(int x) { return x < 0 ? -x : x; }
        }
      }
      """;

  @Test
  void parenthesesOnlyWherePrecedenceNeedsThem() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            ABS,
            "src/p/A.java",
            "package p;\nclass A {\n  int f(int a, int b) {\n    int r = Math.abs(a - b);\n    return Math.abs(a) + 1;\n  }\n}\n"));
    TestTrees.runAndWrite(root);
    assertEquals(
        "package p;\nclass A {\n  int f(int a, int b) {\n    int r = a - b < 0 ? -(a - b) : a - b;\n"
            + "    return (a < 0 ? -a : a) + 1;\n  }\n}\n",
        TestTrees.text(root, "src/p/A.java"));
  }

  @Test
  void aFileWithOldMacLineEndsIsRewrittenInPlace() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            ABS,
            "src/p/A.java",
            "package p;\rclass A {\r  int f(int a) {\r    return Math.abs(a);\r  }\r}\r"));
    TestTrees.runAndWrite(root);
    assertEquals(
        "package p;\rclass A {\r  int f(int a) {\r    return a < 0 ? -a : a;\r  }\r}\r",
        TestTrees.text(root, "src/p/A.java"));
  }

  @Test
  void aTreeWithAModuleDeclarationIsMigratedAsClassPathCode() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            ABS,
            "src/module-info.java",
            "module m {\n  exports p;\n}\n",
            "src/p/A.java",
            "package p;\nclass A {\n  int f(int a) { return Math.abs(a); }\n}\n"));
    TestTrees.runAndWrite(root);
    assertEquals(
        "package p;\nclass A {\n  int f(int a) { return a < 0 ? -a : a; }\n}\n",
        TestTrees.text(root, "src/p/A.java"));
  }

  @Test
  void commentsAndLayoutInsideMatchedCodeAreKept() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            ABS,
            "src/p/A.java",
            "package p;\nclass A {\n  int f(int a) {\n    return Math.abs(a /* raw */\n        * 2);\n  }\n}\n"));
    TestTrees.runAndWrite(root);
    assertEquals(
        "package p;\nclass A {\n  int f(int a) {\n    return a /* raw */\n        * 2 < 0 ? -(a /* raw */\n"
            + "        * 2) : a /* raw */\n        * 2;\n  }\n}\n",
        TestTrees.text(root, "src/p/A.java"));
  }

  @Test
  void nestedMatchesInsidePlaceholdersAreRewrittenInOneRunAndSecondRunIsEmpty() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            ABS,
            "src/p/A.java",
            "package p;\nclass A {\n  int f(int a) {\n    return Math.abs(Math.abs(a));\n  }\n}\n"));
    TestTrees.runAndWrite(root);
    String once = TestTrees.text(root, "src/p/A.java");
    assertTrue(
        once.contains("return (a < 0 ? -a : a) < 0 ? -(a < 0 ? -a : a) : (a < 0 ? -a : a);"), once);
    Migration.Result second = TestTrees.runAndWrite(root);
    assertTrue(second.changes().isEmpty());
    assertEquals(once, TestTrees.text(root, "src/p/A.java"));
  }

  private static final String NEW_TYPE =
      """
      import java.util.Vector;
      import java.util.ArrayList;
      class T {
        class NoVector {
          @BeforeTemplate Vector<String> before() { return new Vector<String>(); }
          @AfterTemplate ArrayList<String> after() { return new ArrayList<String>(); }
        }
      }
      """;

  @Test
  void importIsAddedInSortedPositionAndTheUnusedOldOneRemoved() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            NEW_TYPE
                .replace("Vector<String> before", "java.util.List<String> before")
                .replace("ArrayList<String> after", "java.util.List<String> after"),
            "src/p/A.java",
            """
            package p;

            import java.util.List;
            import java.util.Vector;

            class A {
              List<String> f() {
                return new Vector<String>();
              }
            }
            """));
    TestTrees.runAndWrite(root);
    assertEquals(
        """
        package p;

        import java.util.ArrayList;
        import java.util.List;

        class A {
          List<String> f() {
            return new ArrayList<String>();
          }
        }
        """,
        TestTrees.text(root, "src/p/A.java"));
  }

  @Test
  void aStaticImportTheRewriteLeftUnusedIsRemovedAndOneStillUsedIsKept() throws Exception {
    TestTrees.migrateOneFile(
        root,
        """
        import java.util.Collections;
        import java.util.List;
        class T {
          class Empty<E> {
            @BeforeTemplate List<E> before() { return Collections.emptyList(); }
            @AfterTemplate List<E> after() { return List.of(); }
          }
          class ValueOf {
            @BeforeTemplate String before(Object o) { return String.format("%s", o); }
            @AfterTemplate String after(Object o) { return String.valueOf(o); }
          }
        }
        """,
        """
        package p;

        import static java.lang.String.format;
        import static java.util.Collections.emptyList;

        import java.util.List;

        class A {
          List<String> none = emptyList();
          String s = format("%s", 1);
          String t = format("%d", 2);
        }
        """);
    assertEquals(
        """
        package p;

        import static java.lang.String.format;

        import java.util.List;

        class A {
          List<String> none = List.of();
          String s = String.valueOf(1);
          String t = format("%d", 2);
        }
        """,
        TestTrees.migratedSource(root));
  }

  @Test
  void clashingSimpleNameIsWrittenFullyQualified() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            NEW_TYPE
                .replace("Vector<String> before", "java.util.List<String> before")
                .replace("ArrayList<String> after", "java.util.List<String> after"),
            "src/p/ArrayList.java",
            "package p;\npublic class ArrayList {}\n",
            "src/p/A.java",
            "package p;\nimport java.util.List;\nimport java.util.Vector;\nclass A {\n"
                + "  List<String> f() {\n    return new Vector<String>();\n  }\n"
                + "  Vector<String> g() {\n    return null;\n  }\n}\n"));
    TestTrees.runAndWrite(root);
    assertEquals(
        "package p;\nimport java.util.List;\nimport java.util.Vector;\nclass A {\n"
            + "  List<String> f() {\n    return new java.util.ArrayList<String>();\n  }\n"
            + "  Vector<String> g() {\n    return null;\n  }\n}\n",
        TestTrees.text(root, "src/p/A.java"));
  }

  @Test
  void aTypeOfTheSamePackageInAFileThatDoesNotParseStillClashes() throws Exception {
    // The types of a file that cannot hold a site (it spells no 'Vector') are read from its
    // text, and the file is not parsed (so not listed as skipped): its type still exists.
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            NEW_TYPE
                .replace("Vector<String> before", "java.util.List<String> before")
                .replace("ArrayList<String> after", "java.util.List<String> after"),
            "src/p/ArrayList.java",
            "package p;\npublic class ArrayList {\n  void f( {}\n}\n",
            "src/p/A.java",
            "package p;\nimport java.util.List;\nimport java.util.Vector;\nclass A {\n"
                + "  List<String> f() {\n    return new Vector<String>();\n  }\n"
                + "  Vector<String> g() {\n    return null;\n  }\n}\n"));
    Migration.Result r = TestTrees.runAndWrite(root);
    assertEquals(
        "package p;\nimport java.util.List;\nimport java.util.Vector;\nclass A {\n"
            + "  List<String> f() {\n    return new java.util.ArrayList<String>();\n  }\n"
            + "  Vector<String> g() {\n    return null;\n  }\n}\n",
        TestTrees.text(root, "src/p/A.java"));
    assertTrue(r.report().skipped().isEmpty(), r.report().toText());
  }

  @Test
  void reportAndDiffAreIdenticalRunToRun() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            ABS,
            "src/p/A.java",
            "package p;\nclass A {\n  int f(int a) {\n    return Math.abs(a) + Math.abs(-a);\n  }\n}\n",
            "src/p/B.java",
            "package p;\nclass B {\n  long g(long a) {\n    return Math.abs(a);\n  }\n}\n"));
    Migration.Result one = TestTrees.run(root);
    Migration.Result two = TestTrees.run(root);
    assertEquals(one.report().toText(), two.report().toText());
    assertEquals(one.report().toJson(), two.report().toJson());
    assertEquals(one.changes().unifiedDiff(root), two.changes().unifiedDiff(root));
    assertEquals(2, one.report().rewrittenCount());
  }

  @Test
  void staticallyImportedAfterMemberIsWrittenQualifiedAndItsTypeImported() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            import static java.util.Objects.requireNonNullElse;
            class T {
              class OrEmpty {
                @BeforeTemplate String before(String s) { return s != null ? s : ""; }
                @AfterTemplate String after(String s) { return requireNonNullElse(s, ""); }
              }
            }
            """,
            "src/p/A.java",
            "package p;\n\nclass A {\n  String f(String x) {\n    return x != null ? x : \"\";\n  }\n}\n"));
    TestTrees.runAndWrite(root);
    assertEquals(
        "package p;\n\nimport java.util.Objects;\n\nclass A {\n  String f(String x) {\n"
            + "    return Objects.requireNonNullElse(x, \"\");\n  }\n}\n",
        TestTrees.text(root, "src/p/A.java"));
  }

  @Test
  void templateFileInsideTheMigratedTreeIsNotRewritten() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "src/T.java",
            ABS,
            "src/p/A.java",
            "package p;\nclass A {\n  int f(int a) {\n    return Math.abs(a);\n  }\n}\n"));
    Migration.Result r =
        Migration.run(
            new MigrationRequest(
                root,
                root.resolve("src/T.java"),
                java.util.List.of(root.resolve("src")),
                java.util.List.of(),
                java.util.Optional.empty(),
                "check"));
    assertEquals(java.util.List.of("src/p/A.java"), r.report().filesChanged());
  }
}
