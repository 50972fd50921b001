package dev.lockkit.refactor.migrate.gate;

import com.github.javaparser.ast.Node;
import dev.lockkit.analyzer.kconfig.FeatureModel;
import dev.lockkit.analyzer.pc.Expr;
import dev.lockkit.analyzer.pc.ExprSyntaxException;
import dev.lockkit.analyzer.sat.SatSolver;
import dev.lockkit.refactor.migrate.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Refuses a rewrite that would reference a declaration absent in some configuration where the site
 * exists.
 *
 * <p>Implementation overview. A rewrite keeps the site's text where it was, so the site's own
 * presence condition {@code S} ({@link Presence}) is unchanged by construction. What can change is
 * what it references: the after template's gated declarations need {@code R}, the conjunction of
 * their {@code @IfConfig} conditions (read from source when the template was loaded). The rewrite
 * is safe iff {@code model && S && !R} is unsatisfiable; otherwise the canonical witness from the
 * analyzer's SAT layer is the configuration that proves it unsafe. Without {@code --kconfig} the
 * model is "any assignment", which refuses more, never less. Declarations known only from a jar are
 * taken as unconditional (their annotations are not read).
 */
public final class GateCheck {

  private final Optional<FeatureModel> model;

  public GateCheck(Optional<FeatureModel> model) {
    this.model = model;
  }

  /** Why a site may not be rewritten, with the configuration that shows it. */
  public record Rejection(String reason, SortedMap<String, Boolean> witness) {}

  /** Empty if rewriting {@code site} with {@code after} keeps it valid in every configuration. */
  public Optional<Rejection> check(Node site, Template after) {
    if (after.requires().isEmpty()) {
      return Optional.empty();
    }
    Expr siteCondition;
    try {
      siteCondition = Presence.of(site);
    } catch (ExprSyntaxException e) {
      return Optional.of(
          new Rejection(
              "an @IfConfig around the site does not parse (" + e.getMessage() + ")",
              new java.util.TreeMap<>()));
    }
    List<Expr> required = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Template.Requirement r : after.requires()) {
      for (String c : r.conditions()) {
        try {
          required.add(Presence.parse(c));
        } catch (ExprSyntaxException e) {
          return Optional.of(
              new Rejection(
                  "the @IfConfig(\""
                      + c
                      + "\") of "
                      + r.ref().display()
                      + " does not parse ("
                      + e.getMessage()
                      + ")",
                  new java.util.TreeMap<>()));
        }
      }
      names.add(r.ref().display() + " (@IfConfig \"" + String.join(" && ", r.conditions()) + "\")");
    }
    Expr need = Expr.and(required);
    Expr query = Expr.and(siteCondition, Expr.not(need));
    TreeSet<String> symbols = new TreeSet<>(query.symbols());
    model.ifPresent(m -> symbols.addAll(m.variables()));
    SatSolver solver = new SatSolver(symbols);
    model.ifPresent(m -> solver.require(m.constraint()));
    Optional<SortedMap<String, Boolean>> witness = solver.witness(query);
    if (witness.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Rejection(
            "gating: the after template uses "
                + String.join(", ", names)
                + ", absent in a configuration where this site exists (site condition: "
                + siteCondition
                + ")",
            witness.get()));
  }
}
