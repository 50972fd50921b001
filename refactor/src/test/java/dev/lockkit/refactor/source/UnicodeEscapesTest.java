package dev.lockkit.refactor.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Unicode escapes are decoded as javac's first translation step decodes them (JLS 3.3). */
class UnicodeEscapesTest {

  // The inputs are built with a char so that javac does not decode the escapes of this test's own
  // source before the test sees them.
  private static final String BS = String.valueOf('\\');

  @Test
  void anEscapeIsTheCharacterItNames() {
    assertEquals("xs.size()", UnicodeEscapes.decode("xs." + BS + "u0073ize()"));
  }

  @Test
  void anyNumberOfUsIntroducesAnEscape() {
    assertEquals("fa", UnicodeEscapes.decode(BS + "uuuu0066" + BS + "u0061"));
  }

  @Test
  void aBackslashAfterAnOddRunOfBackslashesStartsNoEscape() {
    String escapedBackslash = BS + BS + "u0066";
    assertEquals(escapedBackslash, UnicodeEscapes.decode(escapedBackslash));
    assertEquals(BS + BS + "f", UnicodeEscapes.decode(BS + BS + BS + "u0066"));
  }

  @Test
  void anEscapeWithoutFourHexDigitsIsLeftAsWritten() {
    assertEquals(BS + "u00g1 " + BS + "u12", UnicodeEscapes.decode(BS + "u00g1 " + BS + "u12"));
  }

  @Test
  void aTextWithoutBackslashesIsReturnedAsItIs() {
    String text = "class A {}";
    assertEquals(text, UnicodeEscapes.decode(text));
  }
}
