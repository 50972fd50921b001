package dev.lockkit.analyzer.gating;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.gating.members.CodeModel;
import dev.lockkit.analyzer.gating.members.CodeModel.SiteKind;
import dev.lockkit.analyzer.pc.Expr;
import java.util.HashMap;
import java.util.HashSet;
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

  static void run(Context ctx, CodeModel code) {
    Map<String, Integer> occurrences = new HashMap<>();
    for (CodeModel.ConditionSite site : code.sites()) {
      if (!ctx.allKnown(site.local()) || !ctx.allKnown(site.enclosing())) {
        continue;
      }
      Expr enclosing = site.enclosing();
      Expr local = site.local();
      String base = describe(site) + " in " + site.element() + ": " + local;
      int n = occurrences.merge(base, 1, Integer::sum);
      String key = n == 1 ? base : base + " #" + n;
      if (!ctx.sat(enclosing)) {
        continue; // the enclosing code is dead already; that is reported where it starts
      }
      // Syntactically implied (every conjunct of local is one of enclosing's, e.g. an early exit
      // on MMU inside @IfConfig("MMU && SMP")): live because enclosing is, and redundant — no
      // solver call needed. This is the common case of nested guards.
      boolean implied = conjuncts(enclosing).containsAll(conjuncts(local));
      if (!implied && !ctx.sat(Expr.and(enclosing, local))) {
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
                key),
            Expr.FALSE,
            false);
      } else if ((site.kind() == SiteKind.ANNOTATION || site.kind() == SiteKind.THEN)
          && (implied || !ctx.sat(Expr.and(enclosing, Expr.not(local))))) {
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
                key),
            Expr.FALSE,
            false);
      }
    }
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
