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
 * A name spelled with Unicode escapes is the name javac reads: its site is rewritten, or listed as
 * a site left, like any other, and the rest of the file keeps its spelling.
 */
class EscapedNamesTest {

  @TempDir Path root;

  private static final String SIZE_RULE =
      """
      import java.util.Collection;
      class T {
        class SizeZero<E> {
          @BeforeTemplate boolean before(Collection<E> c) { return c.size() == 0; }
          @AfterTemplate boolean after(Collection<E> c) { return c.isEmpty(); }
        }
      }
      """;

  @Test
  void aCallWhoseNameIsEscapedIsRewritten() throws Exception {
    // In the text blocks, \\u is a backslash and a u: the file on disk holds the escape.
    TestTrees.migrateOneFile(
        root,
        SIZE_RULE,
        """
        package p;
        import java.util.List;
        class A {
          String s = "caf\\u00e9";
          boolean f(List<String> xs) { return xs.\\u0073ize() == 0; }
        }
        """);
    assertEquals(
        """
        package p;
        import java.util.List;
        class A {
          String s = "caf\\u00e9";
          boolean f(List<String> xs) { return xs.isEmpty(); }
        }
        """,
        TestTrees.migratedSource(root));
  }

  @Test
  void aUseWhoseNameIsEscapedIsASiteLeft() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            SIZE_RULE,
            "src/p/A.java",
            """
            package p;
            import java.util.List;
            class A {
              int f(List<String> xs) { return xs.\\u0073ize(); }
            }
            """));
    RuleReport r = TestTrees.run(root).report().rules().get(0);
    assertEquals(
        List.of("src/p/A.java:4"),
        r.left().stream().map(s -> s.path() + ":" + s.line()).toList(),
        r.toString());
  }

  @Test
  void aStaticImportAUseSpelledWithEscapesStillNeedsIsKept() throws Exception {
    TestTrees.migrateOneFile(
        root,
        """
        class T {
          class Max {
            @BeforeTemplate int before(int a, int b) { return Math.max(a, b); }
            @AfterTemplate int after(int a, int b) { return a >= b ? a : b; }
          }
        }
        """,
        """
        package p;
        import static java.lang.Math.max;
        class A {
          int f(int x) { return max(x, 1); }
          double g(double x) { return \\u006dax(x, 2.0); }
        }
        """);
    String text = TestTrees.migratedSource(root);
    assertTrue(text.contains("import static java.lang.Math.max;"), text);
    assertTrue(text.contains("return x >= 1 ? x : 1;"), text);
  }
}
