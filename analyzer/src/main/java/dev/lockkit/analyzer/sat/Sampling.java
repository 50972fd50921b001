package dev.lockkit.analyzer.sat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Sets of configurations rather than answers to one query: every valid configuration, or a
 * pairwise-covering sample when there are too many — what {@code lockkit variants} lists and
 * builds.
 *
 * <p>Enumeration adds blocking clauses that all contain an activation literal; when enumeration is
 * over the literal is retired with a unit clause, which satisfies (and so disables) every blocking
 * clause without removing anything, so later queries on the same solver are unaffected. Tseitin
 * variables are functions of the symbols, so blocking the projection onto the symbols enumerates
 * each configuration exactly once.
 */
final class Sampling {
  private Sampling() {}

  /**
   * Every assignment of the symbols satisfying the hard constraints and {@code base} (assumption
   * literals), in ascending order of the bit string over the sorted symbols ({@code n} = 0).
   *
   * @throws IllegalStateException if there are more than {@code limit}
   */
  static List<SortedMap<String, Boolean>> enumerate(SolverPair sat, List<Integer> base, int limit) {
    List<String> symbols = sat.symbols();
    List<SortedMap<String, Boolean>> out = new ArrayList<>();
    int activation = sat.newVariable();
    List<Integer> assume = new ArrayList<>(base);
    assume.add(activation);
    int[] a = SolverPair.toArray(assume);
    try {
      while (sat.solve(a)) {
        if (out.size() >= limit) {
          throw new IllegalStateException(
              "more than " + limit + " valid configurations; use a pairwise sample instead");
        }
        boolean[] values = sat.variedModel();
        int[] block = new int[symbols.size() + 1];
        block[0] = -activation;
        SortedMap<String, Boolean> model = new TreeMap<>();
        for (int i = 0; i < symbols.size(); i++) {
          int v = i + 1;
          model.put(symbols.get(i), values[i]);
          block[i + 1] = values[i] ? -v : v;
        }
        out.add(Collections.unmodifiableSortedMap(model));
        sat.addClause(block);
      }
    } finally {
      sat.addClause(-activation);
    }
    out.sort(Sampling::compare);
    return out;
  }

  /**
   * A set of configurations that covers every feasible pair of symbol values ({@code a=x, b=y} for
   * all symbols {@code a < b}) under the hard constraints, built greedily: each new configuration
   * takes as many still-uncovered pairs (in canonical order) as stay jointly satisfiable, then is
   * completed canonically by {@code least}. Pairs no configuration can cover are dropped after one
   * check. Deterministic; usually far smaller than the full enumeration.
   */
  static List<SortedMap<String, Boolean>> pairwise(SolverPair sat, Completion least) {
    LinkedHashSet<List<Integer>> uncovered = new LinkedHashSet<>();
    int n = sat.symbols().size();
    for (int i = 0; i < n; i++) {
      int vi = i + 1;
      if (n == 1) {
        uncovered.add(List.of(-vi));
        uncovered.add(List.of(vi));
      }
      for (int j = i + 1; j < n; j++) {
        int vj = j + 1;
        for (int bits = 0; bits < 4; bits++) {
          uncovered.add(List.of((bits & 2) == 0 ? -vi : vi, (bits & 1) == 0 ? -vj : vj));
        }
      }
    }
    List<SortedMap<String, Boolean>> out = new ArrayList<>();
    while (!uncovered.isEmpty()) {
      List<Integer> assume = new ArrayList<>();
      for (var it = uncovered.iterator(); it.hasNext(); ) {
        List<Integer> pair = it.next();
        if (pair.stream().anyMatch(l -> assume.contains(-l))) {
          continue;
        }
        List<Integer> trial = new ArrayList<>(assume);
        for (int l : pair) {
          if (!trial.contains(l)) {
            trial.add(l);
          }
        }
        if (sat.solve(SolverPair.toArray(trial))) {
          assume.clear();
          assume.addAll(trial);
        } else if (assume.isEmpty()) {
          it.remove(); // infeasible on its own: no configuration can cover it
        }
      }
      if (assume.isEmpty()) {
        continue;
      }
      SortedMap<String, Boolean> model = least.complete(assume);
      out.add(model);
      uncovered.removeIf(
          pair -> pair.stream().allMatch(l -> model.get(sat.symbolOf(Math.abs(l))) == (l > 0)));
    }
    return out;
  }

  /**
   * Orders configurations by their bit strings over the sorted symbols. It lives here, not in
   * {@code SatSolver} which exposes it, so that this class does not depend back on its caller.
   */
  static int compare(SortedMap<String, Boolean> a, SortedMap<String, Boolean> b) {
    var ia = a.entrySet().iterator();
    var ib = b.entrySet().iterator();
    while (ia.hasNext() && ib.hasNext()) {
      var ea = ia.next();
      var eb = ib.next();
      int c = ea.getKey().compareTo(eb.getKey());
      if (c != 0) {
        return c;
      }
      c = Boolean.compare(ea.getValue(), eb.getValue());
      if (c != 0) {
        return c;
      }
    }
    return Boolean.compare(ia.hasNext(), ib.hasNext());
  }

  /** The canonical completion of satisfiable assumptions (extended in place). */
  interface Completion {
    SortedMap<String, Boolean> complete(List<Integer> assume);
  }
}
