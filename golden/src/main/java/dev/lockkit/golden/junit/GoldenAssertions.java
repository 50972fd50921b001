package dev.lockkit.golden.junit;

import dev.lockkit.golden.approve.ApprovalStore;
import dev.lockkit.golden.approve.Policy;
import dev.lockkit.golden.explore.Exploration;
import dev.lockkit.golden.grade.Grading;
import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Scenario;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opentest4j.AssertionFailedError;

/**
 * Golden-file assertions for tests: {@code verify(dir, name, variant, text)} compares with {@code
 * dir/<name>.<variant>.approved.txt} under the process's {@link Policy} ({@code
 * -Dgolden.update=true} to re-record; never on CI).
 */
public final class GoldenAssertions {

  // One store per directory for the whole test run, so a file checked twice is caught.
  private static final Map<Path, ApprovalStore> STORES = new ConcurrentHashMap<>();

  private GoldenAssertions() {}

  /**
   * Fails unless {@code text} equals the approved file (or the policy re-records it).
   *
   * @throws AssertionFailedError naming the file, the first difference, and how to approve
   */
  public static void verify(Path dir, String name, Variant variant, String text) {
    verify(dir, store -> store.check(name, variant, text));
  }

  /**
   * Fails unless {@code text} equals {@code dir/<name>.approved.txt} (or the policy re-records it):
   * for texts that are not per variant.
   *
   * @throws AssertionFailedError naming the file, the first difference, and how to approve
   */
  public static void verify(Path dir, String name, String text) {
    verify(dir, store -> store.checkText(name, text));
  }

  private static void verify(
      Path dir, java.util.function.Function<ApprovalStore, ApprovalStore.Result> check) {
    ApprovalStore store =
        STORES.computeIfAbsent(
            dir.toAbsolutePath().normalize(), d -> new ApprovalStore(d, Policy.fromEnvironment()));
    ApprovalStore.Result r;
    synchronized (store) {
      r = check.apply(store);
    }
    if (!r.passed()) {
      String how =
          store.policy() == Policy.STRICT
              ? " (CI: nothing is approved automatically; re-record locally with -Dgolden.update=true and commit)"
              : " (review the .received.txt beside it; approve with -Dgolden.update=true)";
      throw new AssertionFailedError(
          "golden "
              + r.status().name().toLowerCase(java.util.Locale.ROOT)
              + ": "
              + r.approved()
              + ": "
              + r.detail()
              + how);
    }
  }

  /**
   * Fails when {@code scenario} declares outcomes and {@code exploration} reached a forbidden one
   * (declared forbidden, or declared by nobody), naming each with the schedule that replays it. An
   * expected outcome that was not reached does not fail (it is in the golden text); scenarios
   * without declarations always pass.
   */
  public static void assertGraded(Scenario scenario, Exploration exploration) {
    Grading g = Grading.of(scenario, exploration);
    if (g != null && !g.ok()) {
      StringBuilder sb = new StringBuilder(scenario.name()).append(": forbidden outcomes reached");
      for (Grading.Graded f : g.forbidden()) {
        sb.append("\n  ").append(f.describe());
      }
      throw new AssertionFailedError(sb.toString());
    }
  }
}
