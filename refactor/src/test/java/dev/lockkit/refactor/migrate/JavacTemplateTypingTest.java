package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates whose names javac resolves (the template file is attributed by javac): forms that
 * JavaParser's symbol solver could not type, and whose rules were skipped for it.
 */
class JavacTemplateTypingTest {

  @TempDir Path root;

  private Migration.Result migrate(String template, String source) throws Exception {
    return TestTrees.migrateOneFile(root, template, source);
  }

  private String result() {
    return TestTrees.migratedSource(root);
  }

  @Test
  void aMethodReferenceOnAPlaceholderMatchesAReferenceOnThatVariable() throws Exception {
    Migration.Result r =
        migrate(
            """
            import java.util.Collection;
            import java.util.Collections;
            class T {
              static final class Disjoint<X> {
                @BeforeTemplate boolean before(Collection<X> set, Collection<X> other) {
                  return other.stream().anyMatch(set::contains);
                }
                @AfterTemplate boolean after(Collection<X> set, Collection<X> other) {
                  return !Collections.disjoint(set, other);
                }
              }
            }
            """,
            """
            package p;
            import java.util.List;
            import java.util.Set;
            class A {
              boolean f(List<String> names, Set<String> known) {
                return names.stream().anyMatch(known::contains);
              }
              boolean g(List<String> names, Set<Integer> ids) {
                return names.stream().anyMatch(ids::contains);
              }
              boolean h(List<String> names) {
                return names.stream().anyMatch(String::isEmpty);
              }
            }
            """);
    assertEquals(0, r.report().skippedRules().size(), r.report().toText());
    String text = result();
    assertTrue(text.contains("return !Collections.disjoint(known, names);"), text);
    // Set<Integer> and List<String> bind X twice, differently: not the rule's form.
    assertTrue(text.contains("return names.stream().anyMatch(ids::contains);"), text);
    assertTrue(text.contains("return names.stream().anyMatch(String::isEmpty);"), text);
  }

  @Test
  void aMethodReferenceOnALambdaParameterBindsLikeThatParameter() throws Exception {
    Migration.Result r =
        migrate(
            """
            import java.util.List;
            import java.util.function.Predicate;
            class T {
              static final class AnyEqual<X> {
                @BeforeTemplate boolean before(List<List<X>> lists, X x) {
                  return lists.stream().anyMatch(l -> l.stream().anyMatch(x::equals));
                }
                @AfterTemplate boolean after(List<List<X>> lists, X x) {
                  return lists.stream().anyMatch(l -> l.contains(x));
                }
              }
            }
            """,
            """
            package p;
            import java.util.List;
            class A {
              boolean f(List<List<String>> rows, String s) {
                return rows.stream().anyMatch(row -> row.stream().anyMatch(s::equals));
              }
            }
            """);
    assertEquals(0, r.report().skippedRules().size(), r.report().toText());
    assertTrue(
        result().contains("return rows.stream().anyMatch(row -> row.contains(s));"), result());
  }

  @Test
  void aGenericInterfaceMethodMatchesItsOverrideForOneInstantiation() throws Exception {
    // String.compareTo(String) overrides Comparable<T>.compareTo(T), whose erasure is (Object):
    // javac's subsignature check, not the erased signatures, decides.
    Migration.Result r =
        migrate(
            """
            import java.util.Comparator;
            class T {
              static final class NaturalOrder<X extends Comparable<? super X>> {
                @BeforeTemplate Comparator<X> before() { return X::compareTo; }
                @AfterTemplate Comparator<X> after() { return Comparator.naturalOrder(); }
              }
            }
            """,
            """
            package p;
            import java.util.Comparator;
            class A {
              Comparator<String> f() {
                return String::compareTo;
              }
              Comparator<String> g() {
                return String::compareToIgnoreCase;
              }
              @SuppressWarnings({"rawtypes", "unchecked"})
              <E extends Comparable<? super E>> Comparator<E> h() {
                return Comparable::compareTo;
              }
            }
            """);
    assertEquals(0, r.report().skippedRules().size(), r.report().toText());
    String text = result();
    assertTrue(text.contains("return Comparator.naturalOrder();"), text);
    assertTrue(text.contains("return String::compareToIgnoreCase;"), text);
    // The raw type Comparable instantiates no type variable (Refaster leaves it too).
    assertTrue(text.contains("return Comparable::compareTo;"), text);
  }
}
