package dev.lockkit.analyzer.kconfig;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Location;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.pc.Expr;
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
 * <p>The constraints are written by {@link ModelBuilder} (Kconfig's evaluation rules in tristate
 * logic). A configuration, as every query answers it, maps each <em>symbol</em> — a bool or
 * tristate symbol, or a symbol used but defined in no loaded file (free) — to whether it is
 * present: {@code y}, or {@code m} for a tristate, the kernel's {@code IS_ENABLED()}. The solver
 * has further, hidden variables ({@link #variables()}), named with a leading {@code ~}: {@code
 * ~S=y} for each tristate {@code S} ("S is y, not m"), and one per comparison of values or unknown
 * macro result; configurations that differ only in them are the same configuration here, and they
 * never appear in one.
 *
 * <p>{@code select} ignores the target's dependencies, exactly as Kconfig does, so a configuration
 * with a selected symbol whose dependencies are false is valid — and reported as {@code
 * kconfig/unmet-dependency}. Before encoding, the graph "S's value reads U" must be acyclic
 * (Kconfig's "recursive dependency"); the build checks that a valid configuration exists.
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
  private final SortedSet<String> hidden;
  private final List<Finding> diagnostics;
  private List<Finding> findings;

  private FeatureModel(
      SortedMap<String, KconfigSymbol> symbols,
      Map<String, SortedSet<String>> readers,
      Map<String, List<SelectEdge>> selectedBy,
      Expr constraint,
      SatSolver solver,
      SortedSet<String> hidden,
      List<Finding> diagnostics) {
    this.hidden = hidden;
    this.diagnostics = diagnostics;
    this.symbols = symbols;
    this.readers = readers;
    this.selectedBy = selectedBy;
    this.constraint = constraint;
    this.solver = solver;
  }

  static FeatureModel build(
      SortedMap<String, KconfigSymbol> symbols,
      Map<String, List<SelectEdge>> reverse,
      DependencyGraph graph,
      List<Expr> constraints,
      SortedSet<String> hidden,
      List<Finding> diagnostics,
      Location top)
      throws KconfigException {
    SortedSet<String> variables = new TreeSet<>(symbols.keySet());
    variables.addAll(hidden);
    SatSolver solver = new SatSolver(variables);
    for (Expr c : constraints) {
      solver.require(c);
    }
    if (!solver.isSatisfiable(Expr.TRUE)) {
      throw new KconfigException(top, "the Kconfig admits no valid configuration");
    }
    return new FeatureModel(
        Collections.unmodifiableSortedMap(symbols),
        graph.readers(),
        reverse,
        Expr.and(constraints),
        solver,
        Collections.unmodifiableSortedSet(hidden),
        List.copyOf(diagnostics));
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

  /** Every symbol (bool, tristate and free), sorted. */
  public SortedSet<String> symbolNames() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(symbols.keySet()));
  }

  /**
   * Every solver variable: the symbols and the hidden variables, sorted — what a solver needs to
   * take {@link #constraint()} as a hard constraint.
   */
  public SortedSet<String> variables() {
    SortedSet<String> all = new TreeSet<>(symbols.keySet());
    all.addAll(hidden);
    return Collections.unmodifiableSortedSet(all);
  }

  /** {@code config} restricted to the symbols (hidden variables dropped). */
  private SortedMap<String, Boolean> project(Map<String, Boolean> config) {
    SortedMap<String, Boolean> out = new TreeMap<>();
    for (Map.Entry<String, Boolean> e : config.entrySet()) {
      if (symbols.containsKey(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return Collections.unmodifiableSortedMap(out);
  }

  private List<SortedMap<String, Boolean>> projectAll(List<SortedMap<String, Boolean>> configs) {
    if (hidden.isEmpty()) {
      return configs;
    }
    java.util.LinkedHashSet<SortedMap<String, Boolean>> distinct = new java.util.LinkedHashSet<>();
    for (SortedMap<String, Boolean> c : configs) {
      distinct.add(project(c));
    }
    List<SortedMap<String, Boolean>> out = new ArrayList<>(distinct);
    out.sort(SatSolver::compareConfigurations);
    return out;
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

  /**
   * Whether {@code config} (every symbol assigned; hidden variables may be given or not) is a valid
   * configuration.
   */
  public boolean isValid(Map<String, Boolean> config) {
    if (hidden.isEmpty()) {
      return constraint.eval(s -> Boolean.TRUE.equals(config.get(s)));
    }
    List<Expr> literals = new ArrayList<>();
    for (String s : symbols.keySet()) {
      Expr v = Expr.sym(s);
      literals.add(Boolean.TRUE.equals(config.get(s)) ? v : Expr.not(v));
    }
    return solver.isSatisfiable(Expr.and(literals));
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
    Optional<SortedMap<String, Boolean>> w = solver.witness(condition);
    return hidden.isEmpty() ? w : w.map(this::project);
  }

  /**
   * Every valid configuration, in ascending bit-string order over the sorted symbols (SAT
   * enumeration with blocking clauses).
   *
   * @throws IllegalStateException above {@link #ENUMERATION_LIMIT} configurations
   */
  public List<SortedMap<String, Boolean>> allValidConfigurations() {
    return validConfigurations(ENUMERATION_LIMIT);
  }

  /**
   * Every valid configuration, as {@link #allValidConfigurations()}, but refused as soon as the
   * enumeration passes {@code limit} solver models (so a huge option set fails at once, not after
   * minutes). With tristates, y and m of one symbol are two models but one configuration, so the
   * limit is counted on models.
   *
   * @throws IllegalStateException above {@code limit} models
   */
  public List<SortedMap<String, Boolean>> validConfigurations(int limit) {
    return projectAll(solver.enumerate(Expr.TRUE, limit));
  }

  /** A deterministic set of valid configurations covering every feasible pair of option values. */
  public List<SortedMap<String, Boolean>> pairwiseSample() {
    return projectAll(solver.pairwiseSample());
  }

  /**
   * Model-level findings: {@code kconfig/unmet-dependency} with witnesses, and the reading
   * diagnostics — {@code kconfig/unsupported} and {@code kconfig/missing-source} warnings, {@code
   * kconfig/values-ignored}, {@code kconfig/unknown-macro} and {@code kconfig/undefined-symbol}
   * notes — in report order.
   */
  public List<Finding> findings() {
    if (findings == null) {
      List<Finding> all = new ArrayList<>(unmetDependencies());
      all.addAll(diagnostics);
      all.sort(Finding.ORDER);
      findings = List.copyOf(all);
    }
    return findings;
  }

  /** The symbols of type {@code t}, sorted (e.g. the tristates, or the free ones). */
  public SortedSet<String> symbolsOfType(KconfigSymbol.Type t) {
    SortedSet<String> out = new TreeSet<>();
    symbols.values().stream().filter(s -> s.type() == t).forEach(s -> out.add(s.name()));
    return out;
  }

  /** The underlying solver, for callers that issue many related queries. */
  public SatSolver solver() {
    return solver;
  }
}
