package dev.lockkit.junit;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * A rule that must hold on a {@link LockkitProject}: the set of lockkit findings it selects must be
 * empty (or, {@link #frozen frozen}, hold nothing new). Rules are immutable; build them with {@link
 * LockkitRules}.
 */
public final class LockkitRule {

  private final String description;
  private final Predicate<String> ruleIds;
  private final Severity atLeast;

  LockkitRule(String description, Predicate<String> ruleIds, Severity atLeast) {
    this.description = description;
    this.ruleIds = ruleIds;
    this.atLeast = atLeast;
  }

  /** This rule, counting only findings at least this severe (default: every finding). */
  public LockkitRule atLeast(Severity severity) {
    return new LockkitRule(description, ruleIds, Objects.requireNonNull(severity));
  }

  /** Whether a rule id (such as {@code cycle/package}) belongs to this rule. */
  boolean owns(String ruleId) {
    return ruleIds.test(ruleId);
  }

  /** The findings of this rule on the project, in report order. */
  public List<Finding> findings(LockkitProject project) {
    return project.analysis().findings().stream()
        .filter(f -> owns(f.rule()))
        .filter(f -> f.severity().compareTo(atLeast) >= 0)
        .toList();
  }

  /**
   * Asserts the rule holds: one assertion failure whose message lists every finding, one per line,
   * compiler style ({@code path:line:col: [rule] message}).
   */
  public void check(LockkitProject project) {
    fail(findings(project));
  }

  /**
   * One dynamic test per finding, named and failing with its file and line; a single passing test
   * when there is none, so the report shows the rule was checked. (No test source URI: Surefire 3.5
   * drops dynamic tests whose source is a file URI from its reports.)
   */
  public Stream<DynamicTest> dynamicTests(LockkitProject project) {
    return dynamicTests(findings(project));
  }

  /**
   * This rule with a frozen-violation store: findings the store lists are accepted, new ones fail.
   * The store is a lockkit baseline file ({@code lockkit analyze --write-baseline} writes the same
   * format). When it does not exist it is created from the current findings, and entries that no
   * longer occur are dropped, so it only shrinks; on CI ({@code CI=true}) the store is never
   * written: a missing store is a failure there.
   */
  public FrozenRule frozen(String store) {
    return new FrozenRule(this, Path.of(store), "true".equalsIgnoreCase(System.getenv("CI")));
  }

  /** As {@link #frozen(String)}, saying whether this is a CI run. */
  FrozenRule frozen(Path store, boolean ci) {
    return new FrozenRule(this, store, ci);
  }

  String description() {
    return description;
  }

  Stream<DynamicTest> dynamicTests(List<Finding> findings) {
    if (findings.isEmpty()) {
      return Stream.of(DynamicTest.dynamicTest(description + ": no findings", () -> {}));
    }
    return findings.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.location() + " [" + f.rule() + "]",
                    () -> {
                      throw new AssertionFailedError(f.oneLine());
                    }));
  }

  void fail(List<Finding> findings) {
    if (findings.isEmpty()) {
      return;
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        description + ": " + findings.size() + (findings.size() == 1 ? " finding" : " findings"));
    findings.forEach(f -> lines.add("  " + f.oneLine()));
    throw new AssertionFailedError(String.join("\n", lines));
  }

  @Override
  public String toString() {
    return description;
  }
}
