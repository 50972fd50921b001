package dev.lockkit.junit;

import dev.lockkit.analyzer.baseline.Baseline;
import dev.lockkit.analyzer.finding.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * A {@link LockkitRule} that accepts the violations a store lists (ArchUnit calls this freezing):
 * how a team adopts a rule on a codebase that already breaks it, then ratchets. The store is a
 * lockkit baseline (findings keyed by rule and endpoints, never by line), so it survives edits.
 *
 * <p>Several frozen rules may share one store: each reads and rewrites only the entries of its own
 * rule ids.
 */
public final class FrozenRule {

  private final LockkitRule rule;
  private final Path store;
  private final boolean ci;

  /** {@code ci}: never write the store (read from {@code CI=true} unless a test says). */
  FrozenRule(LockkitRule rule, Path store, boolean ci) {
    this.rule = rule;
    this.store = store;
    this.ci = ci;
  }

  /** Asserts nothing new: one failure listing every finding the store does not list. */
  public void check(LockkitProject project) {
    rule.fail(newFindings(project));
  }

  /** One dynamic test per new finding (a single passing test when there is none). */
  public Stream<DynamicTest> dynamicTests(LockkitProject project) {
    return rule.dynamicTests(newFindings(project));
  }

  /**
   * The findings the store does not list; creates or shrinks the store as the class comment says.
   */
  public List<Finding> newFindings(LockkitProject project) {
    List<Finding> findings = rule.findings(project);
    try {
      if (!Files.exists(store)) {
        if (ci) {
          throw new AssertionFailedError(
              "lockkit: frozen-violation store "
                  + store
                  + " not found; it is never created on CI (CI=true): run the test locally and"
                  + " commit the store");
        }
        Baseline.of(findings).write(store);
        return List.of();
      }
      Baseline known = Baseline.read(store);
      List<Finding> fresh = known.newFindings(findings);
      if (!ci) {
        shrink(known, findings);
      }
      return fresh;
    } catch (IOException | dev.lockkit.analyzer.io.OutputException e) {
      throw new UncheckedIOException(
          "lockkit: frozen-violation store " + store + ": " + e.getMessage(),
          e instanceof IOException io ? io : new IOException(e.getMessage(), e));
    } catch (Baseline.FormatException e) {
      // A store that is not a baseline: say which file and line, as the CLI does.
      throw new AssertionFailedError("lockkit: frozen-violation store " + e.getMessage());
    }
  }

  /** Drops this rule's entries that no longer occur, keeping every other rule's entries. */
  private void shrink(Baseline known, List<Finding> findings)
      throws dev.lockkit.analyzer.io.OutputException {
    Baseline current = Baseline.of(findings);
    List<String> kept = new ArrayList<>();
    boolean dropped = false;
    for (String key : known.keys()) {
      int bar = key.indexOf('|');
      String ruleId = bar < 0 ? key : key.substring(0, bar);
      if (rule.owns(ruleId) && !current.keys().contains(key)) {
        dropped = true;
      } else {
        kept.add(key);
      }
    }
    if (dropped) {
      Baseline.ofKeys(kept).write(store);
    }
  }
}
