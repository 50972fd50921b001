package dev.lockkit.analyzer.gating;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.kconfig.FeatureModel;
import dev.lockkit.analyzer.pc.Expr;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * What every gating rule shares: the feature model, the normalisation of code conditions to known
 * symbols, and the findings produced so far.
 */
final class Context {
  final FeatureModel model;
  final List<GatingFinding> out = new ArrayList<>();

  Context(FeatureModel model) {
    this.model = model;
  }

  /**
   * {@code e} with every symbol the Kconfig does not define replaced by false — the kernel's {@code
   * IS_ENABLED} of an undefined option — so the solver only sees known symbols. The unknown symbol
   * itself is reported once, by the symbol rule.
   */
  Expr known(Expr e) {
    if (e instanceof Expr.Sym s) {
      return model.symbol(s.name()).isPresent() ? e : Expr.FALSE;
    }
    if (e instanceof Expr.Not n) {
      return Expr.not(known(n.operand()));
    }
    if (e instanceof Expr.And a) {
      return Expr.and(a.operands().stream().map(this::known).toList());
    }
    if (e instanceof Expr.Or o) {
      return Expr.or(o.operands().stream().map(this::known).toList());
    }
    return e;
  }

  /** Whether {@code e} names only symbols the Kconfig defines. */
  boolean allKnown(Expr e) {
    return e.symbols().stream().allMatch(s -> model.symbol(s).isPresent());
  }

  boolean sat(Expr e) {
    return model.isSatisfiable(e);
  }

  Optional<SortedMap<String, Boolean>> witness(Expr e) {
    return model.witness(e);
  }

  /**
   * "MMU=y, LOCK_MM_AND_FIND_VMA=n" over the symbols of the given formulas: those of the first
   * formula (where the code is) first, then the new ones of the next, each group sorted.
   */
  static String with(Map<String, Boolean> witness, Expr... relevant) {
    Set<String> symbols = new LinkedHashSet<>();
    for (Expr e : relevant) {
      symbols.addAll(e.symbols());
    }
    List<String> parts = new ArrayList<>();
    for (String s : symbols) {
      Boolean v = witness.get(s);
      if (v != null) {
        parts.add(s + "=" + (v ? "y" : "n"));
      }
    }
    return parts.isEmpty() ? "every configuration" : String.join(", ", parts);
  }

  /** "PER_VMA_LOCK depends on MMU && SMP" for each symbol of {@code e} that has dependencies. */
  String dependenciesOf(Expr e) {
    List<String> parts = new ArrayList<>();
    for (String s : e.symbols()) {
      model
          .symbol(s)
          .filter(k -> !k.dependencies().equals(Expr.TRUE))
          .ifPresent(k -> parts.add(s + " depends on " + k.dependencies()));
    }
    return String.join("; ", parts);
  }

  void add(Finding f, Expr condition, boolean breaksBuild) {
    out.add(new GatingFinding(f, condition, breaksBuild));
  }
}
