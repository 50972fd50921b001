package dev.lockkit.refactor.move.check;

import dev.lockkit.analyzer.kconfig.FeatureModel;
import dev.lockkit.analyzer.pc.Expr;
import dev.lockkit.analyzer.sat.SatSolver;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Implication between presence conditions, decided by SAT: under the Kconfig feature model when one
 * is given ({@code --kconfig}), else over free boolean symbols (every combination possible).
 */
public final class ConditionModel {

  private final FeatureModel model;

  /** {@code model} may be null: conditions are then plain propositional formulas. */
  public ConditionModel(FeatureModel model) {
    this.model = model;
  }

  /** A configuration (valid under the model) where {@code e} holds, or empty. */
  public Optional<SortedMap<String, Boolean>> witness(Expr e) {
    if (model != null && model.symbolNames().containsAll(e.symbols())) {
      return model.witness(e);
    }
    TreeSet<String> symbols = new TreeSet<>(e.symbols());
    SatSolver s = new SatSolver(symbols);
    if (model != null) {
      // Symbols the Kconfig does not know are free; the ones it knows keep their constraints.
      TreeSet<String> all = new TreeSet<>(symbols);
      all.addAll(model.variables());
      s = new SatSolver(all);
      s.require(model.constraint());
    }
    return s.witness(e);
  }

  /** True if {@code a} implies {@code b} in every valid configuration. */
  public boolean implies(Expr a, Expr b) {
    return witness(Expr.and(a, Expr.not(b))).isEmpty();
  }
}
