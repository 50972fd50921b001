package dev.lockkit.analyzer.sat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.pc.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every answer is checked against brute force over all assignments of a few symbols. */
class SatSolverTest {
  private static final List<String> SYMBOLS = List.of("A", "B", "C", "D", "E", "F");

  private static Expr randomFormula(SplittableRandom r, int depth) {
    if (depth == 0 || r.nextInt(4) == 0) {
      Expr s = Expr.sym(SYMBOLS.get(r.nextInt(SYMBOLS.size())));
      return r.nextBoolean() ? s : Expr.not(s);
    }
    Expr a = randomFormula(r, depth - 1);
    Expr b = randomFormula(r, depth - 1);
    return switch (r.nextInt(3)) {
      case 0 -> Expr.and(a, b);
      case 1 -> Expr.or(a, b);
      default -> Expr.not(Expr.and(a, b));
    };
  }

  private static SortedMap<String, Boolean> config(int bits) {
    SortedMap<String, Boolean> c = new TreeMap<>();
    for (int i = 0; i < SYMBOLS.size(); i++) {
      c.put(SYMBOLS.get(i), ((bits >> (SYMBOLS.size() - 1 - i)) & 1) == 1);
    }
    return c;
  }

  /** All models of {@code e}, in ascending bit order (A most significant, n before y). */
  private static List<SortedMap<String, Boolean>> bruteForce(Expr e) {
    List<SortedMap<String, Boolean>> out = new ArrayList<>();
    for (int bits = 0; bits < 1 << SYMBOLS.size(); bits++) {
      SortedMap<String, Boolean> c = config(bits);
      if (e.eval(c::get)) {
        out.add(c);
      }
    }
    return out;
  }

  @Test
  void enumerationSatisfiabilityAndWitnessesAgreeWithBruteForce() {
    SplittableRandom r = new SplittableRandom(7);
    for (int round = 0; round < 40; round++) {
      Expr hard = Expr.and(randomFormula(r, 3), randomFormula(r, 2));
      SatSolver solver = new SatSolver(SYMBOLS);
      solver.require(hard);
      assertEquals(bruteForce(hard), solver.enumerate(Expr.TRUE, 1000), hard.toString());
      for (int q = 0; q < 5; q++) {
        Expr query = randomFormula(r, 3);
        List<SortedMap<String, Boolean>> models = bruteForce(Expr.and(hard, query));
        assertEquals(!models.isEmpty(), solver.isSatisfiable(query), hard + " / " + query);
        Optional<SortedMap<String, Boolean>> w = solver.witness(query);
        assertEquals(models.stream().findFirst(), w, "canonical witness of " + query);
        assertEquals(w, solver.witness(query), "cached answer");
      }
      // enumeration left no trace: the full space is still there
      assertEquals(bruteForce(hard).size(), solver.enumerate(Expr.TRUE, 1000).size());
    }
  }

  @Test
  void pairwiseSampleCoversEveryFeasiblePairWithValidConfigurations() {
    SplittableRandom r = new SplittableRandom(11);
    for (int round = 0; round < 10; round++) {
      Expr hard = randomFormula(r, 3);
      SatSolver solver = new SatSolver(SYMBOLS);
      solver.require(hard);
      List<SortedMap<String, Boolean>> all = bruteForce(hard);
      List<SortedMap<String, Boolean>> sample = solver.pairwiseSample();
      assertTrue(all.containsAll(sample), "sample holds only valid configurations");
      for (String a : SYMBOLS) {
        for (String b : SYMBOLS) {
          if (a.compareTo(b) >= 0) {
            continue;
          }
          for (int v = 0; v < 4; v++) {
            boolean va = (v & 2) != 0;
            boolean vb = (v & 1) != 0;
            boolean feasible = all.stream().anyMatch(c -> c.get(a) == va && c.get(b) == vb);
            boolean covered = sample.stream().anyMatch(c -> c.get(a) == va && c.get(b) == vb);
            assertEquals(feasible, covered, a + "=" + va + ", " + b + "=" + vb + " under " + hard);
          }
        }
      }
    }
  }

  @Test
  void contradictoryConstraintsAnswerFalseEverywhere() {
    SatSolver solver = new SatSolver(SYMBOLS);
    solver.require(Expr.sym("A"));
    solver.require(Expr.not(Expr.sym("A")));
    assertFalse(solver.isSatisfiable(Expr.TRUE));
    assertEquals(Optional.empty(), solver.witness(Expr.TRUE));
    assertEquals(List.of(), solver.enumerate(Expr.TRUE, 10));
  }

  @Test
  void symbolsForcedOnInEveryConfigurationAreShortcutButNothingElseIs() {
    SatSolver s = new SatSolver(List.of("A", "B", "C"));
    s.require(Expr.sym("A")); // A is y everywhere: the solver may skip it
    s.require(Expr.or(Expr.sym("B"), Expr.sym("C"))); // neither B nor C is forced on its own
    assertFalse(s.isSatisfiable(Expr.not(Expr.sym("A"))));
    assertTrue(s.isSatisfiable(Expr.not(Expr.sym("B"))));
    assertTrue(s.isSatisfiable(Expr.not(Expr.sym("C"))));
    assertFalse(s.isSatisfiable(Expr.and(Expr.not(Expr.sym("B")), Expr.not(Expr.sym("C")))));
    assertEquals(
        new TreeMap<>(java.util.Map.of("A", true, "B", false, "C", true)),
        s.witness(Expr.TRUE).orElseThrow());
    assertEquals(
        new TreeMap<>(java.util.Map.of("A", true, "B", true, "C", false)),
        s.witness(Expr.not(Expr.sym("C"))).orElseThrow());
  }
}
