package dev.lockkit.analyzer.layers;

import static dev.lockkit.analyzer.testing.Projects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.graph.CodeGraph;
import dev.lockkit.analyzer.testing.Projects;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerRuleTest {

  @TempDir Path dir;

  @Test
  void lowerLayerUsingAHigherOneIsForbiddenButTheOtherWayIsFine() throws Exception {
    write(
        dir,
        "src/k/config/C.java",
        "package k.config; public class C { k.mm.M m; }",
        "src/k/mm/M.java",
        "package k.mm; public class M { k.config.C c; k.config.C c2; }");
    CodeGraph g = Projects.graph(dir, dir.resolve("src"));
    RulesFile rules =
        RulesFile.parse("layer config k.config\nlayer mm k.mm.**\norder config mm\n", "rules.txt");
    List<Finding> f = LayerRule.check(g, rules);
    assertEquals(1, f.size(), f.toString());
    assertEquals("package k.config -> k.mm", f.get(0).key());
    assertEquals("src/k/config/C.java", f.get(0).location().path());
    assertEquals(1, f.get(0).location().line());
  }

  @Test
  void forbidModuleReportsModuleEdgesWithEveryReference() throws Exception {
    write(
        dir,
        "core/pom.xml",
        "<project/>",
        "core/src/main/java/c/A.java",
        "package c; public class A { d.B b; }",
        "app/pom.xml",
        "<project/>",
        "app/src/main/java/d/B.java",
        "package d; public class B {}");
    CodeGraph g = Projects.graph(dir, dir);
    RulesFile rules = RulesFile.parse("forbid-module core -> *\n", "rules.txt");
    List<Finding> f = LayerRule.check(g, rules);
    assertEquals(1, f.size(), f.toString());
    assertEquals("module core -> app", f.get(0).key());
    assertEquals(List.of(f.get(0).location()), f.get(0).related());
  }
}
