package dev.lockkit.analyzer.gating;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.gating.members.CodeModel;
import dev.lockkit.analyzer.pc.Expr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code gate/unguarded-reference}: a reference present in a configuration where its target is not.
 *
 * <p>References are grouped by {@code (from, target)}; the group exists where any of its sites does
 * (the disjunction of their conditions), and the target exists where any declaration with its key
 * does (overloads of the same arity count together). One query {@code site && !target} per group;
 * the common cases — an unconditional target, or a target whose condition is literally one of the
 * site's conjuncts — are decided without the solver. The finding sits at the first site of the
 * group present in the witness configuration.
 */
final class ReferenceRules {
  private ReferenceRules() {}

  static void run(Context ctx, CodeModel code) {
    Map<String, List<Expr>> targetConditions = new TreeMap<>();
    Map<String, List<Expr>> writtenConditions = new TreeMap<>();
    for (CodeModel.Declaration d : code.declarations()) {
      targetConditions
          .computeIfAbsent(d.target(), k -> new ArrayList<>())
          .add(ctx.known(d.condition()));
      writtenConditions.computeIfAbsent(d.target(), k -> new ArrayList<>()).add(d.condition());
    }
    Map<String, List<CodeModel.Reference>> groups = new LinkedHashMap<>();
    for (CodeModel.Reference r : code.references()) {
      groups.computeIfAbsent(r.from() + " -> " + r.target(), k -> new ArrayList<>()).add(r);
    }
    for (Map.Entry<String, List<CodeModel.Reference>> g : groups.entrySet()) {
      List<CodeModel.Reference> refs = g.getValue();
      List<Expr> targets = targetConditions.get(refs.get(0).target());
      if (targets == null) {
        continue;
      }
      Expr target = Expr.or(targets);
      if (target.equals(Expr.TRUE)) {
        continue;
      }
      Expr site = Expr.or(refs.stream().map(r -> ctx.known(r.condition())).toList());
      if (implied(site, target)) {
        continue;
      }
      Expr missing = Expr.and(site, Expr.not(target));
      var witness = ctx.witness(missing);
      if (witness.isEmpty()) {
        continue;
      }
      SortedMap<String, Boolean> w = witness.get();
      CodeModel.Reference first =
          refs.stream()
              .filter(r -> ctx.known(r.condition()).eval(s -> w.getOrDefault(s, false)))
              .min((a, b) -> a.location().compareTo(b.location()))
              .orElse(refs.get(0));
      ctx.add(
          Finding.of(
                  "gate/unguarded-reference",
                  Severity.ERROR,
                  first.location(),
                  "with "
                      + Context.with(w, site, target)
                      + ", "
                      + first.from()
                      + " "
                      + first.use().verb()
                      + " "
                      + first.target()
                      + ", which does not exist (it requires "
                      + Expr.or(writtenConditions.get(first.target()))
                      + ")",
                  g.getKey())
              .withWitness(w),
          missing,
          true);
    }
  }

  /** A cheap sufficient test for {@code site -> target}: target is a conjunct of every disjunct. */
  static boolean implied(Expr site, Expr target) {
    List<Expr> disjuncts = site instanceof Expr.Or o ? o.operands() : List.of(site);
    Set<Expr> needed = new HashSet<>(target instanceof Expr.And a ? a.operands() : List.of(target));
    for (Expr d : disjuncts) {
      Set<Expr> have = new HashSet<>(d instanceof Expr.And a ? a.operands() : List.of(d));
      if (!have.containsAll(needed) && !d.equals(Expr.FALSE)) {
        return false;
      }
    }
    return true;
  }
}
