package dev.lockkit.analyzer.gating;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.gating.members.CodeModel;
import dev.lockkit.analyzer.gating.members.CodeModel.SiteKind;
import dev.lockkit.analyzer.pc.Expr;
import dev.lockkit.analyzer.sat.SatSolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code gate/dead} and {@code gate/redundant}: for each written condition {@code local} under the
 * condition {@code enclosing} of the code around it, the code it guards is dead when no valid
 * configuration satisfies {@code enclosing && local} although some satisfies {@code enclosing} (so
 * only the innermost culprit is reported, never everything inside it), and the condition is
 * redundant when every valid configuration satisfying {@code enclosing} also satisfies {@code
 * local} — the kernel's {@code #ifdef CONFIG_MMU} inside {@code #ifdef CONFIG_PER_VMA_LOCK}.
 * Redundancy is reported for written conditions ({@code @IfConfig}, a guarded branch) only: the
 * else branch or the code after an early exit is the other side of the same test, and is reported
 * as dead instead. Conditions naming unknown symbols are left to the symbol rule.
 */
final class ConditionRules {
  private ConditionRules() {}

  private enum Verdict {
    NONE,
    DEAD,
    REDUNDANT
  }

  static void run(Context ctx, CodeModel code) {
    List<CodeModel.ConditionSite> sites = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    Map<String, Integer> occurrences = new HashMap<>();
    for (CodeModel.ConditionSite site : code.sites()) {
      if (!ctx.allKnown(site.local()) || !ctx.allKnown(site.enclosing())) {
        continue;
      }
      String base = describe(site) + " in " + site.element() + ": " + site.local();
      int n = occurrences.merge(base, 1, Integer::sum);
      sites.add(site);
      keys.add(n == 1 ? base : base + " #" + n);
    }
    SatSolver solver = ctx.model.solver();
    for (int i = 0; i < sites.size(); i++) {
      CodeModel.ConditionSite site = sites.get(i);
      Expr enclosing = site.enclosing();
      Expr local = site.local();
      Verdict verdict = verdict(solver, site);
      if (verdict == Verdict.DEAD) {
        String why = ctx.dependenciesOf(Expr.and(enclosing, local));
        ctx.add(
            Finding.of(
                "gate/dead",
                Severity.WARNING,
                site.location(),
                describe(site)
                    + " in "
                    + site.element()
                    + " is dead: no valid configuration has "
                    + Expr.and(enclosing, local)
                    + (why.isEmpty() ? "" : " (" + why + ")"),
                keys.get(i)),
            Expr.FALSE,
            false);
      } else if (verdict == Verdict.REDUNDANT) {
        String why = ctx.dependenciesOf(enclosing);
        ctx.add(
            Finding.of(
                "gate/redundant",
                Severity.INFO,
                site.location(),
                "condition "
                    + local
                    + " of "
                    + describe(site)
                    + " in "
                    + site.element()
                    + " is redundant: it holds in every valid configuration"
                    + (enclosing.equals(Expr.TRUE) ? "" : " where " + enclosing + " holds")
                    + (why.isEmpty() ? "" : " (" + why + ")"),
                keys.get(i)),
            Expr.FALSE,
            false);
      }
    }
  }

  private static Verdict verdict(SatSolver solver, CodeModel.ConditionSite site) {
    Expr enclosing = site.enclosing();
    Expr local = site.local();
    if (!solver.isSatisfiable(enclosing)) {
      return Verdict.NONE; // the enclosing code is dead already; that is reported where it starts
    }
    // Syntactically implied (every conjunct of local is one of enclosing's, e.g. an early exit on
    // MMU inside @IfConfig("MMU && SMP")): live because enclosing is, and redundant — no solver
    // call needed. This is the common case of nested guards.
    boolean implied = conjuncts(enclosing).containsAll(conjuncts(local));
    if (!implied && !solver.isSatisfiable(Expr.and(enclosing, local))) {
      return Verdict.DEAD;
    }
    boolean written = site.kind() == SiteKind.ANNOTATION || site.kind() == SiteKind.THEN;
    if (written && (implied || !solver.isSatisfiable(Expr.and(enclosing, Expr.not(local))))) {
      return Verdict.REDUNDANT;
    }
    return Verdict.NONE;
  }

  private static Set<Expr> conjuncts(Expr e) {
    return e instanceof Expr.And a ? new HashSet<>(a.operands()) : Set.of(e);
  }

  private static String describe(CodeModel.ConditionSite site) {
    return switch (site.kind()) {
      case ANNOTATION -> "@IfConfig";
      case THEN -> "guarded branch";
      case ELSE -> "else branch";
      case REST -> "code after the early exit";
    };
  }
}
