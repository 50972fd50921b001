package dev.lockkit.analyzer.sat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The unsatisfiable cores found so far: sets of symbol literals that no valid configuration has
 * together, each a subset of a conjunction the solver refuted (Sat4j's explanation in terms of the
 * assumptions). A later conjunction containing one is unsatisfiable without a solver call.
 *
 * <p>Why: the model pool proves satisfiable conjunctions, but a refutation always needed the
 * solver, and most of the remaining gating calls were refutations — one per dead or redundant
 * condition. Many of those share their reason: code under {@code PER_VMA_LOCK && !MMU} is dead
 * whatever else encloses it, and the core is just those two literals. Answers do not change — only
 * whether a solver call proves them — so the hard constraints must not change while cores are kept
 * (the owner clears them when they do).
 */
final class UnsatCores {
  /** Cores by their first (smallest) literal; each core is sorted. */
  private final Map<Integer, List<int[]>> byFirst = new HashMap<>();

  /** Remembers {@code core} (any order) if it is a non-empty subset of {@code term}. */
  void add(int[] core, List<Integer> term) {
    if (core == null || core.length == 0) {
      return;
    }
    int[] sorted = core.clone();
    Arrays.sort(sorted);
    for (int l : sorted) {
      if (!term.contains(l)) {
        return; // not an explanation of this term after all: keep nothing rather than guess
      }
    }
    byFirst.computeIfAbsent(sorted[0], k -> new ArrayList<>()).add(sorted);
  }

  /** Whether the sorted conjunction {@code term} contains a known core. */
  boolean refutes(List<Integer> term) {
    if (byFirst.isEmpty()) {
      return false;
    }
    for (int l : term) {
      List<int[]> cores = byFirst.get(l);
      if (cores == null) {
        continue;
      }
      for (int[] core : cores) {
        if (containsAll(term, core)) {
          return true;
        }
      }
    }
    return false;
  }

  void clear() {
    byFirst.clear();
  }

  private static boolean containsAll(List<Integer> sortedTerm, int[] sortedCore) {
    int i = 0;
    for (int l : sortedCore) {
      while (i < sortedTerm.size() && sortedTerm.get(i) < l) {
        i++;
      }
      if (i == sortedTerm.size() || sortedTerm.get(i) != l) {
        return false;
      }
    }
    return true;
  }
}
