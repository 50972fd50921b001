package dev.lockkit.analyzer.sat;

import java.util.SplittableRandom;
import org.sat4j.core.LiteralsUtils;
import org.sat4j.minisat.core.IPhaseSelectionStrategy;

/**
 * A Sat4j phase strategy that decides each free variable true or false at random, from a seed owned
 * by one solver.
 *
 * <p>Why: models found this way are spread over the configuration space, so the pool of models
 * ({@link ModelPool}) proves most later queries satisfiable without a solver call. Sat4j's default
 * (phase saving) returns models close to the previous one; on the 1,000-option benchmark the pool
 * then answered about two thirds of the satisfiable queries, and the remaining ~12,000 solver calls
 * were most of the gating time. With random phases it answers all but a few hundred. Sat4j's own
 * random strategy draws from one static generator shared by every solver in the process, so the
 * number of solver calls would depend on what ran before; a generator per solver keeps it
 * reproducible. Answers never depend on the phases — only which model proves them.
 */
final class SeededPhases implements IPhaseSelectionStrategy {
  private static final long serialVersionUID = 1L;

  private final SplittableRandom random;

  SeededPhases(long seed) {
    random = new SplittableRandom(seed);
  }

  @Override
  public int select(int var) {
    return random.nextBoolean() ? LiteralsUtils.posLit(var) : LiteralsUtils.negLit(var);
  }

  @Override
  public void updateVar(int p) {}

  @Override
  public void init(int nlength) {}

  @Override
  public void init(int var, int p) {}

  @Override
  public void assignLiteral(int p) {}

  @Override
  public void updateVarAtDecisionLevel(int q) {}

  @Override
  public String toString() {
    return "seeded random phase selection";
  }
}
