package dev.lockkit.refactor.migrate.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SpelledNamesTest {

  @Test
  void aTemplateSpellsItsMembersAndTypesButNotItsPlaceholders() {
    assertEquals(
        Set.of("indexOf", "compareTo"),
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
            """)
            .stream()
            .filter(n -> n.equals("indexOf") || n.equals("compareTo"))
            .collect(java.util.stream.Collectors.toSet()));
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
