package dev.lockkit.analyzer.kconfig;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.pc.Expr;
import dev.lockkit.analyzer.pc.ExprParser;
import dev.lockkit.analyzer.pc.Names;
import dev.lockkit.analyzer.sat.SatSolver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The configuration space a Kconfig denotes, with SAT-backed queries.
 *
 * <p><b>Implementation overview.</b> Each bool symbol {@code S} gets one constraint built from
 * Kconfig's evaluation rules, writing {@code dep} for its dependencies (its {@code depends on},
 * enclosing {@code if}s and menus), {@code vis} for {@code dep && promptCondition} (false without a
 * prompt), {@code def} for the first {@code default} whose condition holds (an if-then-else chain,
 * false when none does), {@code rev} for the disjunction of {@code T && cond && dep(T)} over every
 * {@code select S if cond} in an entry {@code T}, and {@code weak} for the same over {@code imply}:
 *
 * <ul>
 *   <li>no prompt: {@code S <-> rev || ((def || weak) && dep)} — the value is fully determined;
 *   <li>a prompt: {@code rev -> S}; {@code S -> rev || vis || ((def || weak) && dep)}; and when
 *       neither selected nor visible, the default decides: {@code !rev && !vis && (def || weak) &&
 *       dep -> S}. A visible symbol is the user's free choice.
 * </ul>
 *
 * <p>{@code select} ignores the target's {@code dep}, exactly as Kconfig does, so a configuration
 * with a selected symbol whose dependencies are false is valid — and reported as {@code
 * kconfig/unmet-dependency}. Before encoding, every symbol in every expression must be defined and
 * the graph "S's value reads U" must be acyclic (Kconfig's "recursive dependency"); given that,
 * every symbol is a function of the user's choices and a valid configuration always exists, which
 * the constructor nevertheless checks.
 *
 * <p>Not thread-safe: all queries share one incremental solver.
 */
public final class FeatureModel {
  /** Above this many, {@link #allValidConfigurations()} refuses and asks for a sample. */
  public static final int ENUMERATION_LIMIT = 1 << 16;

  private final SortedMap<String, KconfigSymbol> symbols;
  private final Map<String, SortedSet<String>> readers;
  private final Expr constraint;
  private final Map<String, List<SelectEdge>> selectedBy;
  private final SatSolver solver;
  private List<Finding> findings;

  private FeatureModel(
      SortedMap<String, KconfigSymbol> symbols,
      Map<String, SortedSet<String>> readers,
      Map<String, List<SelectEdge>> selectedBy,
      Expr constraint,
      SatSolver solver) {
    this.symbols = symbols;
    this.readers = readers;
    this.selectedBy = selectedBy;
    this.constraint = constraint;
    this.solver = solver;
  }

  static FeatureModel build(List<KconfigSymbol> list, List<ExprSite> expressions, Location top)
      throws KconfigException {
    SortedMap<String, KconfigSymbol> symbols = new TreeMap<>();
    for (KconfigSymbol s : list) {
      symbols.put(s.name(), s);
    }
    for (ExprSite site : expressions) {
      for (ExprParser.SymbolUse use : site.parsed().uses()) {
        if (!symbols.containsKey(use.name())) {
          throw new KconfigException(
              site.location(),
              "unknown symbol " + use.name() + Names.didYouMean(use.name(), symbols.keySet()));
        }
      }
    }
    Map<String, List<SelectEdge>> reverse = new TreeMap<>();
    Map<String, List<SelectEdge>> weak = new TreeMap<>();
    for (KconfigSymbol s : symbols.values()) {
      for (KconfigSymbol.Select sel : s.selects()) {
        reverse.computeIfAbsent(sel.target(), k -> new ArrayList<>()).add(new SelectEdge(s, sel));
      }
      for (KconfigSymbol.Select imp : s.implies()) {
        weak.computeIfAbsent(imp.target(), k -> new ArrayList<>()).add(new SelectEdge(s, imp));
      }
    }
    DependencyGraph graph = new DependencyGraph(symbols, reverse, weak);
    graph.checkAcyclic();

    SatSolver solver = new SatSolver(symbols.keySet());
    List<Expr> all = new ArrayList<>();
    for (KconfigSymbol s : symbols.values()) {
      Expr c =
          constraintOf(
              s, reverse.getOrDefault(s.name(), List.of()), weak.getOrDefault(s.name(), List.of()));
      all.add(c);
      solver.require(c);
    }
    if (!solver.isSatisfiable(Expr.TRUE)) {
      throw new KconfigException(top, "the Kconfig admits no valid configuration");
    }
    return new FeatureModel(
        Collections.unmodifiableSortedMap(symbols),
        graph.readers(),
        reverse,
        Expr.and(all),
        solver);
  }

  /**
   * The {@code kconfig/unmet-dependency} findings: every {@code select} that can turn on a symbol
   * whose dependencies are false, with a witness. Computed on first use — listing variants does not
   * need them.
   */
  private List<Finding> unmetDependencies() {
    List<Finding> findings = new ArrayList<>();
    for (KconfigSymbol s : symbols.values()) {
      for (SelectEdge e : selectedBy.getOrDefault(s.name(), List.of())) {
        Expr unmet =
            Expr.and(
                Expr.sym(e.from().name()),
                e.select().condition(),
                e.from().dependencies(),
                Expr.not(s.dependencies()));
        Optional<SortedMap<String, Boolean>> w = this.solver.witness(unmet);
        if (w.isPresent()) {
          findings.add(
              Finding.of(
                      "kconfig/unmet-dependency",
                      Severity.WARNING,
                      e.select().location(),
                      "with "
                          + describe(w.get(), unmet.symbols())
                          + ", "
                          + e.from().name()
                          + " selects "
                          + s.name()
                          + " although "
                          + s.name()
                          + " depends on "
                          + s.dependencies()
                          + ", which is false: select overrides dependencies",
                      e.from().name() + " -> " + s.name())
                  .withWitness(w.get()));
        }
      }
    }
    findings.sort(Finding.ORDER);
    return List.copyOf(findings);
  }

  private static Expr constraintOf(
      KconfigSymbol s, List<SelectEdge> selectedBy, List<SelectEdge> impliedBy) {
    Expr self = Expr.sym(s.name());
    Expr dep = s.dependencies();
    Expr rev = Expr.or(selectedBy.stream().map(SelectEdge::contribution).toList());
    Expr weakRev = Expr.or(impliedBy.stream().map(SelectEdge::contribution).toList());
    Expr def = Expr.FALSE;
    List<KconfigSymbol.Default> defaults = s.defaults();
    for (int i = defaults.size() - 1; i >= 0; i--) {
      KconfigSymbol.Default d = defaults.get(i);
      def = Expr.or(Expr.and(d.condition(), d.value()), Expr.and(Expr.not(d.condition()), def));
    }
    Expr fallback = Expr.and(Expr.or(def, weakRev), dep);
    if (s.prompt().isEmpty()) {
      return Expr.iff(self, Expr.or(rev, fallback));
    }
    Expr vis = Expr.and(dep, s.promptCondition());
    return Expr.and(
        Expr.implies(rev, self),
        Expr.implies(self, Expr.or(rev, vis, fallback)),
        Expr.implies(Expr.and(Expr.not(rev), Expr.not(vis), fallback), self));
  }

  /** {@code A=y, B=n} for the given symbols of a configuration, in name order. */
  public static String describe(Map<String, Boolean> config, SortedSet<String> which) {
    List<String> parts = new ArrayList<>();
    for (String s : which) {
      Boolean v = config.get(s);
      if (v != null) {
        parts.add(s + "=" + (v ? "y" : "n"));
      }
    }
    return parts.isEmpty() ? "every configuration" : String.join(", ", parts);
  }

  /** Every symbol, sorted. */
  public SortedSet<String> symbolNames() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(symbols.keySet()));
  }

  /** The entry for {@code name}, if defined. */
  public Optional<KconfigSymbol> symbol(String name) {
    return Optional.ofNullable(symbols.get(name));
  }

  /** The symbols whose value, in the Kconfig itself, reads {@code name}. */
  public SortedSet<String> readersOf(String name) {
    return readers.getOrDefault(name, Collections.emptySortedSet());
  }

  /** The whole model as one formula (for evaluation against a given configuration). */
  public Expr constraint() {
    return constraint;
  }

  /** Whether {@code config} (every symbol assigned) is a valid configuration. */
  public boolean isValid(Map<String, Boolean> config) {
    return constraint.eval(s -> Boolean.TRUE.equals(config.get(s)));
  }

  /** Whether some valid configuration satisfies {@code condition} (over known symbols). */
  public boolean isSatisfiable(Expr condition) {
    return solver.isSatisfiable(condition);
  }

  /**
   * The canonical valid configuration satisfying {@code condition}: the lexicographically least one
   * over the sorted symbols with {@code n < y}, or empty if none exists.
   */
  public Optional<SortedMap<String, Boolean>> witness(Expr condition) {
    return solver.witness(condition);
  }

  /**
   * Every valid configuration, in ascending bit-string order over the sorted symbols (SAT
   * enumeration with blocking clauses).
   *
   * @throws IllegalStateException above {@link #ENUMERATION_LIMIT} configurations
   */
  public List<SortedMap<String, Boolean>> allValidConfigurations() {
    return solver.enumerate(Expr.TRUE, ENUMERATION_LIMIT);
  }

  /** A deterministic set of valid configurations covering every feasible pair of option values. */
  public List<SortedMap<String, Boolean>> pairwiseSample() {
    return solver.pairwiseSample();
  }

  /** Model-level findings: {@code kconfig/unmet-dependency}, with witnesses. */
  public List<Finding> findings() {
    if (findings == null) {
      findings = unmetDependencies();
    }
    return findings;
  }

  /** The underlying solver, for callers that issue many related queries. */
  public SatSolver solver() {
    return solver;
  }
}
