package dev.lockkit.analyzer.sat;

import dev.lockkit.analyzer.pc.Expr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * An incremental satisfiability oracle over a fixed, sorted set of boolean symbols.
 *
 * <p><b>Implementation overview.</b> The clauses live in a {@link SolverPair} (two Sat4j solvers,
 * one with varied models for answers, one with mostly-{@code n} models for witnesses). Hard
 * constraints (the feature model) are added once with {@link #require}. A query whose disjunctive
 * normal form is small (at most {@value #DNF_LIMIT} terms, always the case for gating conditions)
 * is answered term by term with assumptions only, so it adds nothing to the solvers: their size,
 * which every Sat4j call pays for, stays that of the feature model. Any larger query is
 * Tseitin-encoded and answered by assuming the literals of its top-level conjuncts. Answers are
 * cached by the sorted assumption set. Before solving, a term is looked up in the {@link ModelPool}
 * of every model found so far (each a valid configuration): a satisfiable term — the common case,
 * "no finding" — is usually answered that way without solving at all.
 *
 * <p>Witnesses are canonical ({@link CanonicalModels}): the lexicographically least model, so
 * reports are byte-identical run to run whatever the solvers' heuristics do. Enumeration and
 * pairwise samples are in {@link Sampling}.
 *
 * <p>Not thread-safe: a solver is owned by one analysis at a time.
 */
public final class SatSolver {
  /** Queries whose DNF has at most this many terms are answered term by term, unencoded. */
  private static final int DNF_LIMIT = 16;

  private final SolverPair sat;
  private final Map<List<Integer>, Boolean> satCache = new HashMap<>();
  private final UnsatCores cores = new UnsatCores();
  private final Map<List<Integer>, Optional<SortedMap<String, Boolean>>> witnessCache =
      new HashMap<>();

  /**
   * Variables of the symbols that are {@code y} in every valid configuration (the positive
   * backbone), computed on first need; null until then and after {@link #require}. A query term
   * that negates one is unsatisfiable without a solver call, a term that asserts one need not
   * mention it, and a canonical witness sets it without trying {@code n} first — in a real Kconfig
   * many symbols ({@code def_bool y} without dependencies, what they select) are such constants.
   */
  private Set<Integer> alwaysTrue;

  /** A solver over {@code symbols} (sorted and deduplicated here) with no constraints yet. */
  public SatSolver(Collection<String> symbols) {
    sat = new SolverPair(List.copyOf(new TreeSet<>(symbols)));
  }

  /** The symbols, sorted. */
  public List<String> symbols() {
    return sat.symbols();
  }

  /** How many times the underlying solvers ran (cache misses), for benchmarks. */
  public long solverCalls() {
    return sat.solverCalls();
  }

  /** How many queries a remembered model answered without the solver, for benchmarks. */
  public long modelHits() {
    return sat.modelHits();
  }

  /** Adds {@code constraint} as a hard constraint; clears the query caches. */
  public void require(Expr constraint) {
    for (Expr conjunct : conjuncts(constraint)) {
      if (conjunct instanceof Expr.Or or) {
        int[] clause = new int[or.operands().size()];
        for (int i = 0; i < clause.length; i++) {
          clause[i] = sat.literal(or.operands().get(i));
        }
        sat.addClause(clause);
      } else {
        sat.addClause(sat.literal(conjunct));
      }
    }
    satCache.clear();
    witnessCache.clear();
    sat.forgetModels();
    cores.clear();
    alwaysTrue = null;
  }

  /** Whether some assignment satisfies the hard constraints and {@code query}. */
  public boolean isSatisfiable(Expr query) {
    List<List<Integer>> terms = Dnf.of(query, sat::variable, DNF_LIMIT);
    if (terms != null) {
      for (List<Integer> term : terms) {
        if (termSatisfiable(term)) {
          return true;
        }
      }
      return false;
    }
    List<Integer> key = assumptions(query);
    if (key == null) {
      return false;
    }
    Boolean known = satCache.get(key);
    if (known != null) {
      return known;
    }
    boolean answer = sat.recentModelSatisfies(query) || sat.solve(SolverPair.toArray(key));
    satCache.put(key, answer);
    return answer;
  }

  /** One conjunction of symbol literals: cached, then the remembered models, then the solver. */
  private boolean termSatisfiable(List<Integer> literals) {
    Set<Integer> backbone = alwaysTrue();
    List<Integer> term = new ArrayList<>(literals.size());
    for (int l : literals) {
      if (backbone.contains(Math.abs(l))) {
        if (l < 0) {
          return false; // negates a symbol that is y in every configuration
        }
        continue; // holds anyway
      }
      term.add(l);
    }
    Boolean known = satCache.get(term);
    if (known != null) {
      return known;
    }
    boolean answer;
    if (sat.someModelSatisfies(term)) {
      answer = true;
    } else if (cores.refutes(term)) {
      answer = false;
    } else {
      answer = sat.solve(SolverPair.toArray(term));
      if (!answer) {
        cores.add(sat.lastCore(), term);
      }
    }
    satCache.put(term, answer);
    return answer;
  }

  private Set<Integer> alwaysTrue() {
    if (alwaysTrue != null) {
      return alwaysTrue;
    }
    Set<Integer> found = new HashSet<>();
    alwaysTrue = found; // the checks below are plain solver calls, never through this method
    if (!sat.solve(new int[0])) {
      return found;
    }
    boolean[] some = sat.variedModel();
    for (int i = 0; i < some.length; i++) {
      if (!some[i] || sat.someModelHas(i, false)) {
        continue; // some valid configuration has it n
      }
      int v = i + 1;
      if (!sat.solve(new int[] {-v})) {
        found.add(v);
      }
    }
    return found;
  }

  /**
   * The canonical (lexicographically least, {@code n} before {@code y}) assignment of every symbol
   * that satisfies the hard constraints and {@code query}, or empty if there is none.
   */
  public Optional<SortedMap<String, Boolean>> witness(Expr query) {
    List<List<Integer>> terms = Dnf.of(query, sat::variable, DNF_LIMIT);
    if (terms != null) {
      // The least model of a disjunction is the least of its terms' least models.
      Optional<SortedMap<String, Boolean>> best = Optional.empty();
      for (List<Integer> term : terms) {
        if (!termSatisfiable(term)) {
          continue;
        }
        Optional<SortedMap<String, Boolean>> w = termWitness(term);
        if (w.isPresent() && (best.isEmpty() || compareConfigurations(w.get(), best.get()) < 0)) {
          best = w;
        }
      }
      return best;
    }
    return termWitness(assumptions(query));
  }

  private Optional<SortedMap<String, Boolean>> termWitness(List<Integer> key) {
    if (key == null) {
      return Optional.empty();
    }
    Optional<SortedMap<String, Boolean>> cached = witnessCache.get(key);
    if (cached == null) {
      cached = CanonicalModels.least(sat, new ArrayList<>(key), this::alwaysTrue);
      witnessCache.put(key, cached);
    }
    return cached;
  }

  /**
   * Every assignment of the symbols satisfying the hard constraints and {@code restriction}, in
   * ascending order of the bit string over the sorted symbols ({@code n} = 0).
   *
   * @throws IllegalStateException if there are more than {@code limit}
   */
  public List<SortedMap<String, Boolean>> enumerate(Expr restriction, int limit) {
    List<Integer> base = assumptions(restriction);
    return base == null ? new ArrayList<>() : Sampling.enumerate(sat, base, limit);
  }

  /**
   * A deterministic set of configurations that covers every feasible pair of symbol values under
   * the hard constraints; see {@link Sampling#pairwise}.
   */
  public List<SortedMap<String, Boolean>> pairwiseSample() {
    return Sampling.pairwise(
        sat, assume -> CanonicalModels.least(sat, assume, this::alwaysTrue).orElseThrow());
  }

  /** Orders configurations by their bit strings over the sorted symbols. */
  public static int compareConfigurations(
      SortedMap<String, Boolean> a, SortedMap<String, Boolean> b) {
    return Sampling.compare(a, b);
  }

  /** Sorted, deduplicated assumption literals for {@code query}, or null if trivially false. */
  private List<Integer> assumptions(Expr query) {
    TreeSet<Integer> lits = new TreeSet<>();
    for (Expr c : conjuncts(query)) {
      if (c instanceof Expr.Const k) {
        if (!k.value()) {
          return null;
        }
        continue;
      }
      int l = sat.literal(c);
      if (lits.contains(-l)) {
        return null;
      }
      lits.add(l);
    }
    return List.copyOf(lits);
  }

  private static List<Expr> conjuncts(Expr e) {
    return e instanceof Expr.And and ? and.operands() : List.of(e);
  }

  /** The literal equivalent to {@code e}, Tseitin-encoding it on first use. */
  public int literal(Expr e) {
    return sat.literal(e);
  }

  @Override
  public String toString() {
    return "SatSolver" + Arrays.asList(sat.symbols().size(), sat.encodedFormulas());
  }
}
