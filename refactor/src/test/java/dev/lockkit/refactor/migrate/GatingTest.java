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

  /**
   * The {@code @IfConfig} of a constructor an after template calls is read from javac's element of
   * that constructor: the symbol solver's answer for {@code new Modern(s)} was the type, whose
   * declaration carries no condition, so the site in code without MMU was rewritten.
   */
  @Test
  void anAfterTemplatesConstructorCarriesItsIfConfig() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            import p.Modern;
            class T {
              class Construct {
                @BeforeTemplate Object before(String s) { return new StringBuilder(s); }
                @AfterTemplate Object after(String s) { return new Modern(s); }
              }
            }
            """,
            "src/p/Modern.java",
            """
            package p;
            public final class Modern {
              @IfConfig("MMU")
              public Modern(String s) {}
            }
            """,
            "src/p/Callers.java",
            """
            package p;
            class Callers {
              Object everywhere(String s) {
                return new StringBuilder(s);
              }
              @IfConfig("MMU")
              Object onlyWithMmu(String s) {
                return new StringBuilder(s);
              }
            }
            """));
    Migration.Result r = TestTrees.runAndWrite(root);
    RuleReport rule = r.report().rules().get(0);
    assertEquals(List.of(8), rule.rewritten().stream().map(s -> s.line()).toList());
    assertEquals(List.of(4), rule.left().stream().map(LeftSite::line).toList());
    assertTrue(
        rule.left().get(0).reason().startsWith("gating: the after template uses"),
        rule.left().get(0).reason());
  }

  /**
   * An {@code @IfConfig} whose annotation type javac cannot resolve is still read, from javac's
   * tree of the declaration as written (javac drops such an annotation from the element's mirrors),
   * as the analyzer reads annotations by simple name.
   */
  @Test
  void anAfterTemplatesIfConfigGatesAlsoWhenItsTypeDoesNotResolve() throws Exception {
    TestTrees.write(
        root,
        Map.of(
            "src/p/Api.java",
            """
            package p;
            public final class Api {
              public static void legacy(String s) {}
              @q.IfConfig("MMU")
              public static void modern(String s) {}
              public static boolean isEnabled(String option) {
                return true;
              }
            }
            """));
    Migration.Result r = TestTrees.runAndWrite(root);
    RuleReport rule = r.report().rules().get(0);
    assertEquals(
        List.of(8, 12), rule.rewritten().stream().map(s -> s.line()).toList(), r.report().toText());
    assertEquals(List.of(4, 14), rule.left().stream().map(LeftSite::line).toList());
  }

  /**
   * A declaration known only from a class file carries its {@code @IfConfig} too, read through
   * javac's annotation mirrors: it was taken as unconditional when the symbol solver read
   * conditions from source only.
   */
  @Test
  void anIfConfigOfAClassFileDeclarationGates() throws Exception {
    Path lib = root.resolve("lib-src");
    TestTrees.write(
        lib,
        Map.of(
            "q/IfConfig.java",
            "package q;\npublic @interface IfConfig {\n  String value();\n}\n",
            "q/Lib.java",
            """
            package q;
            public final class Lib {
              public static void legacy(String s) {}
              @IfConfig("MMU")
              public static void modern(String s) {}
            }
            """));
    Path classes = java.nio.file.Files.createDirectories(root.resolve("lib-classes"));
    javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
    assertEquals(
        0,
        javac.run(
            null,
            null,
            null,
            "-d",
            classes.toString(),
            lib.resolve("q/IfConfig.java").toString(),
            lib.resolve("q/Lib.java").toString()));
    TestTrees.write(
        root,
        Map.of(
            "T.java",
            """
            import q.Lib;
            class T {
              class Modernise {
                @BeforeTemplate void before(String s) { Lib.legacy(s); }
                @AfterTemplate void after(String s) { Lib.modern(s); }
              }
            }
            """,
            "src/p/Callers.java",
            """
            package p;
            import q.Lib;
            class Callers {
              void everywhere(String s) {
                Lib.legacy(s);
              }
              @IfConfig("MMU")
              void onlyWithMmu(String s) {
                Lib.legacy(s);
              }
              void guarded(String s) {
                Lib.legacy(s);
              }
            }
            """));
    Migration.Result r =
        Migration.run(
            new MigrationRequest(
                root,
                root.resolve("T.java"),
                List.of(root.resolve("src")),
                List.of(classes),
                Optional.empty(),
                "check"));
    RuleReport rule = r.report().rules().get(0);
    assertEquals(
        List.of(9), rule.rewritten().stream().map(s -> s.line()).toList(), r.report().toText());
    assertEquals(List.of(5, 12), rule.left().stream().map(LeftSite::line).toList());
  }
}
