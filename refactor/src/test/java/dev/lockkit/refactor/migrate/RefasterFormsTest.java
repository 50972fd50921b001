package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.refactor.migrate.template.SkippedRule;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Refaster forms of real rule collections (Picnic's): what runs, and what is skipped. */
class RefasterFormsTest {

  @TempDir Path root;

  private Migration.Result migrate(String template, String source) throws Exception {
    return TestTrees.migrateOneFile(root, template, source);
  }

  private String result() {
    return TestTrees.migratedSource(root);
  }

  @Test
  void anUnsupportedRuleIsSkippedByNameAndTheOthersRun() throws Exception {
    Migration.Result r =
        migrate(
            """
            class T {
              class Array {
                @BeforeTemplate String[] before() { return new String[0]; }
                @AfterTemplate String[] after() { return new String[] {}; }
              }
              class IsEmpty {
                @BeforeTemplate boolean before(String s) { return s.length() == 0; }
                @AfterTemplate boolean after(String s) { return s.isEmpty(); }
              }
            }
            """,
            "package p;\nclass A {\n  boolean f(String a) {\n    return a.length() == 0;\n  }\n}\n");
    assertEquals(
        "package p;\nclass A {\n  boolean f(String a) {\n    return a.isEmpty();\n  }\n}\n",
        result());
    assertEquals(1, r.report().skippedRules().size());
    SkippedRule s = r.report().skippedRules().get(0);
    assertEquals("T.Array", s.name());
    assertTrue(s.reason().startsWith("T.java:3: an array creation"), s.reason());
    assertTrue(
        r.report().toText().contains("skipped   rule T.Array: T.java:3:"), r.report().toText());
    assertTrue(r.report().toJson().contains("\"skippedRules\""), r.report().toJson());
  }

  @Test
  void arrayLengthInATemplateIsTheArraysLength() throws Exception {
    migrate(
        """
        import java.util.Arrays;
        class T {
          class CopyOf {
            @BeforeTemplate <X> X[] before(X[] array) {
              return Arrays.copyOf(array, array.length);
            }
            @AfterTemplate <X> X[] after(X[] array) { return array.clone(); }
          }
        }
        """,
        """
        package p;
        import java.util.Arrays;
        class A {
          String[] f(String[] a, String[] b) {
            Arrays.toString(b);
            return Arrays.copyOf(a, a.length);
          }
          String[] g(String[] a, String[] b) {
            return Arrays.copyOf(a, b.length);
          }
        }
        """);
    String text = result();
    assertTrue(text.contains("return a.clone();"), text);
    assertTrue(text.contains("return Arrays.copyOf(a, b.length);"), text);
  }

  @Test
  void typeVariablesOfTheRuleClassMatchWhateverTheTargetCallsThem() throws Exception {
    migrate(
        """
        import java.util.List;
        class Rules {
          static final class FirstOf<T> {
            @BeforeTemplate T before(List<T> list) { return list.get(0); }
            @AfterTemplate T after(List<T> list) { return list.iterator().next(); }
          }
        }
        """,
        """
        package p;
        import java.util.List;
        class A {
          <E> E f(List<E> xs) {
            return xs.get(0);
          }
        }
        """);
    assertTrue(result().contains("return xs.iterator().next();"), result());
  }

  @Test
  void alsoNegationRewritesTheNegatedFormNegated() throws Exception {
    migrate(
        """
        class T {
          class IsEmpty {
            @BeforeTemplate boolean before(String s) { return s.length() == 0; }
            @AfterTemplate @AlsoNegation boolean after(String s) { return s.isEmpty(); }
          }
        }
        """,
        """
        package p;
        class A {
          boolean f(String a, String b) {
            return a.length() == 0 || b.length() != 0 || b.length() > 0;
          }
        }
        """);
    assertTrue(
        result().contains("return a.isEmpty() || !b.isEmpty() || b.length() > 0;"), result());
  }

  @Test
  void aCommentInsideATemplateDoesNotStopAMatch() throws Exception {
    migrate(
        """
        class T {
          class Parse {
            @BeforeTemplate boolean before(String s) { return Boolean.valueOf(s /* text */); }
            @AfterTemplate boolean after(String s) { return Boolean.parseBoolean(s); }
          }
        }
        """,
        "package p;\nclass A {\n  boolean f(String a) {\n    return Boolean.valueOf(a);\n  }\n}\n");
    assertTrue(result().contains("return Boolean.parseBoolean(a);"), result());
  }

  @Test
  void aMatchThatWouldDeleteACommentIsRefusedAndListed() throws Exception {
    Migration.Result r =
        migrate(
            """
            class T {
              class Abs {
                @BeforeTemplate int before(int x) { return Math.abs(x); }
                @AfterTemplate int after(int x) { return x < 0 ? -x : x; }
              }
            }
            """,
            """
            package p;
            class A {
              int f(int a) {
                return Math./* keep me */abs(a) + Math.abs(a /* kept */ + 1) + Math.abs(/* lost */ a);
              }
            }
            """);
    String text = result();
    assertTrue(text.contains("Math./* keep me */abs(a)"), text);
    assertTrue(
        text.contains("a /* kept */ + 1 < 0 ? -(a /* kept */ + 1) : a /* kept */ + 1"), text);
    assertTrue(text.contains("Math.abs(/* lost */ a)"), text);
    assertTrue(
        r.report().toText().contains("the rewrite would delete the comment '/* keep me */'"),
        r.report().toText());
    assertTrue(
        r.report().toText().contains("the rewrite would delete the comment '/* lost */'"),
        r.report().toText());
  }

  @Test
  void methodReferencesAndLambdasInABeforeTemplateMatchTheSameMethodWhateverTheNames()
      throws Exception {
    migrate(
        """
        import java.util.function.Function;
        import java.util.function.Predicate;
        class Rules {
          class ValueOf {
            @BeforeTemplate Function<Object, String> before() { return String::valueOf; }
            @AfterTemplate Function<Object, String> after() { return Object::toString; }
          }
          class Empty {
            @BeforeTemplate Predicate<String> before() { return s -> s.length() == 0; }
            @AfterTemplate Predicate<String> after() { return String::isEmpty; }
          }
        }
        """,
        """
        package p;
        import java.util.function.Function;
        import java.util.function.Predicate;
        class A {
          Function<Object, String> f = String::valueOf;
          Predicate<String> g = text -> text.length() == 0;
          Predicate<String> h = text -> text.length() == 1;
        }
        """);
    String text = result();
    assertTrue(text.contains("Function<Object, String> f = Object::toString;"), text);
    assertTrue(text.contains("Predicate<String> g = String::isEmpty;"), text);
    assertTrue(text.contains("Predicate<String> h = text -> text.length() == 1;"), text);
  }

  @Test
  void aRecursiveBoundOfTheRuleClassIsChecked() throws Exception {
    migrate(
        """
        import java.util.Objects;
        class Rules {
          static final class EnumReferenceEquality<T extends Enum<T>> {
            @BeforeTemplate boolean before(T a, T b) { return Objects.equals(a, b); }
            @AfterTemplate boolean after(T a, T b) { return a == b; }
          }
        }
        """,
        """
        package p;
        import java.util.Objects;
        import java.util.concurrent.TimeUnit;
        class A {
          boolean f(Object x, Object y, TimeUnit u, TimeUnit v) {
            return Objects.equals(x, y) && Objects.equals(u, v);
          }
        }
        """);
    assertTrue(result().contains("return Objects.equals(x, y) && u == v;"), result());
  }

  @Test
  void theIfOfAnElseIfIsNotASiteOfItsOwn() throws Exception {
    migrate(
        """
        import java.util.Objects;
        class Rules {
          static final class CheckArgument {
            @BeforeTemplate void before(boolean c) {
              if (c) {
                throw new IllegalArgumentException();
              }
            }
            @AfterTemplate void after(boolean c) { Objects.requireNonNull(c ? null : ""); }
          }
        }
        """,
        """
        package p;
        class A {
          void f(int a) {
            if (a < 0) {
              throw new IllegalArgumentException();
            }
            if (a == 1) {
              a++;
            } else if (a > 9) {
              throw new IllegalArgumentException();
            }
          }
        }
        """);
    String text = result();
    assertTrue(text.contains("    Objects.requireNonNull(a < 0 ? null : \"\");\n"), text);
    assertTrue(text.contains("} else if (a > 9) {"), text);
  }

  @Test
  void aNestedTypeOfALibraryInAnAfterTemplateIsImportedByItsOutermostType() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            import picocli.CommandLine;
            class Rules {
              static final class Plain {
                @BeforeTemplate boolean before(String s) { return s.length() == 0; }
                @AfterTemplate boolean after(String s) {
                  return CommandLine.Help.Ansi.OFF.string(s).isEmpty();
                }
              }
            }
            """,
            "src/p/A.java",
            "package p;\nclass A {\n  boolean f(String s) {\n    return s.length() == 0;\n  }\n}\n"));
    Path picocli =
        Path.of(
            picocli.CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Migration.Result r =
        Migration.run(
            new MigrationRequest(
                root,
                root.resolve("T.java"),
                java.util.List.of(root.resolve("src")),
                java.util.List.of(picocli),
                java.util.Optional.empty(),
                "write"));
    r.changes().write();
    String text = result();
    assertTrue(text.contains("import picocli.CommandLine;"), text);
    assertTrue(text.contains("return CommandLine.Help.Ansi.OFF.string(s).isEmpty();"), text);
  }

  @Test
  void theNegationOfAnAnyOfIsAnyOfTheNegations() throws Exception {
    migrate(
        """
        import com.google.errorprone.refaster.Refaster;
        class T {
          class IsEmpty {
            @BeforeTemplate boolean before(CharSequence s) {
              return Refaster.anyOf(s.length() == 0, s.length() <= 0, s.length() < 1);
            }
            @AfterTemplate @AlsoNegation boolean after(CharSequence s) { return s.isEmpty(); }
          }
        }
        """,
        """
        package p;
        class A {
          boolean f(StringBuilder b, String s) {
            return b.length() > 0 && s.length() >= 1 && s.length() != 0 && b.length() > 1;
          }
        }
        """);
    assertTrue(
        result().contains("return !b.isEmpty() && !s.isEmpty() && !s.isEmpty() && b.length() > 1;"),
        result());
  }

  @Test
  void anAnyOfNestedInACallResolvesWithoutErrorProneOnTheClassPath() throws Exception {
    Migration.Result r =
        migrate(
            """
            import com.google.errorprone.refaster.Refaster;
            import java.util.Map;
            class T {
              class MapIsEmpty<K, V> {
                @BeforeTemplate boolean before(Map<K, V> map) {
                  return Refaster.anyOf(map.keySet(), map.values(), map.entrySet()).isEmpty();
                }
                @AfterTemplate boolean after(Map<K, V> map) { return map.isEmpty(); }
              }
            }
            """,
            """
            package p;
            import java.util.Map;
            class A {
              boolean f(Map<String, Integer> m) {
                return m.values().isEmpty() || m.keySet().size() > 0;
              }
            }
            """);
    assertTrue(r.report().skippedRules().isEmpty(), r.report().toText());
    assertTrue(result().contains("return m.isEmpty() || m.keySet().size() > 0;"), result());
  }

  @Test
  void aTypeVariableBoundedByAnotherIsCheckedAgainstItsBinding() throws Exception {
    migrate(
        """
        import java.util.List;
        class T {
          static final class AddAtStart<S, E extends S> {
            @BeforeTemplate void before(List<S> list, E element) { list.add(0, element); }
            @AfterTemplate void after(List<S> list, E element) { list.listIterator().add(element); }
          }
        }
        """,
        """
        package p;
        import java.util.List;
        class A {
          void f(List<Class<?>> classes, Class<?> cls, List<CharSequence> names) {
            classes.add(0, cls);
            names.add(0, "x");
          }
        }
        """);
    String text = result();
    assertTrue(text.contains("classes.listIterator().add(cls);"), text);
    assertTrue(text.contains("names.listIterator().add(\"x\");"), text);
  }

  @Test
  void aNegatedPlaceholderIsWrittenAsRefasterNegatesIt() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "src/p/Checks.java",
            "package p;\npublic class Checks {\n  public static void check(boolean b, String m) {}\n}\n"));
    migrate(
        """
        import p.Checks;
        class T {
          class CheckArgument {
            @BeforeTemplate void before(boolean condition, String message) {
              if (condition) {
                throw new IllegalArgumentException(message);
              }
            }
            @AfterTemplate void after(boolean condition, String message) {
              Checks.check(!condition, message);
            }
          }
        }
        """,
        """
        package p;
        class A {
          void f(int a, int b, boolean ok, Object x, Object y, String s) {
            if (a < b) {
              throw new IllegalArgumentException("1");
            }
            if (!ok) {
              throw new IllegalArgumentException("2");
            }
            if (x == null || y == null) {
              throw new IllegalArgumentException("3");
            }
            if (s.isEmpty() && !(a == b)) {
              throw new IllegalArgumentException("4");
            }
            if (s.isEmpty()) {
              throw new IllegalArgumentException("5");
            }
            if (a /* why */ < b) {
              throw new IllegalArgumentException("6");
            }
          }
        }
        """);
    String text = result();
    assertTrue(text.contains("Checks.check(a >= b, \"1\");"), text);
    assertTrue(text.contains("Checks.check(ok, \"2\");"), text);
    assertTrue(text.contains("Checks.check(x != null && y != null, \"3\");"), text);
    assertTrue(text.contains("Checks.check(!s.isEmpty() || a == b, \"4\");"), text);
    assertTrue(text.contains("Checks.check(!s.isEmpty(), \"5\");"), text);
    assertTrue(text.contains("Checks.check(!(a /* why */ < b), \"6\");"), text);
  }
}
