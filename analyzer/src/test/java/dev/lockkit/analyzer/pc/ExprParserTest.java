package dev.lockkit.analyzer.pc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.pc.ExprParser.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExprParserTest {

  private static Expr parse(String s, Dialect d) throws ExprSyntaxException {
    return ExprParser.parse(s, d).expr();
  }

  @Test
  void andBindsTighterThanOrAndNotTighterThanAnd() throws Exception {
    Expr e = parse("A || B && !C", Dialect.ANNOTATION);
    for (int bits = 0; bits < 8; bits++) {
      boolean a = (bits & 1) != 0;
      boolean b = (bits & 2) != 0;
      boolean c = (bits & 4) != 0;
      assertEquals(a || (b && !c), e.eval(ExprTest.assignment(bits)), "bits " + bits);
    }
  }

  @Test
  void errorsCarryTheOffsetOfTheOffendingCharacter() {
    assertEquals(6, offsetOf("MMU &&"));
    assertEquals(11, offsetOf("(MMU || SMP"));
    assertEquals(4, offsetOf("MMU & SMP"));
    assertEquals(0, offsetOf("   "));
    assertEquals(4, offsetOf("MMU MMU"));
  }

  private static int offsetOf(String text) {
    return assertThrows(ExprSyntaxException.class, () -> parse(text, Dialect.ANNOTATION)).offset();
  }

  @Test
  void symbolUsesRecordWhereEachNameStarts() throws Exception {
    var uses = ExprParser.parse("PER_VMA_LOCK && !MMU", Dialect.ANNOTATION).uses();
    assertEquals(
        List.of(new ExprParser.SymbolUse("PER_VMA_LOCK", 0), new ExprParser.SymbolUse("MMU", 17)),
        uses);
  }

  @Test
  void kconfigDialectHasComparisonsAndTristateConstants() throws Exception {
    assertEquals(Expr.sym("A"), parse("A = y", Dialect.KCONFIG));
    assertEquals(Expr.sym("A"), parse("A != n", Dialect.KCONFIG));
    assertEquals(Expr.not(Expr.sym("A")), parse("A = \"n\"", Dialect.KCONFIG));
    assertEquals(Expr.TRUE, parse("y", Dialect.KCONFIG));
    ExprSyntaxException m =
        assertThrows(ExprSyntaxException.class, () -> parse("m", Dialect.KCONFIG));
    assertTrue(m.getMessage().contains("tristate"));
  }

  @Test
  void annotationDialectRejectsComparisonsButKnowsTrueAndFalse() throws Exception {
    assertThrows(ExprSyntaxException.class, () -> parse("A = y", Dialect.ANNOTATION));
    assertEquals(Expr.sym("y"), parse("y", Dialect.ANNOTATION));
    assertEquals(Expr.FALSE, parse("A && false", Dialect.ANNOTATION));
  }

  @Test
  void nestingBeyondTheLimitIsRefusedWithoutAStackOverflow() throws Exception {
    String ok = "(".repeat(ExprParser.MAX_DEPTH) + "A" + ")".repeat(ExprParser.MAX_DEPTH);
    assertEquals(Expr.sym("A"), ExprParser.parse(ok, ExprParser.Dialect.ANNOTATION).expr());
    for (String deep :
        new String[] {"(".repeat(5000) + "A" + ")".repeat(5000), "!".repeat(5000) + "A"}) {
      ExprTooDeepException e =
          assertThrows(
              ExprTooDeepException.class, () -> ExprParser.parse(deep, ExprParser.Dialect.KCONFIG));
      assertEquals(
          "expression nested too deep (limit " + ExprParser.MAX_DEPTH + ")", e.getMessage());
      assertEquals(ExprParser.MAX_DEPTH, e.offset());
    }
  }
}
