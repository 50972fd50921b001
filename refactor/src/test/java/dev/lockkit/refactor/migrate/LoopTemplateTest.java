package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An enhanced {@code for} loop in a {@code @BeforeTemplate} (Picnic's {@code
 * CollectionAddAllToCollectionBlock}, which Error Prone applies to jackson-databind): the loop
 * variable binds like a template local, whatever the code calls it, and its declared type binds the
 * template's type variable.
 */
class LoopTemplateTest {

  @TempDir Path root;

  private static final String TEMPLATE =
      """
      import java.util.Collection;
      class T {
        static final class AddAll<E, S extends E> {
          @BeforeTemplate void before(Collection<E> addTo, Collection<S> elements) {
            for (E element : elements) {
              addTo.add(element);
            }
          }
          @AfterTemplate void after(Collection<E> addTo, Collection<S> elements) {
            addTo.addAll(elements);
          }
        }
      }
      """;

  @Test
  void anEnhancedForLoopMatchesTheSameLoopWhateverItsVariableIsCalled() throws Exception {
    var r =
        TestTrees.migrateOneFile(
            root,
            TEMPLATE,
            """
            package p;
            import java.util.*;
            class A {
              void f(Set<String> into, List<String> from, List<Integer> ints, String other) {
                for (final String name : from) {
                  into.add(name);
                }
                for (Integer i : ints) {
                  into.add(String.valueOf(i));
                }
                for (String s : from) {
                  into.add(other);
                }
                for (String s : from) {
                  into.add(s);
                  into.add(s);
                }
                for (String s : from) into.add(s);
              }
            }
            """);
    String text = TestTrees.migratedSource(root);
    assertTrue(text.contains("    into.addAll(from);\n    for (Integer i : ints) {"), text);
    // Another body, another variable, a second statement, a body without braces (Refaster's
    // block template matches a block's statements only): left as they are.
    assertTrue(text.contains("into.add(String.valueOf(i));"), text);
    assertTrue(text.contains("into.add(other);"), text);
    assertTrue(text.contains("into.add(s);\n      into.add(s);"), text);
    assertTrue(text.contains("for (String s : from) into.add(s);"), text);
    assertEquals(1, r.report().rewrittenCount(), r.report().toText());
    assertTrue(r.report().skippedRules().isEmpty(), r.report().toText());
  }

  @Test
  void aLoopWhoseTargetUsesTheLoopVariableOrHasEffectsIsLeft() throws Exception {
    var r =
        TestTrees.migrateOneFile(
            root,
            TEMPLATE,
            """
            package p;
            import java.util.*;
            class A {
              String s = "field";
              int i;
              void f(Map<String, Set<String>> m, List<Set<String>> sets, List<String> y) {
                for (String s : y) {
                  m.get(s).add(s);
                }
                for (String k : y) {
                  m.get(k).add(k);
                }
                for (String k : y) {
                  sets.get(i++).add(k);
                }
                for (String k : y) {
                  sets.get(0).add(k);
                }
              }
            }
            """);
    String text = TestTrees.migratedSource(root);
    assertTrue(text.contains("m.get(s).add(s);"), text);
    assertTrue(text.contains("m.get(k).add(k);"), text);
    assertTrue(text.contains("sets.get(i++).add(k);"), text);
    assertEquals(0, r.report().rewrittenCount(), r.report().toText());
    assertTrue(r.report().toText().contains("uses the loop variable"), r.report().toText());
  }
}
