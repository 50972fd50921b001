package dev.lockkit.analyzer.sat;

import dev.lockkit.analyzer.pc.Expr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.minisat.core.ICDCL;
import org.sat4j.minisat.orders.NegativeLiteralSelectionStrategy;
import org.sat4j.minisat.orders.VarOrderHeap;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.TimeoutException;

/**
 * An incremental satisfiability oracle over a fixed, sorted set of boolean symbols.
 *
 * <p><b>Implementation overview.</b> Two Sat4j solvers with the same clauses live as long as this
 * object: the main one answers satisfiability, the other (deciding free variables false first)
 * builds canonical witnesses. Hard constraints (the feature model) are added once with {@link
 * #require}. A query whose disjunctive normal form is small (at most {@value #DNF_LIMIT} terms,
 * always the case for gating conditions) is answered term by term with assumptions only, so it adds
 * nothing to the solvers: their size, which every Sat4j call pays for, stays that of the feature
 * model. Any larger query is Tseitin-encoded: every sub-formula on first use into a fresh variable
 * {@code x <-> f} (both directions, so {@code x} can be assumed true or false), cached by
 * structural equality, so the clause database only grows with distinct formulas, never with
 * queries. A query {@code f} is answered by assuming the literals of {@code f}'s top-level
 * conjuncts — no clause is added for the query itself — and its answer is cached by the sorted
 * assumption set. This is what keeps thousands of condition-pair checks cheap: each is one
 * incremental solve, most hit the cache. Before solving, the query is evaluated on the last few
 * models the solver produced (each a valid assignment of the hard constraints): a satisfiable query
 * — the common case, "no finding" — is usually answered that way without solving at all.
 *
 * <p>Witnesses are canonical: the lexicographically least model (symbols in sorted order, {@code n}
 * before {@code y}) that satisfies the query. It is computed greedily, fixing one symbol at a time;
 * a symbol already false in the current model is fixed for free, so the number of solver calls is
 * bounded by the number of true symbols. Canonical witnesses make reports byte-identical run to
 * run, whatever the solver's internal heuristics do.
 *
 * <p>Enumeration adds blocking clauses that all contain an activation literal; when enumeration is
 * over the literal is retired with a unit clause, which satisfies (and so disables) every blocking
 * clause without removing anything. Tseitin variables are functions of the symbols, so blocking the
 * projection onto the symbols enumerates each configuration exactly once.
 *
 * <p>Not thread-safe: a solver is owned by one analysis at a time.
 */
public final class SatSolver {
  /**
   * Answers satisfiability, deciding free variables at random ({@link SeededPhases}) so that its
   * models are varied and the model pool answers most later queries without it.
   */
  private final ISolver solver = newVariedSolver();

  /** The same clauses; builds canonical witnesses, deciding free variables false first. */
  private final ISolver minimal = newMinimalSolver();

  private final List<String> symbols;
  private final Map<String, Integer> variables = new HashMap<>();
  private final Map<Integer, String> symbolOfVariable = new HashMap<>();
  private final Map<Expr, Integer> encoded = new HashMap<>();
  private final Map<List<Integer>, Boolean> satCache = new HashMap<>();
  private final Map<List<Integer>, Optional<SortedMap<String, Boolean>>> witnessCache =
      new HashMap<>();
  private final int trueVariable;
  private final Map<String, Integer> indexOf = new HashMap<>();
  private final Deque<boolean[]> recentModels = new ArrayDeque<>();
  private final ModelPool pool;
  private boolean contradiction;

  /**
   * Variables of the symbols that are {@code y} in every valid configuration (the positive
   * backbone), computed on first need; null until then and after {@link #require}. A query term
   * that negates one is unsatisfiable without a solver call, a term that asserts one need not
   * mention it, and a canonical witness sets it without trying {@code n} first — in a real Kconfig
   * many symbols ({@code def_bool y} without dependencies, what they select) are such constants.
   */
  private Set<Integer> alwaysTrue;

  private long solverCalls;
  private long modelHits;

  /** Queries whose DNF has at most this many terms are answered term by term, unencoded. */
  private static final int DNF_LIMIT = 16;

  /** How many models {@link #isSatisfiable} remembers to answer later queries without solving. */
  private static final int RECENT_MODELS = 64;

  private static ISolver newVariedSolver() {
    ISolver s = SolverFactory.newDefault();
    if (s instanceof ICDCL<?> cdcl) {
      cdcl.setOrder(new VarOrderHeap(new SeededPhases(PHASE_SEED)));
    }
    return s;
  }

  /** Any fixed seed: the phases only change which model proves a query, never an answer. */
  private static final long PHASE_SEED = 0x10CC_C0DEL;

  /**
   * Sat4j's default solver, deciding every free variable false first. Canonical witnesses are the
   * lexicographically least model with {@code n < y}: a model that is already mostly {@code n}
   * leaves the greedy construction in {@link #canonicalModel} little to fix, so it needs a solver
   * call only for the symbols that must be {@code y} — typically a handful instead of hundreds. It
   * is a second solver because such uniform models rarely answer other queries from the pool of
   * remembered models, which the phase-saving main solver's models often do.
   */
  private static ISolver newMinimalSolver() {
    ISolver s = SolverFactory.newDefault();
    if (s instanceof ICDCL<?> cdcl) {
      cdcl.setOrder(new VarOrderHeap(new NegativeLiteralSelectionStrategy()));
    }
    return s;
  }

  /** A solver over {@code symbols} (sorted and deduplicated here) with no constraints yet. */
  public SatSolver(Collection<String> symbols) {
    this.symbols = List.copyOf(new TreeSet<>(symbols));
    this.pool = new ModelPool(this.symbols.size());
    for (String s : this.symbols) {
      indexOf.put(s, indexOf.size());
      int v = newVariable();
      variables.put(s, v);
      symbolOfVariable.put(v, s);
    }
    trueVariable = newVariable();
    addClause(trueVariable);
  }

  /** The symbols, sorted. */
  public List<String> symbols() {
    return symbols;
  }

  /** How many times the underlying solver ran (cache misses), for benchmarks. */
  public long solverCalls() {
    return solverCalls;
  }

  /** How many queries a remembered model answered without the solver, for benchmarks. */
  public long modelHits() {
    return modelHits;
  }

  /** Adds {@code constraint} as a hard constraint; clears the query caches. */
  public void require(Expr constraint) {
    for (Expr conjunct : conjuncts(constraint)) {
      if (conjunct instanceof Expr.Or or) {
        int[] clause = new int[or.operands().size()];
        for (int i = 0; i < clause.length; i++) {
          clause[i] = literal(or.operands().get(i));
        }
        addClause(clause);
      } else {
        addClause(literal(conjunct));
      }
    }
    satCache.clear();
    witnessCache.clear();
    recentModels.clear();
    pool.clear();
    alwaysTrue = null;
  }

  /** Whether some assignment satisfies the hard constraints and {@code query}. */
  public boolean isSatisfiable(Expr query) {
    List<List<Integer>> terms = Dnf.of(query, this::variable, DNF_LIMIT);
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
    boolean answer = recentModelSatisfies(query) || solve(toArray(key));
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
    boolean answer = recentModelSatisfies(term) || solve(toArray(term));
    satCache.put(term, answer);
    return answer;
  }

  private Set<Integer> alwaysTrue() {
    if (alwaysTrue != null) {
      return alwaysTrue;
    }
    Set<Integer> found = new HashSet<>();
    alwaysTrue = found; // the checks below are plain solver calls, never through this method
    if (!solve(new int[0])) {
      return found;
    }
    boolean[] some = snapshot(solver);
    for (int i = 0; i < symbols.size(); i++) {
      if (!some[i]) {
        continue;
      }
      int at = i;
      if (pool.anyWith(at, false)) {
        continue; // some valid configuration has it n
      }
      int v = variables.get(symbols.get(i));
      if (!solve(new int[] {-v})) {
        found.add(v);
      }
    }
    return found;
  }

  private boolean recentModelSatisfies(List<Integer> term) {
    int[] indexes = new int[term.size()];
    boolean[] values = new boolean[term.size()];
    for (int k = 0; k < indexes.length; k++) {
      int l = term.get(k);
      indexes[k] = indexOf.get(symbolOfVariable.get(Math.abs(l)));
      values[k] = l > 0;
    }
    if (pool.anySatisfies(indexes, values)) {
      modelHits++;
      return true;
    }
    return false;
  }

  private int variable(String symbol) {
    Integer v = variables.get(symbol);
    if (v == null) {
      throw new IllegalArgumentException("unknown symbol " + symbol);
    }
    return v;
  }

  /**
   * Whether one of the last few models found satisfies {@code query}. Each is a valid assignment of
   * the hard constraints, so a hit proves satisfiability without a solver call; most gating queries
   * are satisfiable (no finding), so this skips most calls.
   */
  private boolean recentModelSatisfies(Expr query) {
    for (boolean[] model : recentModels) {
      if (query.eval(s -> model[indexOf.get(s)])) {
        modelHits++;
        return true;
      }
    }
    return false;
  }

  /**
   * The canonical (lexicographically least, {@code n} before {@code y}) assignment of every symbol
   * that satisfies the hard constraints and {@code query}, or empty if there is none.
   */
  public Optional<SortedMap<String, Boolean>> witness(Expr query) {
    List<List<Integer>> terms = Dnf.of(query, this::variable, DNF_LIMIT);
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
      cached = canonicalModel(new ArrayList<>(key));
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
    List<SortedMap<String, Boolean>> out = new ArrayList<>();
    List<Integer> base = assumptions(restriction);
    if (base == null) {
      return out;
    }
    int activation = newVariable();
    List<Integer> assume = new ArrayList<>(base);
    assume.add(activation);
    int[] a = toArray(assume);
    try {
      while (solve(a)) {
        if (out.size() >= limit) {
          throw new IllegalStateException(
              "more than " + limit + " valid configurations; use a pairwise sample instead");
        }
        int[] block = new int[symbols.size() + 1];
        block[0] = -activation;
        SortedMap<String, Boolean> model = new TreeMap<>();
        for (int i = 0; i < symbols.size(); i++) {
          int v = variables.get(symbols.get(i));
          boolean value = solver.model(v);
          model.put(symbols.get(i), value);
          block[i + 1] = value ? -v : v;
        }
        out.add(Collections.unmodifiableSortedMap(model));
        addClause(block);
      }
    } finally {
      addClause(-activation);
    }
    out.sort(SatSolver::compareConfigurations);
    return out;
  }

  /**
   * A set of configurations that covers every feasible pair of symbol values ({@code a=x, b=y} for
   * all symbols {@code a < b}) under the hard constraints, built greedily: each new configuration
   * takes as many still-uncovered pairs (in canonical order) as stay jointly satisfiable, then is
   * completed canonically. Pairs no configuration can cover are dropped after one check.
   * Deterministic; usually far smaller than the full enumeration.
   */
  public List<SortedMap<String, Boolean>> pairwiseSample() {
    LinkedHashSet<List<Integer>> uncovered = new LinkedHashSet<>();
    int n = symbols.size();
    for (int i = 0; i < n; i++) {
      int vi = variables.get(symbols.get(i));
      if (n == 1) {
        uncovered.add(List.of(-vi));
        uncovered.add(List.of(vi));
      }
      for (int j = i + 1; j < n; j++) {
        int vj = variables.get(symbols.get(j));
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
        if (solve(toArray(trial))) {
          assume.clear();
          assume.addAll(trial);
        } else if (assume.isEmpty()) {
          it.remove(); // infeasible on its own: no configuration can cover it
        }
      }
      if (assume.isEmpty()) {
        continue;
      }
      SortedMap<String, Boolean> model = canonicalModel(assume).orElseThrow();
      out.add(model);
      uncovered.removeIf(
          pair ->
              pair.stream().allMatch(l -> model.get(symbolOfVariable.get(Math.abs(l))) == (l > 0)));
    }
    return out;
  }

  /** Orders configurations by their bit strings over the sorted symbols. */
  public static int compareConfigurations(
      SortedMap<String, Boolean> a, SortedMap<String, Boolean> b) {
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

  private Optional<SortedMap<String, Boolean>> canonicalModel(List<Integer> assume) {
    if (!solve(minimal, toArray(assume))) {
      return Optional.empty();
    }
    boolean[] current = snapshot(minimal);
    Set<Integer> backbone = alwaysTrue();
    Set<Integer> fixed = new HashSet<>(backbone);
    for (int l : assume) {
      fixed.add(Math.abs(l));
    }
    for (int i = 0; i < symbols.size(); i++) {
      int v = variables.get(symbols.get(i));
      if (fixed.contains(v)) {
        continue;
      }
      if (!current[i]) {
        assume.add(-v); // the current model already has it false: fixing it costs nothing
        continue;
      }
      assume.add(-v);
      if (solve(minimal, toArray(assume))) {
        current = snapshot(minimal);
      } else {
        assume.set(assume.size() - 1, v);
        boolean[] better = restForced(assume, current, i, fixed);
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
   * each one separately was most of the witness cost. The disjunction is a clause behind a fresh
   * selector variable, retired afterwards with a unit clause, so it never constrains later queries.
   */
  private boolean[] restForced(List<Integer> assume, boolean[] current, int i, Set<Integer> fixed) {
    List<Integer> clause = new ArrayList<>();
    for (int j = i + 1; j < symbols.size(); j++) {
      int v = variables.get(symbols.get(j));
      if (current[j] && !fixed.contains(v)) {
        clause.add(-v);
      }
    }
    if (clause.isEmpty()) {
      return null;
    }
    int selector = newVariable();
    clause.add(0, -selector);
    addClause(toArray(clause));
    List<Integer> trial = new ArrayList<>(assume);
    trial.add(selector);
    try {
      return solve(minimal, toArray(trial)) ? snapshot(minimal) : null;
    } finally {
      addClause(-selector);
    }
  }

  private boolean[] snapshot(ISolver which) {
    boolean[] values = new boolean[symbols.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = which.model(variables.get(symbols.get(i)));
    }
    return values;
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
      int l = literal(c);
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
    Integer known = encoded.get(e);
    if (known != null) {
      return known;
    }
    int lit;
    if (e instanceof Expr.Const c) {
      lit = c.value() ? trueVariable : -trueVariable;
    } else if (e instanceof Expr.Sym s) {
      Integer v = variables.get(s.name());
      if (v == null) {
        throw new IllegalArgumentException("unknown symbol " + s.name());
      }
      lit = v;
    } else if (e instanceof Expr.Not n) {
      lit = -literal(n.operand());
    } else {
      boolean isAnd = e instanceof Expr.And;
      List<Expr> ops = isAnd ? ((Expr.And) e).operands() : ((Expr.Or) e).operands();
      int[] sub = new int[ops.size()];
      for (int i = 0; i < sub.length; i++) {
        sub[i] = literal(ops.get(i));
      }
      int x = newVariable();
      // And: x -> each l_i, and (all l_i) -> x.  Or is the dual.
      int sign = isAnd ? 1 : -1;
      int[] back = new int[sub.length + 1];
      back[0] = sign * x;
      for (int i = 0; i < sub.length; i++) {
        addClause(-sign * x, sign * sub[i]);
        back[i + 1] = -sign * sub[i];
      }
      addClause(back);
      lit = x;
    }
    encoded.put(e, lit);
    return lit;
  }

  private void addClause(int... literals) {
    if (contradiction) {
      return;
    }
    try {
      solver.addClause(new VecInt(literals));
      minimal.addClause(new VecInt(literals));
    } catch (ContradictionException e) {
      contradiction = true; // the hard constraints are unsatisfiable; every query answers false
    }
  }

  /** A fresh variable, the same in both solvers. */
  private int newVariable() {
    int v = solver.nextFreeVarId(true);
    int w = minimal.nextFreeVarId(true);
    if (v != w) {
      throw new IllegalStateException("solvers out of step: " + v + " != " + w);
    }
    return v;
  }

  private boolean solve(int[] assumptions) {
    return solve(solver, assumptions);
  }

  private boolean solve(ISolver which, int[] assumptions) {
    if (contradiction) {
      return false;
    }
    solverCalls++;
    try {
      boolean sat = which.isSatisfiable(new VecInt(assumptions));
      if (sat) {
        if (recentModels.size() == RECENT_MODELS) {
          recentModels.removeLast();
        }
        boolean[] model = snapshot(which);
        recentModels.addFirst(model);
        pool.add(model);
      }
      return sat;
    } catch (TimeoutException e) {
      throw new IllegalStateException("SAT solver timed out", e);
    }
  }

  private static int[] toArray(List<Integer> list) {
    int[] a = new int[list.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = list.get(i);
    }
    return a;
  }

  @Override
  public String toString() {
    return "SatSolver" + Arrays.asList(symbols.size(), encoded.size());
  }
}
