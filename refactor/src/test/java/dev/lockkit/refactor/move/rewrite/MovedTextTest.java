package dev.lockkit.refactor.move.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MovedTextTest {

  @Test
  void reindentMapsTabStepsToTheDestinationUnitAndKeepsAlignmentSpaces() {
    String tabbed = "\tstatic int f(int a,\n\t             int b) {\n\t\treturn a + b;\n\t}\n";
    assertEquals(
        "  static int f(int a,\n               int b) {\n    return a + b;\n  }\n",
        MovedText.reindent(tabbed, "\t", "\t", "  ", "  "));
  }

  @Test
  void reindentLeavesLessIndentedLinesAlone() {
    String text = "    String s = \"\"\"\nraw\n      \"\"\";\n";
    assertEquals(
        "  String s = \"\"\"\nraw\n    \"\"\";\n",
        MovedText.reindent(text, "    ", "    ", "  ", "  "));
  }

  @Test
  void deletionTakesOneSeparatingBlankLineBeforeOrAfter() {
    String text = "class A {\n  int a;\n\n  int b;\n\n  int c;\n}\n";
    int b = text.indexOf("  int b");
    int bEnd = text.indexOf("\n", b) + 1;
    assertArrayEquals(new int[] {b - 1, bEnd}, MemberText.deletion(text, b, bEnd));
    String first = "class A {\n  int a;\n\n  int b;\n}\n";
    int a = first.indexOf("  int a");
    int aEnd = first.indexOf("\n", a) + 1;
    assertArrayEquals(new int[] {a, aEnd + 1}, MemberText.deletion(first, a, aEnd));
  }
}
