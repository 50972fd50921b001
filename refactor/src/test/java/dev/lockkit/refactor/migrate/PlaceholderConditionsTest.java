package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @Matches}/{@code @NotMatches} with Picnic's matchers, implemented by name. */
class PlaceholderConditionsTest {

  @TempDir Path root;

  private Migration.Result migrate(String template, String source) throws Exception {
    return TestTrees.migrateOneFile(root, template, source);
  }

  private String result() {
    return TestTrees.migratedSource(root);
  }

  @Test
  void isEmptyMatchesEmptyFactoriesConstructorsAndArraysOnly() throws Exception {
    Migration.Result res =
        migrate(
            """
        import java.util.Collection;
        class T {
          class AddAllEmpty<E> {
            @BeforeTemplate boolean before(Collection<E> c, @Matches(IsEmpty.class) Collection<E> e) {
              return c.addAll(e);
            }
            @AfterTemplate boolean after(Collection<E> c, Collection<E> e) { return false; }
          }
        }
        """,
            """
        package p;
        import java.util.*;
        class A {
          void f(List<Integer> l, List<Integer> other) {
            boolean a = l.addAll(new ArrayList<Integer>());
            boolean b = l.addAll(List.<Integer>of());
            boolean c = l.addAll(Collections.<Integer>emptyList());
            boolean d = l.addAll(new ArrayList<Integer>(16));
            boolean e = l.addAll(other);
            boolean g = l.addAll(List.of(1));
            boolean h = l.addAll(new ArrayList<>(other));
          }
        }
        """);
    String r = result();
    assertEquals(4, r.split("= false;", -1).length - 1, r + res.report().toText());
    assertTrue(r.contains("l.addAll(other)"), r);
    assertTrue(r.contains("l.addAll(List.of(1))"), r);
    assertTrue(r.contains("l.addAll(new ArrayList<>(other))"), r);
  }

  @Test
  void isIdentityOperationMatchesIdentityFunctionsAndLambdas() throws Exception {
    migrate(
        """
        import java.util.function.Function;
        import java.util.stream.Stream;
        class T {
          class MapIdentity<E> {
            @BeforeTemplate Stream<E> before(
                Stream<E> s, @Matches(IsIdentityOperation.class) Function<? super E, ? extends E> f) {
              return s.map(f);
            }
            @AfterTemplate Stream<E> after(Stream<E> s) { return s; }
          }
        }
        """,
        """
        package p;
        import java.util.function.Function;
        import java.util.stream.Stream;
        class A {
          void f(Stream<String> s) {
            Object a = s.map(x -> x);
            Object b = s.map(Function.<String>identity());
            Object c = s.map(x -> x + "!");
            Object d = s.map(String::trim);
          }
        }
        """);
    String r = result();
    assertTrue(r.contains("Object a = s;"), r);
    assertTrue(r.contains("Object b = s;"), r);
    assertTrue(r.contains("s.map(x -> x + \"!\")"), r);
    assertTrue(r.contains("s.map(String::trim)"), r);
  }

  @Test
  void notMatchesRequiresComputationKeepsCallsOut() throws Exception {
    Migration.Result res =
        migrate(
            """
            import java.util.Objects;
            class T {
              class RequireNonNullElse<E> {
                @BeforeTemplate E before(E v, @NotMatches(RequiresComputation.class) E d) {
                  return v != null ? v : d;
                }
                @AfterTemplate E after(E v, E d) { return Objects.requireNonNullElse(v, d); }
              }
            }
            """,
            """
            package p;
            class A {
              String f(String v, String w) {
                String a = v != null ? v : "x";
                String b = v != null ? v : w;
                return v != null ? v : w.trim();
              }
            }
            """);
    String r = result();
    assertTrue(r.contains("String a = Objects.requireNonNullElse(v, \"x\");"), r);
    assertTrue(r.contains("String b = Objects.requireNonNullElse(v, w);"), r);
    assertTrue(r.contains("return v != null ? v : w.trim();"), r);
  }

  @Test
  void anUnknownMatcherSkipsItsRuleByNameOnly() throws Exception {
    Migration.Result r =
        migrate(
            """
            class T {
              class Odd {
                @BeforeTemplate boolean before(@Matches(IsSomethingElse.class) String s) {
                  return s.isBlank();
                }
              }
              class IsEmpty {
                @BeforeTemplate boolean before(String s) { return s.length() == 0; }
                @AfterTemplate boolean after(String s) { return s.isEmpty(); }
              }
            }
            """,
            "package p;\nclass A {\n  boolean f(String a) {\n    return a.length() == 0;\n  }\n}\n");
    assertTrue(result().contains("return a.isEmpty();"), result());
    assertEquals(1, r.report().skippedRules().size());
    assertTrue(
        r.report()
            .skippedRules()
            .get(0)
            .reason()
            .contains("@Matches(IsSomethingElse.class) is not supported"),
        r.report().skippedRules().get(0).reason());
  }

  @Test
  void aMatchesWithoutAMatcherClassIsNamed() throws Exception {
    Migration.Result r =
        migrate(
            """
            class T {
              class Bare {
                @BeforeTemplate boolean before(@Matches String s) { return s.length() == 0; }
              }
              class Blank {
                @BeforeTemplate boolean before(String s) { return s.isBlank(); }
              }
            }
            """,
            "package p;\nclass A {}\n");
    assertEquals(
        "T.java:3: @Matches without a matcher class is not supported by lockkit migrate"
            + " (supported matchers: IsEmpty, IsIdentityOperation,"
            + " IsLambdaExpressionOrMethodReference, IsNullLiteral, IsRefasterAsVarargs,"
            + " RequiresComputation)",
        r.report().skippedRules().get(0).reason());
  }

  @Test
  void aRepeatedPlaceholderStandsForZeroOrMoreTrailingArguments() throws Exception {
    // The after template's own text is kept, parentheses included (Picnic writes them).
    migrate(
        """
        class T {
          class StringFormatted {
            @BeforeTemplate String before(String format, @Repeated Object args) {
              return String.format(format, args);
            }
            @AfterTemplate String after(String format, @Repeated Object args) {
              return (format).formatted(args);
            }
          }
        }
        """,
        """
        package p;
        import java.util.Locale;
        class A {
          String f(String a, Object[] all) {
            String x = String.format("%s-%d", a, 1 + 2);
            String y = String.format("none");
            String z = String.format(Locale.ROOT, "%d", 1);
            return String.format(a + "%s", all);
          }
        }
        """);
    assertEquals(
        """
        package p;
        import java.util.Locale;
        class A {
          String f(String a, Object[] all) {
            String x = ("%s-%d").formatted(a, 1 + 2);
            String y = ("none").formatted();
            String z = String.format(Locale.ROOT, "%d", 1);
            return (a + "%s").formatted(all);
          }
        }
        """,
        result());
  }

  @Test
  void aRepeatedPlaceholderOutsideACallsLastArgumentSkipsItsRule() throws Exception {
    Migration.Result r =
        migrate(
            """
            import java.util.Arrays;
            class T {
              class AsList {
                @BeforeTemplate Object before(@Repeated Object args, int i) {
                  return Arrays.asList(args, i);
                }
              }
              class Blank {
                @BeforeTemplate boolean before(String s) { return s.isBlank(); }
              }
            }
            """,
            "package p;\nclass A {}\n");
    assertTrue(
        r.report()
            .skippedRules()
            .get(0)
            .reason()
            .endsWith(
                "@Repeated placeholder 'args' is supported only as the last argument of a"
                    + " method call"),
        r.report().skippedRules().get(0).reason());
  }
}
