package dev.lockkit.analyzer.gating;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.gating.members.CodeModel;
import dev.lockkit.analyzer.kconfig.KconfigSymbol;
import dev.lockkit.analyzer.pc.Expr;
import dev.lockkit.analyzer.pc.Names;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedSet;

/**
 * {@code gate/unknown-symbol}: a symbol the code names that the Kconfig does not define (error,
 * with the nearest known names), and, as info, Kconfig symbols no code names. Also turns malformed
 * {@code @IfConfig} conditions into {@code input/parse} errors at the column of the mistake.
 *
 * <p>Kconfig names carry no {@code CONFIG_} prefix, and neither does {@code @IfConfig}: {@code
 * CONFIG_MMU} is an unknown symbol whose message says to drop the prefix, rather than being
 * silently accepted, so there is exactly one spelling of every option in the code.
 */
final class SymbolRules {
  private SymbolRules() {}

  static void run(Context ctx, CodeModel code, boolean includeFileProblems) {
    Set<String> seen = new HashSet<>();
    Set<String> used = new HashSet<>();
    SortedSet<String> known = ctx.model.symbolNames();
    for (CodeModel.SymbolUse use : code.symbolUses()) {
      used.add(use.symbol());
      if (known.contains(use.symbol())) {
        continue;
      }
      String key = use.symbol() + " in " + use.element();
      if (!seen.add(key)) {
        continue;
      }
      String hint;
      String stripped = use.symbol().startsWith("CONFIG_") ? use.symbol().substring(7) : null;
      if (stripped != null && known.contains(stripped)) {
        hint = " (Kconfig names are written without CONFIG_: use " + stripped + ")";
      } else {
        hint = Names.didYouMean(use.symbol(), known);
      }
      ctx.add(
          Finding.of(
              "gate/unknown-symbol",
              Severity.ERROR,
              use.location(),
              "unknown configuration symbol "
                  + use.symbol()
                  + " in "
                  + use.element()
                  + ": the Kconfig does not define it, so the condition is false in every variant"
                  + hint,
              key),
          Expr.FALSE,
          false);
    }
    for (String s : known) {
      if (used.contains(s)) {
        continue;
      }
      KconfigSymbol k = ctx.model.symbol(s).orElseThrow();
      SortedSet<String> readers = ctx.model.readersOf(s);
      ctx.add(
          Finding.of(
              "gate/unknown-symbol",
              Severity.INFO,
              k.location(),
              "Kconfig symbol "
                  + s
                  + " is not used by any code"
                  + (readers.isEmpty()
                      ? ""
                      : " (only inside the Kconfig, by " + String.join(", ", readers) + ")"),
              "unused " + s),
          Expr.FALSE,
          false);
    }
    for (CodeModel.Problem p : code.problems()) {
      if (p.wholeFile() && !includeFileProblems) {
        continue;
      }
      Location at = p.location();
      ctx.add(
          Finding.of("input/parse", Severity.ERROR, at, p.message(), p.key()), Expr.FALSE, false);
    }
  }
}
