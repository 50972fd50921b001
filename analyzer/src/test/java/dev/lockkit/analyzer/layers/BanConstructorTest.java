package dev.lockkit.analyzer.layers;

import static dev.lockkit.analyzer.testing.Projects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.api.AnalysisResult;
import dev.lockkit.analyzer.api.Analyzer;
import dev.lockkit.analyzer.finding.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BanConstructorTest {

  @TempDir Path dir;

  private AnalysisResult run(String rules, String... files) throws Exception {
    String[] all = new String[files.length + 2];
    System.arraycopy(files, 0, all, 0, files.length);
    all[files.length] = "rules.txt";
    all[files.length + 1] = rules;
    write(dir, all);
    return Analyzer.on(dir.resolve("src")).rules(dir.resolve("rules.txt")).displayBase(dir).run();
  }

  private static List<String> keys(AnalysisResult r) {
    return r.findings(BanRule.RULE).stream().map(Finding::key).sorted().toList();
  }

  @Test
  void newOfTheBannedTypeIsFlaggedAndItsFactoryMethodIsNot() throws Exception {
    AnalysisResult r =
        run(
            "ban java.lang.Integer#new\n",
            "src/app/Old.java",
            "package app;\nclass Old { Integer f() { return new Integer(1); } }\n",
            "src/app/Migrated.java",
            "package app;\nclass Migrated { Integer f() { Integer i = Integer.valueOf(1);"
                + " return i; } }\n");
    assertEquals(List.of("java.lang.Integer#new <- app.Old"), keys(r));
    Finding f = r.findings(BanRule.RULE).get(0);
    assertEquals(2, f.location().line());
    assertEquals(1, f.related().size());
  }

  @Test
  void constructorReferencesAnonymousSubclassesAndQualifiedNamesAreUses() throws Exception {
    AnalysisResult r =
        run(
            "ban lib.Box#new allow lib.**\n",
            "src/lib/Box.java",
            "package lib;\npublic class Box { public Box() {} public static Box of() {"
                + " return new Box(); } }\n",
            "src/app/Ref.java",
            "package app;\nimport lib.Box;\nclass Ref { java.util.function.Supplier<Box> s ="
                + " Box::new; }\n",
            "src/app/Anon.java",
            "package app;\nclass Anon { Object o = new lib.Box() {}; }\n",
            "src/app/Fine.java",
            "package app;\nimport lib.Box;\nclass Fine { Box b = Box.of(); Box[] a; }\n");
    assertEquals(List.of("lib.Box#new <- app.Anon", "lib.Box#new <- app.Ref"), keys(r));
  }

  @Test
  void constructorUsesAreNotDependencyEdgesOfTheirOwn() throws Exception {
    String[] files = {
      "src/lib/Box.java", "package lib;\npublic class Box {}\n",
      "src/app/Use.java", "package app;\nclass Use { Object o = new lib.Box(); }\n"
    };
    AnalysisResult without = run("", files);
    AnalysisResult with = run("ban lib.Box#new\n", files);
    assertEquals(1, without.graph().referenceCount());
    assertEquals(without.graph().referenceCount(), with.graph().referenceCount());
    assertEquals(List.of("lib.Box#new <- app.Use"), keys(with));
  }

  @Test
  void aConstructorCannotBeNamedAnyOtherWay() {
    RulesException bad =
        assertThrows(RulesException.class, () -> RulesFile.parse("ban a.B#<init>\n", "r.txt"));
    assertTrue(bad.getMessage().contains("or 'new' for the type's constructors"), bad.getMessage());
  }
}
