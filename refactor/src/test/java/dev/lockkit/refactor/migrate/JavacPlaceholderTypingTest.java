package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A placeholder binds code whose type javac gives it where it stands (the template file and the
 * analysed code attributed in one javac task): a poly expression ({@code new ArrayList<>()}, {@code
 * List.of()}, {@code Function.identity()}) has its target's type, as Error Prone's Refaster binds
 * it.
 */
class JavacPlaceholderTypingTest {

  @TempDir Path root;

  private Migration.Result migrate(String template, String source) throws Exception {
    return TestTrees.migrateOneFile(root, template, source);
  }

  private String result() {
    return TestTrees.migratedSource(root);
  }

  @Test
  void aDiamondOrGenericFactoryArgumentBindsWithItsTargetType() throws Exception {
    Migration.Result r =
        migrate(
            """
            import java.util.Collections;
            import java.util.List;
            class T {
              static final class Unmodifiable {
                @BeforeTemplate List<String> before(List<String> list) {
                  return Collections.unmodifiableList(list);
                }
                @AfterTemplate List<String> after(List<String> list) {
                  return List.copyOf(list);
                }
              }
            }
            """,
            """
            package p;
            import java.util.ArrayList;
            import java.util.Collections;
            import java.util.List;
            class A {
              List<String> diamond() {
                return Collections.unmodifiableList(new ArrayList<>());
              }
              List<String> factory() {
                return Collections.unmodifiableList(List.of());
              }
              List<Integer> otherType() {
                return Collections.unmodifiableList(new ArrayList<>());
              }
            }
            """);
    assertEquals(0, r.report().skippedRules().size(), r.report().toText());
    String text = result();
    assertTrue(text.contains("return List.copyOf(new ArrayList<>());"), text);
    assertTrue(text.contains("return List.copyOf(List.of());"), text);
    // Inferred as ArrayList<Integer> there: not assignable to List<String>.
    assertTrue(
        text.contains(
            "List<Integer> otherType() {\n    return Collections.unmodifiableList(new ArrayList<>());"),
        text);
  }

  @Test
  void aGenericMethodReturningItsTargetTypeBindsAPlaceholderOfThatType() throws Exception {
    migrate(
        """
        import java.util.Optional;
        import java.util.function.Function;
        class T {
          static final class MapIdentity {
            @BeforeTemplate Optional<String> before(Optional<String> o, Function<String, String> f) {
              return o.map(f);
            }
            @AfterTemplate Optional<String> after(Optional<String> o, Function<String, String> f) {
              return o.flatMap(v -> Optional.ofNullable(f.apply(v)));
            }
          }
        }
        """,
        """
        package p;
        import java.util.Optional;
        import java.util.function.Function;
        class A {
          Optional<String> f(Optional<String> name) {
            return name.map(Function.identity());
          }
        }
        """);
    String text = result();
    assertTrue(
        text.contains(
                "return name.flatMap(v -> Optional.ofNullable(Function.<String>identity().apply(v)));")
            || text.contains(
                "return name.flatMap(v -> Optional.ofNullable(Function.identity().apply(v)));"),
        text);
  }

  @Test
  void aWildcardTypeBindsTheSameTypeVariableAtEveryUse() throws Exception {
    // javac types each use of an Enum<?> value as its own capture (Enum<capture#1 of ?>, ...);
    // read back as the wildcard the code declares, both uses bind T to Enum<?>.
    migrate(
        """
        import java.util.Objects;
        class T {
          static final class NullThenDefault<X> {
            @BeforeTemplate X before(X a, X b) { return a == null ? b : a; }
            @AfterTemplate X after(X a, X b) { return Objects.requireNonNullElse(a, b); }
          }
        }
        """,
        """
        package p;
        class A {
          Enum<?> f(Enum<?> en, Class<?> c) {
            return en == null ? other(c) : en;
          }
          Enum<?> other(Class<?> c) {
            return null;
          }
        }
        """);
    String text = result();
    assertTrue(text.contains("return Objects.requireNonNullElse(en, other(c));"), text);
  }
}
