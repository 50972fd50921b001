package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refaster's {@code @Placeholder} methods, in the forms Picnic's rules write them. */
class PlaceholderMethodTest {

  @TempDir Path root;

  private Migration.Result migrate(String template, String body) throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            template,
            "src/p/A.java",
            "package p;\nimport java.util.Map;\nimport java.util.stream.Stream;\nclass A {\n"
                + body
                + "}\n"));
    last = TestTrees.runAndWrite(root);
    return last;
  }

  private Migration.Result last;

  private String result() {
    return TestTrees.text(root, "src/p/A.java");
  }

  /** The result and the report, for a failure's message. */
  private String both() {
    return result() + "\n" + last.report().toText();
  }

  private static final String FLAT_MAP =
      """
      import java.util.function.Predicate;
      import java.util.stream.Stream;
      class Rules {
        abstract static class FilterOuter<T, S> {
          @Placeholder(allowsIdentity = true)
          abstract Stream<S> toStream(@MayOptionallyUse T element);
          @BeforeTemplate
          Stream<S> before(Stream<T> stream, Predicate<? super S> predicate) {
            return stream.flatMap(v -> toStream(v).filter(predicate));
          }
          @AfterTemplate
          Stream<S> after(Stream<T> stream, Predicate<? super S> predicate) {
            return stream.flatMap(v -> toStream(v)).filter(predicate);
          }
        }
      }
      """;

  @Test
  void aPlaceholderMethodBindsTheExpressionInItsPlaceUnderTheTargetsLambdaName() throws Exception {
    migrate(
        FLAT_MAP,
        """
          Stream<String> f(Stream<String> s, String suffix) {
            return s.flatMap(x -> Stream.of(x, x + suffix).filter(y -> !y.isEmpty()));
          }
        """);
    assertTrue(
        result()
            .contains("return s.flatMap(x -> Stream.of(x, x + suffix)).filter(y -> !y.isEmpty());"),
        both());
  }

  @Test
  void thePlaceholdersTypeVariablesBindToTheTypeOfTheExpression() throws Exception {
    String body =
        """
          Stream<Integer> f(Stream<String> s) {
            return s.flatMap(x -> Stream.of(x.length()).filter(y -> y > 0));
          }
        """;
    migrate(FLAT_MAP, body);
    // S is Integer here (String above): the rewrite keeps the code.
    assertTrue(
        result().contains("return s.flatMap(x -> Stream.of(x.length())).filter(y -> y > 0);"),
        both());
  }

  private static final String NONE_MATCH =
      """
      import java.util.stream.Stream;
      class Rules {
        abstract static class AllMatchNegated<T> {
          @Placeholder
          abstract boolean test(@MayOptionallyUse T element);
          @BeforeTemplate
          boolean before(Stream<T> stream) {
            return stream.allMatch(e -> !test(e));
          }
          @AfterTemplate
          boolean after(Stream<T> stream) {
            return stream.noneMatch(e -> test(e));
          }
        }
      }
      """;

  @Test
  void withoutAllowsIdentityTheExpressionMayNotBeJustTheArgument() throws Exception {
    migrate(
        NONE_MATCH,
        """
          boolean f(Stream<String> s, Stream<Boolean> b) {
            return s.allMatch(x -> !x.isEmpty()) && b.allMatch(x -> !x);
          }
        """);
    assertTrue(
        result().contains("return s.noneMatch(x -> x.isEmpty()) && b.allMatch(x -> !x);"), both());
  }

  @Test
  void theLambdasParameterMayBeUsedOnlyThroughTheArgumentsCode() throws Exception {
    migrate(
        """
        import java.util.Map;
        import java.util.stream.Stream;
        class Rules {
          abstract static class KeyFilter<K, V> {
            @Placeholder
            abstract boolean keyFilter(@MayOptionallyUse K key);
            @BeforeTemplate
            long before(Stream<Map.Entry<K, V>> entries) {
              return entries.filter(e -> keyFilter(e.getKey())).count();
            }
            @AfterTemplate
            long after(Stream<Map.Entry<K, V>> entries) {
              return entries.filter(e -> keyFilter(e.getKey())).mapToLong(e -> 1L).sum();
            }
          }
        }
        """,
        """
          long f(Stream<Map.Entry<String, String>> s) {
            return s.filter(e -> e.getValue().isEmpty()).count();
          }
          long g(Stream<Map.Entry<String, String>> s) {
            return s.filter(x -> x.getKey().isEmpty()).count();
          }
        """);
    assertTrue(result().contains("return s.filter(e -> e.getValue().isEmpty()).count();"), both());
    assertTrue(
        result().contains("return s.filter(x -> x.getKey().isEmpty()).mapToLong(x -> 1L).sum();"),
        both());
  }

  @Test
  void aPlaceholderWhoseArgumentIsNotALambdaParameterSkipsTheRuleByName() throws Exception {
    Migration.Result r =
        migrate(
            """
            import java.util.Optional;
            class Rules {
              abstract static class Filter<T> {
                @Placeholder
                abstract boolean test(T value);
                @BeforeTemplate
                Optional<T> before(T input) {
                  return test(input) ? Optional.of(input) : Optional.empty();
                }
                @AfterTemplate
                Optional<T> after(T input) {
                  return Optional.of(input).filter(v -> test(v));
                }
              }
              class IsEmpty {
                @BeforeTemplate boolean before(String s) { return s.length() == 0; }
                @AfterTemplate boolean after(String s) { return s.isEmpty(); }
              }
            }
            """,
            "  boolean f(String a) {\n    return a.length() == 0;\n  }\n");
    assertTrue(result().contains("return a.isEmpty();"), result());
    assertEquals(1, r.report().skippedRules().size());
    assertEquals("Rules.Filter", r.report().skippedRules().get(0).name());
    assertTrue(
        r.report().skippedRules().get(0).reason().contains("is not a parameter of an enclosing"),
        r.report().skippedRules().get(0).reason());
  }

  @Test
  void placeholderOnAParameterIsRefusedWithItsLine() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            class Rules {
              class R {
                @BeforeTemplate boolean before(@Placeholder String s) {
                  return s.length() == 0;
                }
                @AfterTemplate boolean after(String s) { return s.isEmpty(); }
              }
            }
            """,
            "src/p/A.java",
            "package p;\nclass A {}\n"));
    MigrationException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            MigrationException.class, () -> TestTrees.run(root));
    assertEquals(
        "T.java:3: @Placeholder applies to an abstract method of the rule, not a parameter",
        e.getMessage());
  }

  @Test
  void anAfterTemplateMayPassTheLambdaParameterForTheBeforesArgumentCode() throws Exception {
    migrate(
        """
        import java.util.Map;
        import java.util.Optional;
        import java.util.stream.Collectors;
        class Rules {
          abstract static class TransformValues<K, V1, V2> {
            @Placeholder(allowsIdentity = true)
            abstract V2 valueTransformation(@MayOptionallyUse V1 value);
            @BeforeTemplate
            Map<K, V2> before(Map<K, V1> map) {
              return map.entrySet().stream()
                  .collect(Collectors.toMap(Map.Entry::getKey, e -> valueTransformation(e.getValue())));
            }
            @AfterTemplate
            Map<K, V2> after(Map<K, V1> map) {
              return map.entrySet().stream()
                  .collect(
                      Collectors.toMap(
                          Map.Entry::getKey,
                          e -> Optional.of(e.getValue()).map(v -> valueTransformation(v)).get()));
            }
          }
        }
        """,
        """
          Map<String, Integer> f(Map<String, String> m) {
            return m.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, x -> x.getValue().length()));
          }
        """);
    assertTrue(
        result().contains("x -> Optional.of(x.getValue()).map(v -> v.length()).get()"), both());
  }
}
