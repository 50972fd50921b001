package dev.lockkit.analyzer.sat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Canonical witnesses: the lexicographically least model (symbols in sorted order, {@code n} before
 * {@code y}) satisfying some assumptions.
 *
 * <p>Why canonical: a witness printed in a report must not depend on the solver's heuristics, or
 * reports would differ run to run (and across the speed-ups of the solver layer). The least model
 * is a property of the formula alone.
 *
 * <p>It is computed greedily, fixing one symbol at a time in sorted order: {@code n} if that is
 * still satisfiable, else {@code y}. The current model only serves as proof that a value is
 * feasible, so the result does not depend on which model the solver returns: a symbol already
 * {@code n} in the current model is fixed for free, a symbol {@code y} in every valid configuration
 * (the backbone) too, and a call is needed only for the others. After a symbol proves forced, one
 * call tests all the rest at once ({@link #restForced}).
 */
final class CanonicalModels {
  private CanonicalModels() {}

  /**
   * The least model satisfying {@code assume} (which is extended in place), or empty if none.
   *
   * @param backbone variables of the symbols that are {@code y} in every valid configuration; asked
   *     only once the assumptions are known to be satisfiable
   */
  static Optional<SortedMap<String, Boolean>> least(
      SolverPair sat, List<Integer> assume, Supplier<Set<Integer>> backbone) {
    if (!sat.solveMinimal(SolverPair.toArray(assume))) {
      return Optional.empty();
    }
    List<String> symbols = sat.symbols();
    boolean[] current = sat.minimalModel();
    Set<Integer> fixed = new HashSet<>(backbone.get());
    for (int l : assume) {
      fixed.add(Math.abs(l));
    }
    for (int i = 0; i < symbols.size(); i++) {
      int v = i + 1;
      if (fixed.contains(v)) {
        continue;
      }
      if (!current[i]) {
        assume.add(-v); // the current model already has it false: fixing it costs nothing
        continue;
      }
      assume.add(-v);
      if (sat.solveMinimal(SolverPair.toArray(assume))) {
        current = sat.minimalModel();
      } else {
        assume.set(assume.size() - 1, v);
        boolean[] better = restForced(sat, assume, current, i, fixed);
        if (better == null) {
          break; // every later y of the current model is forced: it is the least model
        }
        current = better;
      }
    }
    SortedMap<String, Boolean> model = new TreeMap<>();
    for (int i = 0; i < symbols.size(); i++) {
      model.put(symbols.get(i), current[i]);
    }
    return Optional.of(Collections.unmodifiableSortedMap(model));
  }

  /**
   * After a symbol turned out forced {@code y}, tests the rest in one call: can any symbol after
   * position {@code i} that is {@code y} in {@code current} be {@code n} under {@code assume}? If
   * not, every one of them is forced (a larger prefix keeps them forced), so {@code current} is the
   * least model and this returns null; otherwise it returns such a model, still consistent with
   * {@code assume}, for the greedy walk to continue from. Why: symbols forced on by others (what an
   * enabled option selects, a {@code def_bool} whose dependencies hold) come in runs, and proving
   * each one separately was most of the witness cost (on the 1,000-option benchmark, about 4,800 of
   * 4,900 calls). The disjunction is a clause behind a fresh selector variable, retired afterwards
   * with a unit clause, so it never constrains later queries.
   */
  private static boolean[] restForced(
      SolverPair sat, List<Integer> assume, boolean[] current, int i, Set<Integer> fixed) {
    List<Integer> clause = new ArrayList<>();
    for (int j = i + 1; j < current.length; j++) {
      int v = j + 1;
      if (current[j] && !fixed.contains(v)) {
        clause.add(-v);
      }
    }
    if (clause.isEmpty()) {
      return null;
    }
    int selector = sat.newVariable();
    clause.add(0, -selector);
    sat.addClause(SolverPair.toArray(clause));
    List<Integer> trial = new ArrayList<>(assume);
    trial.add(selector);
    try {
      return sat.solveMinimal(SolverPair.toArray(trial)) ? sat.minimalModel() : null;
    } finally {
      sat.addClause(-selector);
    }
  }
}
