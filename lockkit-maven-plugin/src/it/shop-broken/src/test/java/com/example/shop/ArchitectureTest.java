package com.example.shop;

import dev.lockkit.junit.LockkitAnalyze;
import dev.lockkit.junit.LockkitProject;
import dev.lockkit.junit.LockkitRules;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The broken shop's architecture tests: each planted problem is one failing test. */
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

  /** Adopted with the cycle frozen: the store lists it, so only new cycles would fail. */
  @Test
  void noNewPackageCycles(LockkitProject project) {
    LockkitRules.noPackageCycles().frozen("src/test/resources/lockkit-frozen.txt").check(project);
  }
}
