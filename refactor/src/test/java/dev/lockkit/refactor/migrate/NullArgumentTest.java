package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bare {@code null} does not instantiate a type-variable placeholder: written into an after
 * template it can pick another overload, or none ({@code sb.append(null)} is ambiguous), so the
 * site is left and listed, never rewritten on a guess.
 */
class NullArgumentTest {

  @TempDir Path root;

  @Test
  void nullForATypeVariablePlaceholderIsLeftNotRewritten() throws Exception {
    var r =
        TestTrees.migrateOneFile(
            root,
            """
            import java.util.Objects;
            class T {
              static final class AppendObject<X> {
                @BeforeTemplate StringBuilder before(StringBuilder sb, X o) {
                  return sb.append(Objects.toString(o));
                }
                @AfterTemplate StringBuilder after(StringBuilder sb, X o) {
                  return sb.append(o);
                }
              }
            }
            """,
            """
            package p;
            import java.util.Objects;
            class A {
              void f(StringBuilder sb, Integer n) {
                sb.append(Objects.toString(null));
                sb.append(Objects.toString(n));
              }
            }
            """);
    String text = TestTrees.migratedSource(root);
    assertTrue(text.contains("sb.append(Objects.toString(null));"), text);
    assertTrue(text.contains("sb.append(n);"), text);
    assertEquals(1, r.report().rewrittenCount(), r.report().toText());
    assertEquals(1, r.report().leftCount(), r.report().toText());
  }
}
