package dev.lockkit.analyzer.sat;

import dev.lockkit.analyzer.pc.Expr;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.minisat.core.ICDCL;
import org.sat4j.minisat.orders.NaturalStaticOrder;
import org.sat4j.minisat.orders.NegativeLiteralSelectionStrategy;
import org.sat4j.minisat.orders.VarOrderHeap;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.IVecInt;
import org.sat4j.specs.TimeoutException;

/**
 * The Sat4j side of a {@link SatSolver}: two solvers holding the same clauses over the same
 * variables, the Tseitin encoding of formulas into them, and every model they produce.
 *
 * <p>Why two solvers: they differ only in how they decide a free variable. The varied one decides
 * at random ({@link SeededPhases}), so its models spread over the configuration space and the
 * {@link ModelPool} answers most later queries without solving. The minimal one decides symbols in
 * sorted order, false first, so its models are already close to the least model, which leaves the
 * greedy least-model walk in {@link CanonicalModels} few symbols to fix. Every clause and every
 * variable goes to both, so a literal means the same in each; {@link #newVariable} checks they stay
 * in step.
 *
 * <p>The symbols are variables {@code 1..n} in sorted order, so a symbol's variable is its index
 * plus one. Sub-formulas are Tseitin-encoded on first use into a fresh variable {@code x <-> f}
 * (both directions, so {@code x} can be assumed true or false), cached by structural equality: the
 * clause database grows with distinct formulas, never with queries.
 */
final class SolverPair {
  /** Any fixed seed: the phases only change which model proves a query, never an answer. */
  private static final long PHASE_SEED = 0x10CC_C0DEL;

  /** How many models the formula path ({@link #recentModelSatisfies(Expr)}) looks at. */
  private static final int RECENT_MODELS = 64;

  private final ISolver varied = newSolver(new SeededPhases(PHASE_SEED));
  private final ISolver minimal = newMinimalSolver();
  private final List<String> symbols;
  private final Map<String, Integer> variables = new HashMap<>();
  private final Map<Expr, Integer> encoded = new HashMap<>();
  private final int trueVariable;
  private final ModelPool pool;
  private final Deque<boolean[]> recentModels = new ArrayDeque<>();
  private boolean contradiction;
  private int[] lastCore;
  private long solverCalls;
  private long modelHits;

  private static ISolver newSolver(org.sat4j.minisat.core.IPhaseSelectionStrategy phases) {
    ISolver s = SolverFactory.newDefault();
    if (s instanceof ICDCL<?> cdcl) {
      cdcl.setOrder(new VarOrderHeap(phases));
    }
    return s;
  }

  /**
   * Decides variables in their natural order — the symbols, sorted, before any Tseitin variable —
   * each false first. Why: that is the greedy least-model walk itself, so the first model is
   * usually close to the canonical witness and {@link CanonicalModels} has little left to fix. With
   * Sat4j's activity order the first model had dozens of needless {@code y}s, each a solver call to
   * undo (on the generated 1,000-option model: 2,214 calls in all before, 953 after).
   */
  private static ISolver newMinimalSolver() {
    ISolver s = SolverFactory.newDefault();
    if (s instanceof ICDCL<?> cdcl) {
      NaturalStaticOrder order = new NaturalStaticOrder();
      order.setPhaseSelectionStrategy(new NegativeLiteralSelectionStrategy());
      cdcl.setOrder(order);
    }
    return s;
  }

  /** Variables {@code 1..n} for {@code sortedSymbols}, plus one fixed true. */
  SolverPair(List<String> sortedSymbols) {
    this.symbols = sortedSymbols;
    for (String s : sortedSymbols) {
      int v = newVariable();
      if (v != variables.size() + 1) {
        throw new IllegalStateException("symbol variables must be 1..n, got " + v);
      }
      variables.put(s, v);
    }
    trueVariable = newVariable();
    addClause(trueVariable);
    pool = new ModelPool(sortedSymbols.size());
  }

  List<String> symbols() {
    return symbols;
  }

  /** The variable of a symbol; an unknown name is a caller's error. */
  int variable(String symbol) {
    Integer v = variables.get(symbol);
    if (v == null) {
      throw new IllegalArgumentException("unknown symbol " + symbol);
    }
    return v;
  }

  /** The symbol a symbol variable stands for. */
  String symbolOf(int variable) {
    return symbols.get(variable - 1);
  }

  long solverCalls() {
    return solverCalls;
  }

  long modelHits() {
    return modelHits;
  }

  int encodedFormulas() {
    return encoded.size();
  }

  /** The literal equivalent to {@code e}, Tseitin-encoding it on first use. */
  int literal(Expr e) {
    Integer known = encoded.get(e);
    if (known != null) {
      return known;
    }
    int lit;
    if (e instanceof Expr.Const c) {
      lit = c.value() ? trueVariable : -trueVariable;
    } else if (e instanceof Expr.Sym s) {
      lit = variable(s.name());
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

  /** Adds a clause to both solvers; an empty clause set makes every later query false. */
  void addClause(int... literals) {
    if (contradiction) {
      return;
    }
    try {
      varied.addClause(new VecInt(literals));
      minimal.addClause(new VecInt(literals));
    } catch (ContradictionException e) {
      contradiction = true; // the hard constraints are unsatisfiable; every query answers false
    }
  }

  /** A fresh variable, the same in both solvers. */
  int newVariable() {
    int v = varied.nextFreeVarId(true);
    int w = minimal.nextFreeVarId(true);
    if (v != w) {
      throw new IllegalStateException("solvers out of step: " + v + " != " + w);
    }
    return v;
  }

  /** Solves with the varied solver; on success its model is remembered. */
  boolean solve(int[] assumptions) {
    return solve(varied, assumptions);
  }

  /** Solves with the minimal (false-first) solver; on success its model is remembered. */
  boolean solveMinimal(int[] assumptions) {
    return solve(minimal, assumptions);
  }

  /** The symbols' values in the varied solver's last model. */
  boolean[] variedModel() {
    return snapshot(varied);
  }

  /** The symbols' values in the minimal solver's last model. */
  boolean[] minimalModel() {
    return snapshot(minimal);
  }

  /** Forgets every remembered model: the hard constraints changed, so they may be invalid now. */
  void forgetModels() {
    recentModels.clear();
    pool.clear();
  }

  /** Whether some remembered model has symbol {@code index} set to {@code value}. */
  boolean someModelHas(int index, boolean value) {
    return pool.anyWith(index, value);
  }

  /** Whether a remembered model satisfies the conjunction {@code term} of symbol literals. */
  boolean someModelSatisfies(List<Integer> term) {
    int[] indexes = new int[term.size()];
    boolean[] values = new boolean[term.size()];
    for (int k = 0; k < indexes.length; k++) {
      int l = term.get(k);
      indexes[k] = Math.abs(l) - 1;
      values[k] = l > 0;
    }
    if (pool.anySatisfies(indexes, values)) {
      modelHits++;
      return true;
    }
    return false;
  }

  /**
   * Whether one of the last few models satisfies {@code query}, for the rare query too large for
   * term-by-term answers: evaluating a formula costs more than a bitset lookup, so only these.
   */
  boolean recentModelSatisfies(Expr query) {
    for (boolean[] model : recentModels) {
      if (query.eval(s -> model[variables.get(s) - 1])) {
        modelHits++;
        return true;
      }
    }
    return false;
  }

  /**
   * After {@link #solve} answered false: a subset of its assumptions that is already contradictory
   * (Sat4j's explanation), or null if there is none to give (e.g. the hard constraints alone are
   * contradictory).
   */
  int[] lastCore() {
    return lastCore;
  }

  private boolean solve(ISolver which, int[] assumptions) {
    lastCore = null;
    if (contradiction) {
      return false;
    }
    solverCalls++;
    try {
      boolean sat = which.isSatisfiable(new VecInt(assumptions));
      if (!sat) {
        IVecInt core = which.unsatExplanation();
        lastCore = core == null ? null : core.toArray();
      }
      if (sat) {
        boolean[] model = snapshot(which);
        if (recentModels.size() == RECENT_MODELS) {
          recentModels.removeLast();
        }
        recentModels.addFirst(model);
        pool.add(model);
      }
      return sat;
    } catch (TimeoutException e) {
      throw new IllegalStateException("SAT solver timed out", e);
    }
  }

  private boolean[] snapshot(ISolver which) {
    boolean[] values = new boolean[symbols.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = which.model(i + 1);
    }
    return values;
  }

  static int[] toArray(List<Integer> list) {
    int[] a = new int[list.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = list.get(i);
    }
    return a;
  }
}
