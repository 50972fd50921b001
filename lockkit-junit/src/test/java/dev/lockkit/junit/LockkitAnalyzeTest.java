package dev.lockkit.junit;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The declarative form, as a team writes it: the class says what to analyse, each method one rule.
 * Here on the clean shop, so every rule passes.
 */
@LockkitAnalyze(
    sources = LockkitRulesTest.CLEAN + "src/main/java",
    rules = LockkitRulesTest.CLEAN + "lockkit-rules.txt",
    kconfig = LockkitRulesTest.CLEAN + "Kconfig")
class LockkitAnalyzeTest {

  @TestFactory
  Stream<DynamicTest> noPackageCycles(LockkitProject project) {
    return LockkitRules.noPackageCycles().dynamicTests(project);
  }

  @TestFactory
  Stream<DynamicTest> configGating(LockkitProject project) {
    return LockkitRules.configGating().dynamicTests(project);
  }

  @Test
  void layersRespected(LockkitProject project) {
    LockkitRules.layersRespected().check(project);
  }

  @Test
  void theProjectIsAnalysedOncePerClass(LockkitProject project) {
    assertSame(
        project.analysis(),
        LockkitExtension.project(LockkitAnalyzeTest.class.getAnnotation(LockkitAnalyze.class))
            .analysis());
  }
}
