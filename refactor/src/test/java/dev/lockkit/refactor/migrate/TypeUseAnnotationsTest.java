package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A type-use annotation is no part of a type (JLS 4.11): a field declared {@code @Nullable
 * Strength} and the constant {@code Strength.STRONG} bind the same type variable (Guava's {@code
 * MoreObjects.firstNonNull(keyStrength, Strength.STRONG)}, which Error Prone rewrites with Picnic's
 * {@code RequireNonNullElse} and lockkit left as "not assignable").
 */
class TypeUseAnnotationsTest {

  @TempDir Path root;

  @Test
  void aTypeUseAnnotationDoesNotChangeTheTypeATypeVariableBinds() throws Exception {
    var r =
        TestTrees.migrateOneFile(
            root,
            """
            import java.util.Objects;
            class T {
              static final class OrElse<X> {
                @BeforeTemplate X before(X value, X other) {
                  return Objects.requireNonNullElse(value, other);
                }
                @AfterTemplate X after(X value, X other) {
                  return value != null ? value : other;
                }
              }
            }
            """,
            """
            package p;
            import java.lang.annotation.ElementType;
            import java.lang.annotation.Target;
            import java.util.List;
            import java.util.Objects;
            class A {
              @Target(ElementType.TYPE_USE) @interface Nullable {}
              enum Strength { STRONG }
              @Nullable Strength strength;
              List<@Nullable String> names;
              Strength f() {
                return Objects.requireNonNullElse(strength, Strength.STRONG);
              }
              List<String> g(List<String> other) {
                return Objects.requireNonNullElse(names, other);
              }
            }
            """);
    String text = TestTrees.migratedSource(root);
    assertTrue(text.contains("return strength != null ? strength : Strength.STRONG;"), text);
    assertTrue(text.contains("return names != null ? names : other;"), text);
    assertEquals(2, r.report().rewrittenCount(), r.report().toText());
  }
}
