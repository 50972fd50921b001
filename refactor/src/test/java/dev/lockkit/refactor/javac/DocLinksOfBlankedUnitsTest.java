package dev.lockkit.refactor.javac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a unit attributed with only the bodies that spell some names, javac's elements of Javadoc
 * links are indexed only for the comments that spell one of those names (a link spells what it
 * denotes); a unit attributed whole has every link indexed.
 */
class DocLinksOfBlankedUnitsTest {

  @TempDir Path tmp;
  private Path src;
  private Path unit;
  private final String text =
      "package a;\n\n/** Uses {@link java.util.List}. */\npublic class U {\n"
          + "  /** Calls {@link T#twice(int)}. */\n  int g() { return T.twice(1); }\n\n"
          + "  /** See {@link T#other()}. */\n  int h() { return T.other(); }\n}\n";

  @BeforeEach
  void tree() throws Exception {
    src = tmp.resolve("src");
    Files.createDirectories(src.resolve("a"));
    Files.writeString(
        src.resolve("a/T.java"),
        "package a;\n\npublic class T {\n  public static int twice(int x) { return 2 * x; }\n\n"
            + "  public static int other() { return 0; }\n}\n");
    unit = src.resolve("a/U.java");
    Files.writeString(unit, text);
  }

  private Element link(Attribution a, String reference) {
    int start = text.indexOf(reference);
    return a.linkAt(unit, start, start + reference.length());
  }

  @Test
  void aBlankedUnitHasTheLinksOfCommentsThatSpellAName() {
    Attribution a =
        Attribution.of(
            List.of(new Attribution.Unit(unit, text, Set.of("twice"))), List.of(src), List.of());
    Element twice = link(a, "T#twice(int)");
    assertNotNull(twice);
    assertEquals("twice(int)", twice.toString());
    assertNull(link(a, "T#other()"), "the comment spells no kept name");
    assertNull(link(a, "java.util.List"), "the comment spells no kept name");
  }

  @Test
  void aWholeUnitHasEveryLink() {
    Attribution a =
        Attribution.of(List.of(new Attribution.Unit(unit, text)), List.of(src), List.of());
    assertNotNull(link(a, "T#twice(int)"));
    assertNotNull(link(a, "T#other()"));
    assertEquals("java.util.List", link(a, "java.util.List").toString());
  }
}
