package dev.lockkit.analyzer.gating;

import static dev.lockkit.analyzer.testing.Projects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.cli.AnalyzeCommand;
import dev.lockkit.analyzer.gating.members.CodeModel;
import dev.lockkit.analyzer.gating.members.MemberExtractor;
import dev.lockkit.analyzer.pc.Guards;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Guards are recognised by fully qualified name and receiver type, never by a simple name. */
class GuardRecognitionTest {
  @TempDir Path dir;

  private static final String KCONFIG = "config MMU\n\tbool \"MMU\"\n\tdefault y\n";

  private int analyze(StringWriter out, String... args) {
    CommandLine cl = new CommandLine(new AnalyzeCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(out));
    return cl.execute(args);
  }

  @Test
  void log4jStyleIsEnabledOnALoggerIsOrdinaryCodeNotAGuard() throws Exception {
    Path kconfig = Files.writeString(dir.resolve("Kconfig"), KCONFIG);
    write(
        dir,
        "src/app/Service.java",
        String.join(
            "\n",
            "package app;",
            "import org.apache.logging.log4j.Level;",
            "import org.apache.logging.log4j.Logger;",
            "public class Service {",
            "  private final Logger log;",
            "  Service(Logger log) { this.log = log; }",
            "  void run() {",
            "    if (log.isEnabled(Level.DEBUG)) {",
            "      log.debug(\"running\");",
            "    }",
            "  }",
            "}"));
    StringWriter out = new StringWriter();
    int exit =
        analyze(
            out,
            "--kconfig",
            kconfig.toString(),
            "--format",
            "json",
            dir.resolve("src").toString());
    assertEquals(0, exit, out.toString());
    // Only the Kconfig's own note that no code uses MMU: nothing about DEBUG, nothing unresolved.
    assertTrue(out.toString().contains("\"findings\": 1,"), out.toString());
    assertTrue(out.toString().contains("Kconfig symbol MMU is not used"), out.toString());
    assertTrue(!out.toString().contains("DEBUG"), out.toString());
    assertTrue(out.toString().contains("\"complete\": true"), out.toString());
  }

  @Test
  void lockcoreGuardIsRecognisedThroughItsImportWhenLockcoreIsNotAmongTheSources()
      throws Exception {
    write(
        dir,
        "src/app/Uses.java",
        String.join(
            "\n",
            "package app;",
            "import dev.lockkit.lockcore.config.Config;",
            "import dev.lockkit.lockcore.config.Option;",
            "public class Uses {",
            "  void f(Config config) {",
            "    if (config.isEnabled(Option.MMU)) { g(); }",
            "  }",
            "  void g() {}",
            "}"));
    CodeModel m = MemberExtractor.extract(List.of(dir.resolve("src")), dir, Guards.defaults());
    assertEquals(1, m.sites().size(), m.sites().toString());
    assertEquals(List.of(), m.unresolved());
  }

  @Test
  void aGuardOnAParameterInsideASwitchExpressionArmIsRecognised() throws Exception {
    // JavaParser's solver cannot resolve names inside switch-expression arms; Java's scoping,
    // read off the tree, still finds the parameter and its declared type.
    write(
        dir,
        "src/app/Uses.java",
        String.join(
            "\n",
            "package app;",
            "import dev.lockkit.lockcore.config.Config;",
            "import dev.lockkit.lockcore.config.Option;",
            "public class Uses {",
            "  enum Kind { A, B }",
            "  static boolean f(Config config, Kind kind) {",
            "    int local = 1;",
            "    return switch (kind) {",
            "      case A -> config.isEnabled(Option.MMU);",
            "      case B -> !config.isEnabled(Option.SMP) && local > 0;",
            "    };",
            "  }",
            "}"));
    CodeModel m = MemberExtractor.extract(List.of(dir.resolve("src")), dir, Guards.defaults());
    assertEquals(List.of(), m.unresolved());
    assertEquals(
        List.of("MMU", "SMP"),
        m.symbolUses().stream().map(CodeModel.SymbolUse::symbol).sorted().toList());
  }

  @Test
  void anAnnotationWithTheRightSimpleNameButAnotherPackageIsNotACondition() throws Exception {
    write(
        dir,
        "src/other/IfConfig.java",
        "package other; public @interface IfConfig { String value(); }",
        "src/mine/IfConfig.java",
        "package mine; public @interface IfConfig { String value(); }",
        "src/app/A.java",
        String.join(
            "\n",
            "package app;",
            "import other.IfConfig;",
            "public class A {",
            "  @IfConfig(\"NOPE\") void f() {}",
            "  @mine.IfConfig(\"MMU\") void g() {}",
            "}"));
    CodeModel m =
        MemberExtractor.extract(
            List.of(dir.resolve("src")), dir, Guards.of(List.of("mine.IfConfig"), List.of()));
    assertEquals(List.of("MMU"), m.symbolUses().stream().map(CodeModel.SymbolUse::symbol).toList());
  }

  @Test
  void aUsersGuardMethodDeclaredInTheRulesFileGatesItsBranch() throws Exception {
    Path kconfig = Files.writeString(dir.resolve("Kconfig"), KCONFIG);
    Path rules =
        Files.writeString(
            dir.resolve("rules.txt"),
            "condition-annotation cfg.When\nguard-method cfg.Features#on\n");
    write(
        dir,
        "src/cfg/When.java",
        "package cfg; public @interface When { String value(); }",
        "src/cfg/Features.java",
        "package cfg; public class Features { public boolean on(String o) { return true; } }",
        "src/app/A.java",
        String.join(
            "\n",
            "package app;",
            "import cfg.Features;",
            "import cfg.When;",
            "public class A {",
            "  @When(\"MMU\") static void mmuOnly() {}",
            "  void f(Features features) {",
            "    if (features.on(\"MMU\")) { mmuOnly(); }",
            "  }",
            "  void g() { mmuOnly(); }",
            "}"));
    StringWriter out = new StringWriter();
    int exit =
        analyze(
            out,
            "--kconfig",
            kconfig.toString(),
            "--rules",
            rules.toString(),
            dir.resolve("src").toString());
    assertEquals(1, exit, out.toString());
    // Only g's call is unguarded; f's call sits under the declared guard.
    List<String> lines =
        out.toString().lines().filter(l -> l.contains("[gate/unguarded-reference]")).toList();
    assertEquals(1, lines.size(), out.toString());
    assertTrue(lines.get(0).contains("A.java:9:"), lines.get(0));
  }

  @Test
  void aGuardLikeCallWhoseReceiverTypeIsUnknownIsCountedAndMakesTheRunIncomplete()
      throws Exception {
    Path kconfig = Files.writeString(dir.resolve("Kconfig"), KCONFIG);
    write(
        dir,
        "src/app/A.java",
        String.join(
            "\n",
            "package app;",
            "public class A {",
            "  void f() {",
            "    if (unknown().isEnabled(Opt.MMU)) { }",
            "  }",
            "}"));
    StringWriter out = new StringWriter();
    int exit =
        analyze(
            out,
            "--fail-on",
            "warning",
            "--kconfig",
            kconfig.toString(),
            dir.resolve("src").toString());
    assertEquals(1, exit, out.toString());
    // Taken as the guard its name says, and said so: a warning, and an incomplete run.
    assertTrue(out.toString().contains("warning: [input/unresolved]"), out.toString());
    assertTrue(out.toString().contains("taken as the guard method of that name"), out.toString());
    assertTrue(
        out.toString().contains("INCOMPLETE: 1 reference could not be resolved"), out.toString());
  }

  @Test
  void typeNamesAreQualifiedInJavasLookupOrder() {
    // Guards.qualify follows Java's order: single-type import, package, on-demand import.
    assertEquals(
        "a.X", Guards.qualify("X", "p", List.of("a.X"), List.of("b"), n -> n.equals("b.X")));
    assertEquals("p.X", Guards.qualify("X", "p", List.of(), List.of("b"), n -> n.equals("p.X")));
    assertEquals("b.X", Guards.qualify("X", "p", List.of(), List.of("b"), n -> n.equals("b.X")));
    assertEquals("q.X", Guards.qualify("q.X", "p", List.of(), List.of(), n -> false));
  }
}
