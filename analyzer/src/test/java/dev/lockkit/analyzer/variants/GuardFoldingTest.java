package dev.lockkit.analyzer.variants;

import static dev.lockkit.analyzer.testing.Projects.write;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.pc.Guards;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The variant builder folds exactly the guards the gating analysis recognises, no others. */
class GuardFoldingTest {
  @TempDir Path dir;

  @Test
  void aLoggersIsEnabledIsKeptWhileADeclaredGuardIsFolded() {
    write(
        dir,
        "src/cfg/Features.java",
        "package cfg; public class Features { public boolean isEnabled(String o) { return true; } }",
        "src/app/A.java",
        String.join(
            "\n",
            "package app;",
            "import org.apache.logging.log4j.Level;",
            "import org.apache.logging.log4j.Logger;",
            "public class A {",
            "  Logger log;",
            "  cfg.Features features;",
            "  void f() {",
            "    if (log.isEnabled(Level.DEBUG)) { log.debug(\"x\"); }",
            "    if (features.isEnabled(\"MMU\")) { log.info(\"mmu\"); }",
            "  }",
            "}"));
    VariantBuilder b =
        new VariantBuilder(List.of(dir.resolve("src")))
            .guards(Guards.of(List.of(), List.of("cfg.Features#isEnabled")));
    String a = b.materialise(Map.of("MMU", false, "DEBUG", false)).get("app/A.java");
    assertTrue(a.contains("if (log.isEnabled(") && a.contains("Level.DEBUG)"), a);
    assertTrue(a.contains("log.debug("), a);
    assertFalse(a.contains("features.isEnabled"), a);
    assertFalse(a.contains("\"mmu\""), a);
  }
}
