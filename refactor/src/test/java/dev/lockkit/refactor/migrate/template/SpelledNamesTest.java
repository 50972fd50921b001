package dev.lockkit.refactor.migrate.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SpelledNamesTest {

  @Test
  void aTemplateSpellsItsMembersAndTypesButNotItsPlaceholders() {
    Set<String> names =
        SpelledNames.of(
            """
            class T {
              class R {
                @BeforeTemplate <E> boolean before(java.util.List<E> indexOf, E e) {
                  return indexOf.indexOf(e) >= 0 && e.equals(null) == false;
                }
                @BeforeTemplate java.util.Comparator<String> other() { return String::compareTo; }
              }
            }
            """);
    assertTrue(
        names.containsAll(Set.of("indexOf", "equals", "compareTo", "String")), names::toString);
    assertFalse(names.contains("e"), names::toString);
  }

  @Test
  void aCallOfAPlaceholderMethodIsNoNameASiteSpells() {
    // Before: {isBad}, so only bodies spelling "isBad" were attributed and no site matched.
    assertNull(
        SpelledNames.of(
            """
            class T {
              abstract static class R<X> {
                @Placeholder abstract boolean isBad(X x);
                @BeforeTemplate boolean before(X x) { return !isBad(x); }
              }
            }
            """));
  }

  @Test
  void aTemplateOfPlaceholdersOnlyKeepsTheBodiesSpellingItsOperator() {
    assertEquals(
        Set.of("?"),
        SpelledNames.of(
            """
            class T {
              class R<X> {
                @BeforeTemplate X before(X a, X b) { return a == null ? b : a; }
              }
            }
            """));
  }

  @Test
  void aNegatableTemplateOfPlaceholdersOnlyNeedsEveryBody() {
    assertNull(
        SpelledNames.of(
            """
            class T {
              class R {
                @BeforeTemplate @AlsoNegation boolean before(Object a, Object b) { return a == b; }
              }
            }
            """));
  }
}
