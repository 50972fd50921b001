package dev.lockkit.analyzer.sat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModelPoolTest {
  @Test
  void answersAConjunctionOnlyWhenOneRememberedModelSatisfiesAllOfIt() {
    ModelPool pool = new ModelPool(3);
    pool.add(new boolean[] {true, false, false});
    pool.add(new boolean[] {false, true, true});
    assertTrue(pool.anySatisfies(new int[] {0, 1}, new boolean[] {true, false}));
    assertTrue(pool.anySatisfies(new int[] {1, 2}, new boolean[] {true, true}));
    // Each literal holds in some model, but never both in the same one.
    assertFalse(pool.anySatisfies(new int[] {0, 2}, new boolean[] {true, true}));
    assertTrue(pool.anyWith(2, false));
    assertTrue(pool.anySatisfies(new int[0], new boolean[0]));
  }

  @Test
  void anEmptyPoolProvesNothing() {
    ModelPool pool = new ModelPool(2);
    assertFalse(pool.anySatisfies(new int[0], new boolean[0]));
    pool.add(new boolean[] {true, true});
    pool.clear();
    assertFalse(pool.anySatisfies(new int[] {0}, new boolean[] {true}));
    assertFalse(pool.anyWith(0, true));
  }
}
