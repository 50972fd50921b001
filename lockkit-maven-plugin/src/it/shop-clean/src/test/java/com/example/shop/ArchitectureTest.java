package com.example.shop;

import dev.lockkit.junit.LockkitAnalyze;
import dev.lockkit.junit.LockkitProject;
import dev.lockkit.junit.LockkitRules;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The shop's architecture as JUnit tests: what a team adds beside its unit tests. */
@LockkitAnalyze(sources = "src/main/java", rules = "lockkit-rules.txt", kconfig = "Kconfig")
class ArchitectureTest {

  @TestFactory
  Stream<DynamicTest> noPackageCycles(LockkitProject project) {
    return LockkitRules.noPackageCycles().dynamicTests(project);
  }

  @Test
  void layersRespected(LockkitProject project) {
    LockkitRules.layersRespected().check(project);
  }

  @TestFactory
  Stream<DynamicTest> configGating(LockkitProject project) {
    return LockkitRules.configGating().dynamicTests(project);
  }

  @Test
  void noTypeCyclesBeyondTheFrozenOnes(LockkitProject project) {
    LockkitRules.noTypeCycles().frozen("src/test/resources/lockkit-frozen.txt").check(project);
  }
}
