package dev.lockkit.refactor.migrate.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which files' text can hold a site, and the top-level types of a file read from its text. */
class CandidatesTest {

  private static final String KEYS =
      """
      import p.Keys;
      class T {
        class NewHash {
          @BeforeTemplate int before(String s) { return Keys.oldHash(s); }
          @AfterTemplate int after(String s) { return s.hashCode(); }
        }
      }
      """;

  @Test
  void aFileThatSpellsTheNameIsACandidateAndOneThatDoesNotIsNot() {
    Candidates c = Candidates.of(KEYS);
    assertTrue(c.test("class A { int f(String s) { return p.Keys.oldHash(s); } }"));
    assertTrue(c.test("class A { java.util.function.ToIntFunction<String> f = Keys::oldHash; }"));
    assertFalse(c.test("class A { int f(String s) { return s.length(); } }"));
    // a longer identifier that contains the name is another name
    assertFalse(c.test("class A { int oldHashes; }"));
  }

  @Test
  void aUnicodeEscapeMakesAnyFileACandidate() {
    assertTrue(
        Candidates.of(KEYS).test("class A { int f(String s) { return \\u006FldHash(s); } }"));
  }

  @Test
  void aTemplateWithoutANameToAnchorOnMakesEveryFileACandidate() {
    Candidates c =
        Candidates.of(
            """
            class T {
              class Sum {
                @BeforeTemplate int before(int a, int b) { return a + b; }
                @AfterTemplate int after(int a, int b) { return Math.addExact(a, b); }
              }
            }
            """);
    assertTrue(c.test("class A {}"));
  }

  @Test
  void literalsAStructuralTemplateComparesAreRequiredWords() {
    Candidates c =
        Candidates.of(
            """
            class T {
              class Concat {
                @BeforeTemplate String before(Object o) { return "" + o; }
                @AfterTemplate String after(Object o) { return String.valueOf(o); }
              }
              class Default {
                @BeforeTemplate <V> V before(V a, V b) { return a == null ? b : a; }
                @AfterTemplate <V> V after(V a, V b) { return java.util.Objects.requireNonNullElse(a, b); }
              }
            }
            """);
    assertTrue(c.test("class A { String f(int i) { return \"\" + i; } }"));
    assertTrue(c.test("class A { Object f(Object a) { return a == null ? this : a; } }"));
    assertFalse(c.test("class A { int f(int a, int b) { return a > b ? a : b + 1; } }"));
  }

  @Test
  void namesUnderAnyOfAreNotRequiredButStillFindSitesLeft() {
    Candidates c =
        Candidates.of(
            """
            import java.util.Collections;
            class T {
              class Empty {
                @BeforeTemplate <E> boolean before() {
                  return Refaster.anyOf(Collections.<E>emptyList(), java.util.List.<E>of()).isEmpty();
                }
                @AfterTemplate <E> boolean after() { return true; }
              }
            }
            """);
    // every alternative's method is a name a site left may spell, and 'isEmpty' every match
    assertTrue(c.test("class A { Object o = emptyList(); }"));
    assertTrue(c.test("class A { Object o = java.util.List.of(); }"));
    assertTrue(c.test("class A { boolean b = s.isEmpty(); }"));
    // a bare type qualifier alone is not: a site spells a member after it (the segments of a
    // qualified name, such as 'util', may be fields as far as the text can tell, so they count)
    assertFalse(c.test("class A { Collections c; }"));
  }

  @Test
  void anOperatorOverAnyOfAlternativesHasNoRequiredWord() {
    Candidates c =
        Candidates.of(
            """
            class T {
              class Empty {
                @BeforeTemplate boolean before(String s) {
                  return Refaster.anyOf(s.isEmpty(), s.isBlank());
                }
              }
            }
            """);
    assertTrue(c.test("class A {}"));
  }

  @Test
  void topLevelTypesAreReadPastCommentsLiteralsAndClassLiterals() {
    assertEquals(
        Optional.of(List.of("A", "B", "C", "D", "P")),
        TopLevelScan.typesOf(
            """
            package x; // class Wrong
            /* interface Wrong2 */
            @Ann(value = Foo.class, s = "enum Wrong3 {")
            public class A { class Nested {} String s = "}"; char c = '}'; }
            interface B {}
            enum C { X { void f() {} } }
            @interface D {}
            record P<T>(T t) {}
            """));
  }

  @Test
  void aTextTheTypeScanCannotFollowIsNotGuessed() {
    assertEquals(Optional.empty(), TopLevelScan.typesOf("class A { /* unclosed"));
    assertEquals(Optional.empty(), TopLevelScan.typesOf("class A { void f() { }"));
  }
}
