package dev.lockkit.analyzer.kconfig;

import dev.lockkit.analyzer.pc.Expr;

/**
 * A {@code select}/{@code imply} edge: entry {@code from} names the target. Its own file (not
 * nested in {@link FeatureModel}) so that {@link DependencyGraph} does not depend on the model it
 * helps build — no type cycle inside the package.
 */
record SelectEdge(KconfigSymbol from, KconfigSymbol.Select select) {
  /** The condition under which this edge forces (select) or suggests (imply) its target. */
  Expr contribution() {
    return Expr.and(Expr.sym(from.name()), select.condition(), from.dependencies());
  }
}
