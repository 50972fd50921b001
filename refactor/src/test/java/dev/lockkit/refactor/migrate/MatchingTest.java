package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.refactor.migrate.report.LeftSite;
import dev.lockkit.refactor.migrate.report.RuleReport;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What matches: type-aware placeholders, generics, alternatives, statement templates. */
class MatchingTest {

  @TempDir Path root;

  private static final String IS_EMPTY =
      """
      class T {
        class IsEmpty {
          @BeforeTemplate boolean before(String s) { return s.length() == 0; }
          @AfterTemplate boolean after(String s) { return s.isEmpty(); }
        }
      }
      """;

  @Test
  void placeholderMatchesStringReceiverButNotCharSequenceOrStringBuilder() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            IS_EMPTY,
            "src/p/A.java",
            """
            package p;
            class A {
              boolean f(String s, CharSequence cs, StringBuilder sb) {
                return s.length() == 0 || cs.length() == 0 || sb.length() == 0;
              }
            }
            """));
    TestTrees.runAndWrite(root);
    assertEquals(
        """
        package p;
        class A {
          boolean f(String s, CharSequence cs, StringBuilder sb) {
            return s.isEmpty() || cs.length() == 0 || sb.length() == 0;
          }
        }
        """,
        TestTrees.text(root, "src/p/A.java"));
  }

  @Test
  void wideReceiverIsReportedAsSiteLeftWithItsType() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            IS_EMPTY,
            "src/p/A.java",
            "package p;\nclass A {\n  int f(CharSequence cs) {\n    return cs.length();\n  }\n}\n"));
    RuleReport r = TestTrees.run(root).report().rules().get(0);
    assertEquals(0, r.rewritten().size());
    assertEquals(1, r.left().size());
    LeftSite s = r.left().get(0);
    assertEquals("src/p/A.java", s.path());
    assertEquals(4, s.line());
    assertTrue(s.reason().startsWith("a receiver of a wider type"), s.reason());
    assertTrue(s.reason().contains("java.lang.CharSequence"), s.reason());
  }

  @Test
  void genericTemplateUnifiesItsTypeVariableAcrossPlaceholders() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            import java.util.List;
            class T {
              class Contains {
                @BeforeTemplate <E> boolean before(List<E> list, E e) { return list.indexOf(e) >= 0; }
                @AfterTemplate <E> boolean after(List<E> list, E e) { return list.contains(e); }
              }
            }
            """,
            "src/p/A.java",
            """
            package p;
            import java.util.List;
            class A {
              boolean f(List<String> names, String n, List<Integer> ids) {
                return names.indexOf(n) >= 0 && ids.indexOf(n) >= 0;
              }
            }
            """));
    TestTrees.runAndWrite(root);
    String out = TestTrees.text(root, "src/p/A.java");
    // E is Integer for ids and String for n: not the rule's form.
    assertTrue(out.contains("return names.contains(n) && ids.indexOf(n) >= 0;"), out);
  }

  @Test
  void aPrimitiveBindsATypeVariableAsItsBoxedType() throws Exception {
    // As Refaster without @NoAutoboxing (and javac's inference): 7 is an Integer for List<E>.
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            import java.util.List;
            class T {
              class Contains {
                @BeforeTemplate <E> boolean before(List<E> list, E e) { return list.indexOf(e) >= 0; }
                @AfterTemplate <E> boolean after(List<E> list, E e) { return list.contains(e); }
              }
            }
            """,
            "src/p/A.java",
            """
            package p;
            import java.util.List;
            class A {
              boolean f(List<Integer> ids, List<Long> longs) {
                return ids.indexOf(7) >= 0 && longs.indexOf(7) >= 0;
              }
            }
            """));
    TestTrees.runAndWrite(root);
    String out = TestTrees.text(root, "src/p/A.java");
    // 7 boxes to Integer, never to Long.
    assertTrue(out.contains("return ids.contains(7) && longs.indexOf(7) >= 0;"), out);
  }

  @Test
  void anyOfAndSeveralBeforeTemplatesAreAlternatives() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            class T {
              class IsEmpty {
                @BeforeTemplate boolean a(String s) { return Refaster.anyOf(s.length() == 0, s.equals("")); }
                @BeforeTemplate boolean b(String s) { return "".equals(s); }
                @AfterTemplate boolean after(String s) { return s.isEmpty(); }
              }
            }
            """,
            "src/p/A.java",
            """
            package p;
            class A {
              boolean f(String x) {
                return x.length() == 0 | x.equals("") | "".equals(x) | x.equals("y");
              }
            }
            """));
    TestTrees.runAndWrite(root);
    String out = TestTrees.text(root, "src/p/A.java");
    assertTrue(
        out.contains("return x.isEmpty() | x.isEmpty() | x.isEmpty() | x.equals(\"y\");"), out);
  }

  @Test
  void statementTemplateMatchesConsecutiveStatementsAndBindsLocals() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            import java.util.List;
            class T {
              class AddTwice {
                @BeforeTemplate void before(List<String> l, String s) {
                  l.add(s);
                  l.add(s);
                }
                @AfterTemplate void after(List<String> l, String s) {
                  l.addAll(List.of(s, s));
                }
              }
            }
            """,
            "src/p/A.java",
            """
            package p;
            import java.util.List;
            class A {
              void f(List<String> out, String v) {
                out.add(v);
                out.add(v);
                out.add("z");
              }
            }
            """));
    TestTrees.runAndWrite(root);
    String out = TestTrees.text(root, "src/p/A.java");
    assertTrue(out.contains("    out.addAll(List.of(v, v));\n    out.add(\"z\");\n"), out);
  }

  @Test
  void repeatedPlaceholderMustBindEqualCode() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            class T {
              class Same {
                @BeforeTemplate boolean before(String s) { return s.equals(s); }
                @AfterTemplate boolean after(String s) { return true; }
              }
            }
            """,
            "src/p/A.java",
            "package p;\nclass A {\n  boolean f(String a, String b) {\n    return a.equals(b) && a.equals(a);\n  }\n}\n"));
    TestTrees.runAndWrite(root);
    assertTrue(
        TestTrees.text(root, "src/p/A.java").contains("return a.equals(b) && true;"),
        TestTrees.text(root, "src/p/A.java"));
  }

  @Test
  void unresolvedReceiverIsLeftAndReportedUnresolved() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            IS_EMPTY,
            "src/p/A.java",
            "package p;\nimport q.Missing;\nclass A {\n  boolean f(Missing m) {\n    return m.name().length() == 0;\n  }\n}\n"));
    Migration.Result r = TestTrees.run(root);
    assertTrue(r.changes().isEmpty());
    RuleReport rule = r.report().rules().get(0);
    assertEquals(1, rule.left().size(), rule.toString());
    assertTrue(rule.left().get(0).unresolved());
    assertTrue(rule.left().get(0).reason().startsWith("unresolved"), rule.left().get(0).reason());
  }

  @Test
  void aMethodReferenceIsASiteLeftOnlyWhenJavacSaysItIsTheTemplatesOverload() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            import p.Keys;
            class T {
              class NewHash {
                @BeforeTemplate int before(String s) { return Keys.hash(s); }
                @AfterTemplate int after(String s) { return s.hashCode(); }
              }
            }
            """,
            "src/p/Keys.java",
            """
            package p;
            import java.util.function.BiFunction;
            import java.util.function.Function;
            public class Keys {
              public static int hash(String s) { return 0; }
              public static int hash(String s, boolean deep) { return 1; }
              Function<String, Integer> one = Keys::hash;
              BiFunction<String, Boolean, Integer> two = Keys::hash;
              int three = hash("x", true);
            }
            """));
    RuleReport r = TestTrees.run(root).report().rules().get(0);
    assertEquals(
        java.util.List.of("7:35 Keys::hash"),
        r.left().stream().map(s -> s.line() + ":" + s.column() + " " + s.code()).toList(),
        r.toString());
  }
}
