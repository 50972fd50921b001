package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A type variable bound through a type argument ({@code Collection<T>}) is held to its bounds as
 * one bound directly is: with {@code T extends Enum<T>} only a collection of enums matches
 * (Picnic's {@code SetsImmutableEnumSetIterable} rewrote Guava's {@code ImmutableSet.copyOf} of any
 * elements to {@code Sets.immutableEnumSet}, 14 sites that do not compile and Error Prone leaves).
 */
class TypeArgumentBoundsTest {

  @TempDir Path root;

  @Test
  void aTypeArgumentOutsideTheVariablesBoundDoesNotMatch() throws Exception {
    var r =
        TestTrees.migrateOneFile(
            root,
            """
            import java.util.Collection;
            import java.util.EnumSet;
            import java.util.Set;
            class T {
              static final class CopyOfEnums<X extends Enum<X>> {
                @BeforeTemplate Set<X> before(Collection<X> elements) {
                  return Set.copyOf(elements);
                }
                @AfterTemplate Set<X> after(Collection<X> elements) {
                  return EnumSet.copyOf(elements);
                }
              }
            }
            """,
            """
            package p;
            import java.util.Collection;
            import java.util.List;
            import java.util.Set;
            class A {
              enum Color { RED }
              Set<Color> colors(List<Color> cs) {
                return Set.copyOf(cs);
              }
              Set<String> strings(List<String> ss) {
                return Set.copyOf(ss);
              }
              <N> Set<N> any(Collection<N> ns) {
                return Set.copyOf(ns);
              }
              Set<Object> wild(Collection<?> os) {
                return Set.copyOf(os);
              }
            }
            """);
    String text = TestTrees.migratedSource(root);
    assertTrue(text.contains("return EnumSet.copyOf(cs);"), text);
    assertTrue(text.contains("return Set.copyOf(ss);"), text);
    assertTrue(text.contains("return Set.copyOf(ns);"), text);
    assertTrue(text.contains("return Set.copyOf(os);"), text);
    assertEquals(1, r.report().rewrittenCount(), r.report().toText());
  }

  @Test
  void twoMethodsTypeVariablesOfOneNameAreToldApartWhateverTheirOrder() throws Exception {
    String template =
        """
        import java.util.Collections;
        import java.util.List;
        class T {
          static final class First<X extends Comparable<? super X>> {
            @BeforeTemplate X before(List<X> l) { return l.get(0); }
            @AfterTemplate X after(List<X> l) { return Collections.min(l); }
          }
        }
        """;
    String bounded = "  <E extends Comparable<E>> E f(List<E> l) { return l.get(0); }\n";
    String free = "  <E> E g(List<E> l) { return l.get(0); }\n";
    for (String body : new String[] {bounded + free, free + bounded}) {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory(root, "order");
      TestTrees.migrateOneFile(
          dir, template, "package p;\nimport java.util.List;\nclass A {\n" + body + "}\n");
      String text = TestTrees.migratedSource(dir);
      assertTrue(text.contains("E f(List<E> l) { return Collections.min(l); }"), text);
      assertTrue(text.contains("E g(List<E> l) { return l.get(0); }"), text);
    }
  }
}
