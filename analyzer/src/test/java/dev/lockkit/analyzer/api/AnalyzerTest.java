package dev.lockkit.analyzer.api;

import static dev.lockkit.analyzer.testing.Projects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.baseline.Baseline;
import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.report.Reporter;
import dev.lockkit.analyzer.source.SourceParser;
import dev.lockkit.analyzer.testing.Samples;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzerTest {

  @TempDir Path dir;

  @Test
  void mavenModulesThatDependOnEachOtherAreAModuleCycle() throws Exception {
    write(
        dir,
        "pom.xml",
        "<project/>",
        "one/pom.xml",
        "<project/>",
        "one/src/main/java/a/A.java",
        "package a; public class A { b.B b; }",
        "two/pom.xml",
        "<project/>",
        "two/src/main/java/b/B.java",
        "package b; public class B { }",
        "two/src/main/java/c/C.java",
        "package c; public class C { a.A a; }");
    AnalysisResult r = Analyzer.on(dir).displayBase(dir).run();
    List<Finding> modules = r.findings("cycle/module");
    assertEquals(1, modules.size(), r.findings().toString());
    assertEquals("one, two", modules.get(0).key());
    assertEquals("one/src/main/java/a/A.java", modules.get(0).location().path());
    // The packages themselves are acyclic: a -> b, c -> a.
    assertEquals(List.of(), r.findings("cycle/package"));
  }

  @Test
  void reportIsTheSameWhateverTheNumberOfParserThreads() throws Exception {
    Samples.writeProject(dir);
    String[] json = new String[2];
    int[] threads = {1, 4};
    for (int i = 0; i < 2; i++) {
      AnalysisResult r =
          Analyzer.on(dir.resolve("src"))
              .rules(dir.resolve("rules.txt"))
              .displayBase(dir)
              .parserOptions(new SourceParser.Options(threads[i], 1 << 20))
              .run();
      json[i] = Reporter.forFormat("json").render(r.report(Baseline.empty()));
    }
    assertEquals(json[0], json[1]);
    assertTrue(json[0].contains("\"cycle/package\""));
  }
}
