package dev.lockkit.analyzer.gating;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.gating.members.CodeModel;
import dev.lockkit.analyzer.gating.members.MemberExtractor;
import dev.lockkit.analyzer.kconfig.FeatureModel;
import dev.lockkit.analyzer.kconfig.KconfigException;
import dev.lockkit.analyzer.kconfig.KconfigOptions;
import dev.lockkit.analyzer.kconfig.KconfigParser;
import dev.lockkit.analyzer.pc.Expr;
import dev.lockkit.analyzer.pc.Guards;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Entry point of config-gating analysis: every {@code gate/*} rule plus the Kconfig's own {@code
 * kconfig/unmet-dependency} findings, over all configurations at once.
 *
 * <p>Order of work: parse the Kconfig (bad input stops here with a {@link KconfigException}),
 * extract the member-level code model, then run the symbol, condition, reference and definition
 * rules against one shared SAT solver, so condition encodings and query results are reused across
 * rules. Witnesses are canonical (the least model), so they do not depend on the solver's search.
 * Findings come back sorted in {@link Finding#ORDER}.
 */
public final class GatingAnalyzer {
  private GatingAnalyzer() {}

  /** The findings together with what they were computed from. */
  public record Result(FeatureModel model, CodeModel code, List<GatingFinding> findings) {
    /** Just the findings, in report order. */
    public List<Finding> plainFindings() {
      return findings.stream().map(GatingFinding::finding).toList();
    }
  }

  /**
   * Runs every gating rule on the Java sources under {@code sourceRoots} against the Kconfig at
   * {@code kconfig}. Files that do not parse are skipped here (the dependency front end reports
   * them); malformed {@code @IfConfig} conditions are reported as {@code input/parse}.
   *
   * @throws KconfigException if the Kconfig is missing, includes itself, or is malformed, with its
   *     {@code file:line}
   * @throws IOException if a source root cannot be read
   */
  public static List<Finding> analyze(List<Path> sourceRoots, Path kconfig)
      throws KconfigException, IOException {
    return run(sourceRoots, kconfig, false).plainFindings();
  }

  /**
   * Like {@link #analyze(List, Path)}, with every path (Java sources and the Kconfig) shown
   * relative to {@code displayBase} when the file lies below it, else absolute — the convention of
   * the dependency check's findings, so that one report's paths are all clickable from where the
   * user ran it. Without it, source paths are relative to their source root.
   */
  public static List<Finding> analyze(List<Path> sourceRoots, Path kconfig, Path displayBase)
      throws KconfigException, IOException {
    return analyze(sourceRoots, kconfig, displayBase, KconfigOptions.DEFAULT, Guards.defaults());
  }

  /** Like {@link #analyze(List, Path, Path)}, reading the Kconfig with {@code options}. */
  public static List<Finding> analyze(
      List<Path> sourceRoots, Path kconfig, Path displayBase, KconfigOptions options)
      throws KconfigException, IOException {
    return analyze(sourceRoots, kconfig, displayBase, options, Guards.defaults());
  }

  /**
   * Like {@link #analyze(List, Path, Path)}, recognising these condition annotations and guard
   * methods instead of lockcore's.
   */
  public static List<Finding> analyze(
      List<Path> sourceRoots, Path kconfig, Path displayBase, Guards guards)
      throws KconfigException, IOException {
    return analyze(sourceRoots, kconfig, displayBase, KconfigOptions.DEFAULT, guards);
  }

  /** Like {@link #analyze(List, Path, Path)}, with both the Kconfig options and the guards. */
  public static List<Finding> analyze(
      List<Path> sourceRoots, Path kconfig, Path displayBase, KconfigOptions options, Guards guards)
      throws KconfigException, IOException {
    FeatureModel model = KconfigParser.parse(kconfig, displayBase, options);
    CodeModel code = MemberExtractor.extract(sourceRoots, displayBase, guards);
    return run(model, code, false).plainFindings();
  }

  /**
   * Like {@link #analyze} but returning the model, the code model and each finding's condition;
   * {@code reportUnparsableFiles} adds an {@code input/parse} finding for each Java file that does
   * not parse (for callers without their own front end).
   */
  public static Result run(List<Path> sourceRoots, Path kconfig, boolean reportUnparsableFiles)
      throws KconfigException, IOException {
    return run(sourceRoots, kconfig, reportUnparsableFiles, Guards.defaults());
  }

  /** Like {@link #run(List, Path, boolean)}, recognising these guards instead of lockcore's. */
  public static Result run(
      List<Path> sourceRoots, Path kconfig, boolean reportUnparsableFiles, Guards guards)
      throws KconfigException, IOException {
    FeatureModel model = KconfigParser.parse(kconfig);
    CodeModel code = MemberExtractor.extract(sourceRoots, null, guards);
    return run(model, code, reportUnparsableFiles);
  }

  /** Runs the rules on an already built model and code model. */
  public static Result run(FeatureModel model, CodeModel code, boolean reportUnparsableFiles) {
    Context ctx = new Context(model);
    for (Finding f : model.findings()) {
      ctx.add(f, Expr.FALSE, false);
    }
    // Member suffixes (#name/arity, #field) declared under a condition somewhere in the project.
    Set<String> gated = new HashSet<>();
    for (CodeModel.Declaration d : code.declarations()) {
      if (!d.condition().equals(Expr.TRUE) && d.target().indexOf('#') >= 0) {
        gated.add(d.target().substring(d.target().indexOf('#')));
      }
    }
    for (CodeModel.Unresolved u : code.unresolved()) {
      if (!u.matters(gated)) {
        continue;
      }
      // Counted and reported, never dropped: "no unguarded reference" must not mean "could not
      // resolve". The report's summary counts them and says the run is incomplete.
      // A guard-like call that cannot be confirmed may leave code ungated: an error. A reference
      // that cannot be placed is common in code that calls libraries through generic results
      // (66 in lockkit's own checkout, none in lockcore): a warning, but still an incomplete run.
      ctx.add(
          Finding.of(
              "input/unresolved",
              u.member() == null && !u.assumedGuard() ? Severity.ERROR : Severity.WARNING,
              u.location(),
              u.assumedGuard()
                  ? "could not resolve the receiver of "
                      + u.what()
                      + "; taken as the guard method of that name, so the run is incomplete"
                  : "could not resolve "
                      + u.what()
                      + "; config gating does not see what it refers to, so the run is"
                      + " incomplete",
              u.what() + " in " + u.location().path()),
          Expr.TRUE,
          false);
    }
    SymbolRules.run(ctx, code, reportUnparsableFiles);
    ConditionRules.run(ctx, code);
    ReferenceRules.run(ctx, code);
    DefinitionRules.run(ctx, code);
    List<GatingFinding> sorted = new ArrayList<>(ctx.out);
    sorted.sort(Comparator.comparing(GatingFinding::finding, Finding.ORDER));
    return new Result(model, code, List.copyOf(sorted));
  }
}
