package dev.lockkit.analyzer.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesFileTest {

  private static String error(String text) {
    return assertThrows(RulesException.class, () -> RulesFile.parse(text, "r.txt")).getMessage();
  }

  @Test
  void parsesLayersInOrderForbidsAndSeverities() throws Exception {
    RulesFile r =
        RulesFile.parse(
            "# comment\nversion 1\nlayer hi a.hi.**\nlayer lo a.lo  # trailing comment\n"
                + "order lo hi\nforbid a.** -> b.*\nforbid-module m1 -> *\nseverity cycle/type error\n",
            "r.txt");
    assertEquals(List.of("lo", "hi"), List.copyOf(r.layers().keySet()));
    assertEquals(0, r.layerRank("a.lo"));
    assertEquals(-1, r.layerRank("a.lo.sub"));
    assertEquals(1, r.layerRank("a.hi.deep.er"));
    assertEquals(1, r.forbidden().size());
    assertEquals(6, r.forbidden().get(0).line());
    assertEquals(Severity.ERROR, r.severities().get("cycle/type"));
  }

  @Test
  void aByteOrderMarkBeforeTheFirstDirectiveIsNotPartOfIt() throws Exception {
    RulesFile r = RulesFile.parse("\ufefflayer lo a.lo\nlayer hi a.hi\norder lo hi\n", "r.txt");
    assertEquals(List.of("lo", "hi"), List.copyOf(r.layers().keySet()));
    assertEquals(0, r.layerRank("a.lo"));
  }

  @Test
  void unknownDirectiveIsAnErrorWithFileLineAndColumn() {
    String m = error("version 1\n\n   layr x a.b\n");
    assertTrue(m.startsWith("r.txt:3:4: unknown directive 'layr'"), m);
  }

  @Test
  void badPatternIsAnErrorPointingAtTheBadSegment() {
    String m = error("layer x a..b\norder x x2\n");
    assertTrue(m.startsWith("r.txt:1:11: bad pattern 'a..b'"), m);
    String star = error("forbid a.b* -> c\n");
    assertTrue(star.startsWith("r.txt:1:10: bad pattern 'a.b*'"), star);
  }

  @Test
  void layerMissingFromOrderAndOrderNamingAnUnknownLayerAreErrors() {
    assertTrue(error("layer a x.a\nlayer b x.b\norder a c\n").contains("'order' names layer 'c'"));
    assertTrue(
        error("layer a x.a\nlayer b x.b\nlayer c x.c\norder a b\n")
            .startsWith("r.txt:3:1: layer 'c' is not listed"));
  }

  @Test
  void malformedForbidAndUnknownSeverityRuleAreErrors() {
    assertTrue(error("forbid a b\n").startsWith("r.txt:1:1: expected 'forbid FROM -> TO'"));
    assertTrue(
        error("severity cycle/nope error\n").startsWith("r.txt:1:10: unknown rule 'cycle/nope'"));
    assertTrue(error("severity cycle/type fatal\n").startsWith("r.txt:1:21: unknown severity"));
  }

  @Test
  void patternsMatchSegmentsNotSubstrings() {
    NamePattern p = NamePattern.parse("a.*.c");
    assertTrue(p.matches("a.b.c"));
    assertFalse(p.matches("a.b.x.c"));
    NamePattern tree = NamePattern.parse("a.b.**");
    assertTrue(tree.matches("a.b"));
    assertTrue(tree.matches("a.b.c.d"));
    assertFalse(tree.matches("a.bc"));
    assertTrue(NamePattern.parse("**").matches("anything.at.all"));
  }
}
