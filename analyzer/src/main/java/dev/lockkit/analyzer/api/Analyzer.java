package dev.lockkit.analyzer.api;

import dev.lockkit.analyzer.cycles.CycleFinder;
import dev.lockkit.analyzer.cycles.CycleGroup;
import dev.lockkit.analyzer.cycles.CycleRule;
import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.graph.CodeGraph;
import dev.lockkit.analyzer.graph.Level;
import dev.lockkit.analyzer.layers.BanRule;
import dev.lockkit.analyzer.layers.LayerRule;
import dev.lockkit.analyzer.layers.RulesException;
import dev.lockkit.analyzer.layers.RulesFile;
import dev.lockkit.analyzer.source.FileFacts;
import dev.lockkit.analyzer.source.GraphBuilder;
import dev.lockkit.analyzer.source.InputException;
import dev.lockkit.analyzer.source.InputLimitException;
import dev.lockkit.analyzer.source.InputScanner;
import dev.lockkit.analyzer.source.SourceParser;
import dev.lockkit.analyzer.source.SourceRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dependency check as a library: parse, build the graph, run the rules.
 *
 * <pre>{@code
 * AnalysisResult r = Analyzer.on(Path.of("lockcore"), Path.of("analyzer"))
 *     .rules(Path.of("lockkit-rules.txt"))
 *     .run();
 * r.findings("cycle/package");
 * }</pre>
 *
 * <p>Each {@link #run()} is independent; the builder is not thread-safe.
 */
public final class Analyzer {

  private final List<Path> paths;
  private Path rules;
  private RulesFile rulesFile;
  private Path displayBase = Path.of("").toAbsolutePath();
  private SourceParser.Options options = SourceParser.Options.defaults();
  private SourceParser.Progress progress = SourceParser.Progress.NONE;
  private FindingSource extra;
  private Path kconfig;

  private Analyzer(List<Path> paths) {
    this.paths = List.copyOf(paths);
  }

  /** An analysis of these paths (source roots, Maven modules, or a multi-module checkout). */
  public static Analyzer on(Path... paths) {
    return new Analyzer(List.of(paths));
  }

  /** An analysis of these paths. */
  public static Analyzer on(List<Path> paths) {
    return new Analyzer(paths);
  }

  /** Reads layering rules from this file. */
  public Analyzer rules(Path file) {
    this.rules = Objects.requireNonNull(file);
    return this;
  }

  /** Uses already parsed rules. */
  public Analyzer rules(RulesFile parsed) {
    this.rulesFile = Objects.requireNonNull(parsed);
    return this;
  }

  /** Paths in findings are shown relative to this directory (default: the working directory). */
  public Analyzer displayBase(Path dir) {
    this.displayBase = dir.toAbsolutePath().normalize();
    return this;
  }

  public Analyzer parserOptions(SourceParser.Options options) {
    this.options = Objects.requireNonNull(options);
    return this;
  }

  public Analyzer progress(SourceParser.Progress progress) {
    this.progress = Objects.requireNonNull(progress);
    return this;
  }

  /** Adds the findings of another rule set (config gating) run with a Kconfig file. */
  public Analyzer with(FindingSource source, Path kconfig) {
    this.extra = Objects.requireNonNull(source);
    this.kconfig = Objects.requireNonNull(kconfig);
    return this;
  }

  /**
   * Runs the analysis.
   *
   * @throws InputException when a path does not exist or holds no Java sources
   * @throws RulesException when the rules file cannot be read or is invalid
   * @throws ExtraRulesException when the added rule set fails
   */
  public AnalysisResult run() throws InputException, RulesException, ExtraRulesException {
    RulesFile rf =
        rulesFile != null
            ? rulesFile
            : rules != null ? RulesFile.read(rules, display(rules)) : RulesFile.empty();
    List<SourceRoot> roots = InputScanner.scan(paths);
    // Receivers are typed only for the method names some ban names: free without such bans.
    Set<String> bannedMembers = new TreeSet<>();
    rf.bans().forEach(b -> Optional.ofNullable(b.member()).ifPresent(bannedMembers::add));
    SourceParser.Parsed parsed =
        new SourceParser(options, displayBase)
            .typeReceiversOf(bannedMembers)
            .parse(roots, progress);
    List<Finding> findings = new ArrayList<>(GraphBuilder.inputFindings(parsed.files()));
    int notAnalysed = 0;
    for (FileFacts f : parsed.files()) {
      if (f.problems().stream().anyMatch(p -> p.severity() == Severity.ERROR)) {
        notAnalysed++;
      }
    }
    BanRule bans = rf.bans().isEmpty() ? null : new BanRule(rf);
    CodeGraph graph = GraphBuilder.build(parsed.modules(), parsed.files(), bans);
    TreeSet<String> ran = new TreeSet<>();
    if (bans != null) {
      findings.addAll(bans.findings());
      ran.add(BanRule.RULE);
    }
    List<CycleGroup> cycles = new ArrayList<>();
    for (Level level : List.of(Level.MODULE, Level.PACKAGE, Level.TYPE)) {
      String rule = CycleRule.ruleId(level);
      List<CycleGroup> groups = CycleFinder.find(graph.edges(level));
      cycles.addAll(groups);
      Severity sev = rf.severities().getOrDefault(rule, CycleRule.defaultSeverity(level));
      findings.addAll(CycleRule.findings(groups, sev));
      ran.add(rule);
    }
    findings.addAll(LayerRule.check(graph, rf));
    ran.add(LayerRule.RULE);
    if (extra != null) {
      try {
        findings.addAll(extra.findings(roots, kconfig, displayBase, rf.guards()));
      } catch (InputLimitException e) {
        throw new InputException(e.getMessage(), e); // already names its file and line
      } catch (Exception e) {
        // A Kconfig error already starts with its file:line; anything else gets the Kconfig's path.
        throw new ExtraRulesException(
            e instanceof dev.lockkit.analyzer.kconfig.KconfigException
                ? e.getMessage()
                : kconfig + ": " + e.getMessage(),
            e);
      }
    }
    findings.sort(Finding.ORDER);
    return new AnalysisResult(
        graph, findings, cycles, new ArrayList<>(ran), parsed.files().size(), notAnalysed);
  }

  private String display(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path shown = abs.startsWith(displayBase) ? displayBase.relativize(abs) : abs;
    return shown.toString().replace('\\', '/');
  }

  /** The added rule set (config gating) failed. */
  public static final class ExtraRulesException extends Exception {
    public ExtraRulesException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
