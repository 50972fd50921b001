package dev.lockkit.analyzer.sat;

import dev.lockkit.analyzer.pc.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * A small formula as a disjunction of conjunctions of symbol literals, so that {@link SatSolver}
 * can answer it with assumptions alone.
 *
 * <p>Why: a query that is not a conjunction of literals would otherwise be Tseitin-encoded into the
 * solver, one fresh variable and a few clauses per distinct sub-formula, forever. With tens of
 * thousands of distinct conditions that makes the solver several times larger than the feature
 * model, and every Sat4j call pays for its size (the decision heap and the per-call resets are
 * linear in the number of variables). Gating conditions are tiny — {@code enclosing && !(A && B)}
 * is two terms — so their DNF is the cheaper representation.
 */
final class Dnf {
  private Dnf() {}

  /**
   * The terms of {@code e} (each a sorted, consistent literal set; contradictory terms dropped; an
   * empty list means false, a list holding an empty term means true), or null if there would be
   * more than {@code limit} terms.
   */
  static List<List<Integer>> of(Expr e, ToIntFunction<String> variable, int limit) {
    return expand(e, false, variable, limit);
  }

  private static List<List<Integer>> expand(
      Expr e, boolean negated, ToIntFunction<String> variable, int limit) {
    if (e instanceof Expr.Const c) {
      return c.value() != negated ? List.of(List.of()) : List.of();
    }
    if (e instanceof Expr.Sym s) {
      int v = variable.applyAsInt(s.name());
      return List.of(List.of(negated ? -v : v));
    }
    if (e instanceof Expr.Not n) {
      return expand(n.operand(), !negated, variable, limit);
    }
    boolean isAnd = e instanceof Expr.And;
    List<Expr> ops = isAnd ? ((Expr.And) e).operands() : ((Expr.Or) e).operands();
    // De Morgan: a negated conjunction is a disjunction of negations and vice versa.
    boolean conjunction = isAnd != negated;
    if (!conjunction) {
      List<List<Integer>> out = new ArrayList<>();
      for (Expr op : ops) {
        List<List<Integer>> sub = expand(op, negated, variable, limit);
        if (sub == null) {
          return null;
        }
        out.addAll(sub);
        if (out.size() > limit) {
          return null;
        }
      }
      return out;
    }
    List<List<Integer>> acc = List.of(List.of());
    for (Expr op : ops) {
      List<List<Integer>> sub = expand(op, negated, variable, limit);
      if (sub == null) {
        return null;
      }
      List<List<Integer>> next = new ArrayList<>();
      for (List<Integer> a : acc) {
        for (List<Integer> b : sub) {
          List<Integer> merged = merge(a, b);
          if (merged != null) {
            next.add(merged);
            if (next.size() > limit) {
              return null;
            }
          }
        }
      }
      acc = next;
      if (acc.isEmpty()) {
        return acc;
      }
    }
    return acc;
  }

  /** The union of two literal sets, sorted; null if it contains a literal and its negation. */
  private static List<Integer> merge(List<Integer> a, List<Integer> b) {
    TreeSet<Integer> all = new TreeSet<>(a);
    for (int l : b) {
      if (all.contains(-l)) {
        return null;
      }
      all.add(l);
    }
    return List.copyOf(all);
  }
}
