package dev.lockkit.golden.lockcore;

import static org.junit.jupiter.api.Assertions.assertAll;

import dev.lockkit.golden.approve.ApprovalStore;
import dev.lockkit.golden.approve.Policy;
import dev.lockkit.golden.cli.BadInputException;
import dev.lockkit.golden.cli.Plan;
import dev.lockkit.golden.explore.Explorer;
import dev.lockkit.golden.junit.GoldenAssertions;
import dev.lockkit.golden.junit.VariantMatrixTest;
import dev.lockkit.golden.matrix.LockcoreVariants;
import dev.lockkit.golden.matrix.Variant;
import dev.lockkit.golden.scenario.Scenario;
import dev.lockkit.golden.target.ScenarioRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.function.Executable;

/**
 * The lockcore golden suite: every scenario of {@code fixtures/scenarios} on every valid lockcore
 * configuration, checked against {@code fixtures/approved}. One test per variant. Re-record with
 * {@code mvn -pl golden test -Dtest=LockcoreGoldenSuiteTest -Dgolden.update=true} (never on CI).
 */
class LockcoreGoldenSuiteTest {

  // Surefire runs with the module directory as working directory.
  private static final Path FIXTURES = Path.of("..", "fixtures").toAbsolutePath().normalize();
  private static final Path APPROVED = FIXTURES.resolve("approved");

  private static Plan plan;
  private static Explorer explorer;

  @BeforeAll
  static void load() throws BadInputException {
    plan = Plan.load(FIXTURES.resolve("scenarios"), new LockcoreVariants());
    explorer = new Explorer();
  }

  /**
   * Reports (does not fail on) approved files no pair produces: the directory is shared with other
   * golden files (the analyzer's approved output lives there too), so only a reader can tell.
   */
  @AfterAll
  static void reportObsoleteApprovedFiles() {
    explorer.close();
    ApprovalStore store = new ApprovalStore(APPROVED, Policy.VERIFY);
    Set<Path> expected = new HashSet<>();
    for (Plan.Pair p : plan.pairs()) {
      expected.add(store.approvedFile(p.scenario().name(), p.variant()));
    }
    for (Path p : store.obsolete(expected)) {
      System.err.println("golden: approved file produced by no scenario of this suite: " + p);
    }
  }

  @VariantMatrixTest
  void everyScenarioMatchesItsApprovedFile(Variant variant) {
    ScenarioRunner runner = new ScenarioRunner(explorer);
    LockcoreTarget target = new LockcoreTarget();
    List<Executable> checks = new ArrayList<>();
    for (Scenario s : plan.scenarios()) {
      if (s.config().matches(variant.enabled())) {
        String text = ScenarioRunner.goldenText(s, variant, runner.run(s, variant, target));
        checks.add(() -> GoldenAssertions.verify(APPROVED, s.name(), variant, text));
      }
    }
    assertAll(checks);
  }
}
