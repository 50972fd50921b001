package dev.lockkit.maven;

import dev.lockkit.analyzer.api.AnalysisResult;
import dev.lockkit.analyzer.api.Analyzer;
import dev.lockkit.analyzer.baseline.Baseline;
import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.layers.RulesException;
import dev.lockkit.analyzer.report.Report;
import dev.lockkit.analyzer.report.Reporter;
import dev.lockkit.analyzer.source.InputException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code lockkit:check}, the CI dependency check of {@code lockkit analyze} in the build: cycles,
 * layering and API bans (with {@code rules}), config gating on every build variant (with {@code
 * kconfig}), new findings only (with {@code baseline}). Always writes SARIF 2.1.0 and JUnit XML
 * under {@code target/lockkit/}; fails the build, compiler style, when a reported finding reaches
 * {@code failOn}. A missing rules, Kconfig or baseline file is a configuration error (the build
 * stops with one line naming the file), never a silently skipped check.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends LockkitMojo {

  /** Rules file (layers, forbidden dependencies, bans), as {@code --rules}. */
  @Parameter(property = "lockkit.rules")
  File rules;

  /** Kconfig feature model: also run config gating, as {@code --kconfig}. */
  @Parameter(property = "lockkit.kconfig")
  File kconfig;

  /** Report only findings this baseline does not list, as {@code --baseline}. */
  @Parameter(property = "lockkit.baseline")
  File baseline;

  /** Write every finding's key to this baseline file, as {@code --write-baseline}. */
  @Parameter(property = "lockkit.writeBaseline")
  File writeBaseline;

  /** {@code info}, {@code warning} or {@code error}: the severity that fails the build. */
  @Parameter(property = "lockkit.failOn", defaultValue = "error")
  String failOn;

  /** Whether findings at or above {@code failOn} fail the build (false: report only). */
  @Parameter(property = "lockkit.failOnFindings", defaultValue = "true")
  boolean failOnFindings;

  /** SARIF 2.1.0 report, for code scanning. */
  @Parameter(
      property = "lockkit.sarif",
      defaultValue = "${project.build.directory}/lockkit/lockkit.sarif")
  File sarif;

  /** JUnit XML report, one test case per finding, for CI test views. */
  @Parameter(
      property = "lockkit.junitXml",
      defaultValue = "${project.build.directory}/lockkit/TEST-lockkit.xml")
  File junitXml;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    List<Path> roots = existingSourceRoots();
    if (roots.isEmpty()) {
      getLog().info("lockkit: no Java source roots in this module; nothing to check");
      return;
    }
    Severity threshold;
    try {
      threshold = Severity.parse(failOn);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("lockkit: failOn: " + e.getMessage());
    }
    Baseline known = Baseline.empty();
    if (baseline != null) {
      requireFile(baseline, "baseline");
      try {
        known = Baseline.read(baseline.toPath());
      } catch (IOException e) {
        throw new MojoExecutionException(
            "lockkit: " + display(baseline) + ": cannot read baseline: " + e.getMessage());
      } catch (Baseline.FormatException e) {
        throw new MojoExecutionException("lockkit: " + e.getMessage());
      }
    }
    Analyzer analyzer = Analyzer.on(roots).displayBase(basedir.toPath());
    if (rules != null) {
      requireFile(rules, "rules file");
      analyzer.rules(rules.toPath());
    }
    if (kconfig != null) {
      requireFile(kconfig, "Kconfig");
      analyzer.with(dev.lockkit.analyzer.api.Gating.rules(), kconfig.toPath());
    }
    AnalysisResult result;
    try {
      result = analyzer.run();
    } catch (InputException | RulesException | Analyzer.ExtraRulesException e) {
      throw new MojoExecutionException("lockkit: " + e.getMessage());
    }
    Report report = result.report(known);
    // Baseline and reports through analyzer's one output writer, together: all or none, a
    // replaced file keeps its mode and a new one gets the umask's (not a temporary file's 0600).
    try {
      dev.lockkit.analyzer.io.OutputFiles outputs = new dev.lockkit.analyzer.io.OutputFiles();
      if (writeBaseline != null) {
        outputs.add(writeBaseline.toPath(), Baseline.of(result.findings()).text());
      }
      outputs.add(sarif.toPath(), Reporter.forFormat("sarif").render(report));
      outputs.add(junitXml.toPath(), Reporter.forFormat("junit").render(report));
      outputs.commit();
      if (writeBaseline != null) {
        getLog().info("lockkit: baseline written to " + display(writeBaseline));
      }
    } catch (dev.lockkit.analyzer.io.OutputException e) {
      throw new MojoExecutionException("lockkit: cannot write a report: " + e.getMessage());
    }
    List<String> lines = Reporter.forFormat("text").render(report).lines().toList();
    boolean failing = AnalysisResult.anyAtLeast(report.findings(), threshold);
    for (String line : lines) {
      if (line.startsWith("lockkit: ")) {
        getLog().info(line);
      } else if (failing && failOnFindings) {
        getLog().error(line);
      } else {
        getLog().warn(line);
      }
    }
    getLog().info("lockkit: SARIF " + display(sarif) + ", JUnit XML " + display(junitXml));
    if (failing && failOnFindings) {
      throw new MojoFailureException(
          Failures.message(
              "lockkit check",
              report.findings().stream()
                  .filter(f -> f.severity().compareTo(threshold) >= 0)
                  .map(Finding::oneLine)
                  .toList()));
    }
  }
}
