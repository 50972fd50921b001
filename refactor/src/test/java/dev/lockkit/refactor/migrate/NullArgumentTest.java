package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code null} is assignable to every reference type: it fits a placeholder declared with a type
 * variable, which the other placeholders bind (Picnic's {@code IteratorGetNextOrDefault} on Guava's
 * {@code it.hasNext() ? it.next() : null}, which Error Prone rewrites).
 */
class NullArgumentTest {

  @TempDir Path root;

  @Test
  void nullFitsAPlaceholderOfATypeVariableTheOthersBind() throws Exception {
    var r =
        TestTrees.migrateOneFile(
            root,
            """
            import java.util.Iterator;
            import java.util.Objects;
            class T {
              static final class NextOrDefault<X> {
                @BeforeTemplate X before(Iterator<X> iterator, X defaultValue) {
                  return iterator.hasNext() ? iterator.next() : defaultValue;
                }
                @AfterTemplate X after(Iterator<X> iterator, X defaultValue) {
                  return Objects.requireNonNullElse(iterator.next(), defaultValue);
                }
              }
            }
            """,
            """
            package p;
            import java.util.Iterator;
            class A {
              String f(Iterator<String> lines) {
                return lines.hasNext() ? lines.next() : null;
              }
              String g(Iterator<String> lines) {
                return lines.hasNext() ? lines.next() : "";
              }
            }
            """);
    String text = TestTrees.migratedSource(root);
    assertTrue(text.contains("return Objects.requireNonNullElse(lines.next(), null);"), text);
    assertTrue(text.contains("return Objects.requireNonNullElse(lines.next(), \"\");"), text);
    assertEquals(2, r.report().rewrittenCount(), r.report().toText());
  }
}
