package dev.lockkit.analyzer.layers;

import static dev.lockkit.analyzer.testing.Projects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.api.AnalysisResult;
import dev.lockkit.analyzer.api.Analyzer;
import dev.lockkit.analyzer.finding.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BanRuleTest {

  @TempDir Path dir;

  private List<Finding> run(String rules) throws Exception {
    write(
        dir,
        "src/app/Main.java",
        "package app;\nclass Main { void f() { System.exit(1); } }\n",
        "src/lib/Worker.java",
        "package lib;\nimport static java.lang.System.exit;\nimport java.util.Vector;\n"
            + "class Worker { Vector<String> v; void f() { exit(2); java.lang.System.exit(3);"
            + " internal.Secret.KEY.length(); } }\n",
        "src/lib/Clean.java",
        "package lib;\nclass Clean { void f() { System.out.println(); } }\n",
        "src/internal/Secret.java",
        "package internal;\npublic class Secret { public static final String KEY = \"\"; }\n",
        "rules.txt",
        rules);
    AnalysisResult r =
        Analyzer.on(dir.resolve("src")).rules(dir.resolve("rules.txt")).displayBase(dir).run();
    return r.findings(BanRule.RULE);
  }

  @Test
  void bannedMethodIsReportedOutsideItsAllowedPlacesWhateverHowItIsNamed() throws Exception {
    List<Finding> f = run("ban java.lang.System#exit allow app.**\n");
    assertEquals(1, f.size(), f.toString());
    assertEquals("java.lang.System#exit <- lib.Worker", f.get(0).key());
    assertEquals(2, f.get(0).related().size(), "static import and fully qualified call");
    assertEquals(4, f.get(0).location().line());
    assertTrue(f.get(0).message().contains("banned by rules.txt:1; allowed only in app.**"));
  }

  @Test
  void bannedTypesMatchExternalAndProjectTypesByPattern() throws Exception {
    List<Finding> f = run("ban java.util.Vector\nban internal.**\n");
    assertEquals(
        List.of("internal.** <- lib.Worker", "java.util.Vector <- lib.Worker"),
        f.stream().map(Finding::key).sorted().toList());
  }

  @Test
  void memberOfAnotherTypeIsNotBanned() throws Exception {
    assertEquals(List.of(), run("ban java.lang.System#err\n"));
  }

  @Test
  void badBanLinesAreErrors() {
    RulesException bad =
        org.junit.jupiter.api.Assertions.assertThrows(
            RulesException.class, () -> RulesFile.parse("ban a.B#9x\n", "r.txt"));
    assertTrue(bad.getMessage().startsWith("r.txt:1:9: bad member '9x'"), bad.getMessage());
    RulesException noAllow =
        org.junit.jupiter.api.Assertions.assertThrows(
            RulesException.class, () -> RulesFile.parse("ban a.B allow\n", "r.txt"));
    assertTrue(noAllow.getMessage().contains("expected 'ban TYPE[#MEMBER]"), noAllow.getMessage());
  }
}
