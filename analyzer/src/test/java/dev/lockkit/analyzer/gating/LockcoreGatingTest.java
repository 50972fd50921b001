package dev.lockkit.analyzer.gating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.finding.Severity;
import dev.lockkit.analyzer.variants.VariantBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * lockcore, the project's own subject, must pass its gating check: no finding above info, every
 * variant of a pairwise sample compiles, and the reviewer's {@code lock_mm_and_find_vma} question
 * gets the reviewer's answer. The findings are printed (see the surefire report) for the record.
 */
class LockcoreGatingTest {
  private static final Path SOURCES = Path.of("../lockcore/src/main/java");
  private static final Path KCONFIG = Path.of("../lockcore/Kconfig");

  private static void requireLockcore() {
    assertTrue(
        Files.isDirectory(SOURCES) && Files.isRegularFile(KCONFIG),
        "lockcore sources or Kconfig not found next to the analyzer module");
  }

  @Test
  void lockcoreHasNoGatingFindingAboveInfoAndExplainsLockMmAndFindVma() throws Exception {
    requireLockcore();
    GatingAnalyzer.Result r = GatingAnalyzer.run(List.of(SOURCES), KCONFIG, true);
    r.plainFindings()
        .forEach(
            f ->
                System.out.println(
                    f.severity().label()
                        + " "
                        + f.rule()
                        + " "
                        + f.location()
                        + " "
                        + f.message()));
    List<Finding> serious =
        r.plainFindings().stream().filter(f -> f.severity() != Severity.INFO).toList();
    assertEquals(List.of(), serious);
    Finding answer =
        r.plainFindings().stream()
            .filter(
                f ->
                    f.rule().equals("gate/declared-not-defined")
                        && f.key().endsWith(".LockMmAndFindVma"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no explanation of lock_mm_and_find_vma"));
    assertEquals(Boolean.TRUE, answer.witness().get("MMU"));
    assertEquals(Boolean.FALSE, answer.witness().get("LOCK_MM_AND_FIND_VMA"));
    assertTrue(answer.message().contains("nothing uses it there"), answer.message());
  }

  @Test
  void everyVariantOfAPairwiseSampleCompiles() throws Exception {
    requireLockcore();
    var model = dev.lockkit.analyzer.kconfig.KconfigParser.parse(KCONFIG);
    VariantBuilder builder = new VariantBuilder(List.of(SOURCES));
    for (VariantBuilder.Result r : builder.buildAll(model.pairwiseSample())) {
      System.out.println((r.compiles() ? "ok   " : "FAIL ") + r.config());
      assertTrue(r.compiles(), r.config() + " " + r.errors());
    }
  }
}
