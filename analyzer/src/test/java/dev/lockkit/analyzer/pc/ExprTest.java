package dev.lockkit.analyzer.pc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ExprTest {
  private static final Expr A = Expr.sym("A");
  private static final Expr B = Expr.sym("B");
  private static final Expr C = Expr.sym("C");

  @Test
  void smartConstructorsDropNeutralConstantsAndShortCircuit() {
    assertEquals(A, Expr.and(Expr.TRUE, A));
    assertEquals(Expr.FALSE, Expr.and(A, Expr.FALSE, B));
    assertEquals(Expr.TRUE, Expr.or(A, Expr.TRUE));
    assertEquals(Expr.FALSE, Expr.and(A, Expr.not(A)));
    assertEquals(Expr.TRUE, Expr.or(Expr.not(B), B));
    assertEquals(A, Expr.not(Expr.not(A)));
  }

  @Test
  void nestedConjunctionsFlattenAndDeduplicateInFirstOccurrenceOrder() {
    Expr e = Expr.and(B, Expr.and(A, B), C);
    assertEquals(new Expr.And(List.of(B, A, C)), e);
  }

  @Test
  void printingUsesMinimalParenthesesAndParsesBackToAnEquivalentFormula() throws Exception {
    List<Expr> samples =
        List.of(
            Expr.or(A, Expr.and(B, C)),
            Expr.and(Expr.or(A, B), C),
            Expr.not(Expr.or(A, B)),
            Expr.and(Expr.not(A), Expr.or(B, Expr.not(C))));
    assertEquals("A || B && C", samples.get(0).toString());
    assertEquals("(A || B) && C", samples.get(1).toString());
    assertEquals("!(A || B)", samples.get(2).toString());
    for (Expr e : samples) {
      Expr back = ExprParser.parse(e.toString(), ExprParser.Dialect.ANNOTATION).expr();
      assertEquals(e, back, e.toString());
      for (int bits = 0; bits < 8; bits++) {
        Predicate<String> v = assignment(bits);
        assertEquals(e.eval(v), back.eval(v));
      }
    }
  }

  @Test
  void symbolsAreSortedAndDistinct() {
    assertEquals(
        List.of("A", "B", "C"), List.copyOf(Expr.or(C, Expr.and(A, Expr.not(C)), B).symbols()));
  }

  static Predicate<String> assignment(int bits) {
    return s -> ((bits >> (s.charAt(0) - 'A')) & 1) == 1;
  }
}
