package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rewrite never makes a method call itself: Picnic's {@code MinOfPairCustomOrder} matches the
 * body of Guava's own {@code Comparators.min}, and rewriting it to {@code Comparators.min(a, b,
 * comparator)} would recurse forever. The site is left (and listed); the same pattern elsewhere is
 * rewritten.
 */
class SelfCallTest {

  @TempDir Path root;

  @Test
  void theBodyOfTheMethodTheAfterCallsIsLeftWithTheReason() throws Exception {
    var r =
        TestTrees.migrateOneFile(
            root,
            """
            class T {
              static final class Min<X extends Comparable<X>> {
                @BeforeTemplate X before(X a, X b) {
                  return a.compareTo(b) <= 0 ? a : b;
                }
                @AfterTemplate X after(X a, X b) {
                  return p.A.min(a, b);
                }
              }
            }
            """,
            """
            package p;
            public class A {
              public static <X extends Comparable<X>> X min(X a, X b) {
                return a.compareTo(b) <= 0 ? a : b;
              }
              String f(String a, String b) {
                return a.compareTo(b) <= 0 ? a : b;
              }
            }
            """);
    String text = TestTrees.migratedSource(root);
    assertTrue(text.contains("X min(X a, X b) {\n    return a.compareTo(b) <= 0 ? a : b;"), text);
    assertTrue(text.contains("String f(String a, String b) {\n    return p.A.min(a, b);"), text);
    assertEquals(1, r.report().rewrittenCount(), r.report().toText());
    assertEquals(1, r.report().leftCount(), r.report().toText());
    assertTrue(
        r.report()
            .toText()
            .contains(
                "the rewrite would call min(), the method this code is in, from its own body"),
        r.report().toText());
  }

  @Test
  void anOverrideOfTheAftersMethodCalledOnThisIsLeftButADelegateIsRewritten() throws Exception {
    var r =
        TestTrees.migrateOneFile(
            root,
            """
            import java.util.Collection;
            class T {
              static final class SizeZero<E> {
                @BeforeTemplate boolean before(Collection<E> c) { return c.size() == 0; }
                @AfterTemplate boolean after(Collection<E> c) { return c.isEmpty(); }
              }
            }
            """,
            """
            package p;
            import java.util.AbstractCollection;
            import java.util.Collection;
            import java.util.Iterator;
            import java.util.List;
            class Bag<E> extends AbstractCollection<E> {
              private final List<E> items = new java.util.ArrayList<>();
              @Override public Iterator<E> iterator() { return items.iterator(); }
              @Override public int size() { return items.size(); }
              @Override public boolean isEmpty() { return this.size() == 0; }
              boolean none() { return this.size() == 0; }
            }
            class Wrapper {
              private final Collection<String> delegate = new java.util.ArrayList<>();
              public boolean isEmpty() { return delegate.size() == 0; }
            }
            """);
    String text = TestTrees.migratedSource(root);
    assertTrue(text.contains("public boolean isEmpty() { return this.size() == 0; }"), text);
    assertTrue(text.contains("boolean none() { return this.isEmpty(); }"), text);
    assertTrue(text.contains("public boolean isEmpty() { return delegate.isEmpty(); }"), text);
    assertEquals(2, r.report().rewrittenCount(), r.report().toText());
  }

  @Test
  void aSiteInALambdaOfTheMethodIsLeftToo() throws Exception {
    TestTrees.migrateOneFile(
        root,
        """
        class T {
          static final class Min<X extends Comparable<X>> {
            @BeforeTemplate X before(X a, X b) { return a.compareTo(b) <= 0 ? a : b; }
            @AfterTemplate X after(X a, X b) { return p.A.min(a, b); }
          }
        }
        """,
        """
        package p;
        import java.util.Optional;
        public class A {
          public static <X extends Comparable<X>> X min(X a, X b) {
            return Optional.of(a).map(x -> x.compareTo(b) <= 0 ? x : b).get();
          }
        }
        """);
    String text = TestTrees.migratedSource(root);
    assertTrue(text.contains("map(x -> x.compareTo(b) <= 0 ? x : b)"), text);
  }
}
