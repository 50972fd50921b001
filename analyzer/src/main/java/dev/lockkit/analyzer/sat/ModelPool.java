package dev.lockkit.analyzer.sat;

import java.util.BitSet;

/**
 * Every model the solvers have produced (up to {@value #CAPACITY}), indexed by symbol value so that
 * "does some known model satisfy this conjunction of literals?" costs a few bitset intersections
 * instead of a solver call.
 *
 * <p>Why: each stored model is a valid configuration, so a hit proves a query satisfiable. Gating
 * checks ask tens of thousands of small satisfiable conjunctions ("no finding"); a pool of the last
 * few dozen models answered fewer than half of them, and each miss is a full Sat4j call that pays
 * for the whole feature model. With every model kept, and a query answered by intersecting one
 * bitset per literal ({@code pool/64} words each), the pool covers most of them for microseconds.
 * Answers are the same either way — only which proof is used changes — so results and witnesses do
 * not depend on the pool.
 */
final class ModelPool {
  /** Enough for every model of a 10,000-element run; a full pool simply stops growing. */
  static final int CAPACITY = 1 << 15;

  /** {@code withValue[2 * i + (value ? 1 : 0)]}: the models in which symbol {@code i} has value. */
  private final BitSet[] withValue;

  private int size;

  ModelPool(int symbols) {
    withValue = new BitSet[2 * symbols];
    for (int i = 0; i < withValue.length; i++) {
      withValue[i] = new BitSet();
    }
  }

  /** Remembers {@code model} (indexed like the solver's sorted symbols); ignored when full. */
  void add(boolean[] model) {
    if (size == CAPACITY) {
      return;
    }
    for (int i = 0; i < model.length; i++) {
      withValue[2 * i + (model[i] ? 1 : 0)].set(size);
    }
    size++;
  }

  /** Forgets every model (the hard constraints changed, so they may no longer be valid). */
  void clear() {
    for (BitSet b : withValue) {
      b.clear();
    }
    size = 0;
  }

  /** Whether some remembered model has symbol {@code index} set to {@code value}. */
  boolean anyWith(int index, boolean value) {
    return !withValue[2 * index + (value ? 1 : 0)].isEmpty();
  }

  /**
   * Whether some remembered model gives every symbol {@code indexes[k]} the value {@code
   * values[k]}.
   */
  boolean anySatisfies(int[] indexes, boolean[] values) {
    if (size == 0) {
      return false;
    }
    if (indexes.length == 0) {
      return true;
    }
    BitSet acc = (BitSet) withValue[2 * indexes[0] + (values[0] ? 1 : 0)].clone();
    for (int k = 1; k < indexes.length && !acc.isEmpty(); k++) {
      acc.and(withValue[2 * indexes[k] + (values[k] ? 1 : 0)]);
    }
    return !acc.isEmpty();
  }
}
