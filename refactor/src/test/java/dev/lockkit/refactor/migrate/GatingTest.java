package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.refactor.migrate.report.LeftSite;
import dev.lockkit.refactor.migrate.report.RuleReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rewrite never makes a site reference something absent where the site exists. */
class GatingTest {

  @TempDir Path root;

  @BeforeEach
  void tree() {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            import p.Api;
            class T {
              class Modernise {
                @BeforeTemplate void before(String s) { Api.legacy(s); }
                @AfterTemplate void after(String s) { Api.modern(s); }
              }
            }
            """,
            "src/p/IfConfig.java",
            "package p;\npublic @interface IfConfig {\n  String value();\n}\n",
            "src/p/Api.java",
            """
            package p;
            public final class Api {
              public static void legacy(String s) {}
              @IfConfig("MMU")
              public static void modern(String s) {}
              public static boolean isEnabled(String option) {
                return true;
              }
            }
            """,
            "src/p/Callers.java",
            """
            package p;
            class Callers {
              void everywhere(String s) {
                Api.legacy(s);
              }
              @IfConfig("MMU")
              void onlyWithMmu(String s) {
                Api.legacy(s);
              }
              void guarded(String s) {
                if (Api.isEnabled("MMU")) {
                  Api.legacy(s);
                } else {
                  Api.legacy(s);
                }
              }
            }
            """));
  }

  @Test
  void siteThatExistsWhereTheNewApiDoesNotIsLeftWithAWitness() throws Exception {
    Migration.Result r = TestTrees.runAndWrite(root);
    RuleReport rule = r.report().rules().get(0);
    assertEquals(
        List.of(8, 12), rule.rewritten().stream().map(s -> s.line()).toList(), r.report().toText());
    assertEquals(List.of(4, 14), rule.left().stream().map(LeftSite::line).toList());
    LeftSite s = rule.left().get(0);
    assertTrue(s.reason().startsWith("gating: the after template uses Api.modern()"), s.reason());
    assertEquals(new TreeMap<>(Map.of("MMU", false)), s.witness());
    String out = TestTrees.text(root, "src/p/Callers.java");
    assertTrue(out.contains("  void everywhere(String s) {\n    Api.legacy(s);"), out);
    assertTrue(out.contains("  void onlyWithMmu(String s) {\n    Api.modern(s);"), out);
  }

  @Test
  void featureModelWhereTheOptionIsAlwaysOnAllowsEveryRewrite() throws Exception {
    TestTrees.write(root, Map.of("Kconfig", "config MMU\n\tdef_bool y\n"));
    Migration.Result r =
        Migration.run(
            new MigrationRequest(
                root,
                root.resolve("T.java"),
                List.of(root.resolve("src")),
                List.of(),
                Optional.of(root.resolve("Kconfig")),
                "check"));
    RuleReport rule = r.report().rules().get(0);
    assertEquals(4, rule.rewritten().size(), r.report().toText());
    assertEquals(0, rule.left().size(), r.report().toText());
  }
}
