package dev.lockkit.analyzer.source;

import static dev.lockkit.analyzer.testing.Projects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockkit.analyzer.finding.Finding;
import dev.lockkit.analyzer.graph.CodeGraph;
import dev.lockkit.analyzer.graph.Level;
import dev.lockkit.analyzer.testing.Projects;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a finding or a clear error, never a crash, and the rest is still analysed. */
class BadInputTest {

  @TempDir Path dir;

  private List<Finding> problems(List<FileFacts> files) {
    return GraphBuilder.inputFindings(files);
  }

  @Test
  void syntaxErrorIsAnInputParseFindingWithLineAndColumnAndTheRestIsAnalysed() throws Exception {
    write(
        dir,
        "p/Good.java",
        "package p; class Good { q.Other o; }",
        "q/Other.java",
        "package q; public class Other {}",
        "p/Bad.java",
        "package p;\nclass Bad {\n  void f() { int x = ; }\n}\n");
    List<FileFacts> files = Projects.parse(dir, dir);
    List<Finding> problems = problems(files);
    assertEquals(1, problems.size(), problems.toString());
    Finding f = problems.get(0);
    assertEquals("input/parse", f.rule());
    assertEquals("p/Bad.java", f.location().path());
    assertEquals(3, f.location().line());
    assertTrue(f.location().column() > 0, f.toString());
    CodeGraph g = Projects.graph(dir, dir);
    assertEquals(java.util.Set.of("p.Good -> q.Other"), Projects.edges(g, Level.TYPE));
  }

  @Test
  void nonUtf8BytesAreDecodedWithReplacementAndReportedAsAWarning() throws Exception {
    Path f = dir.resolve("p/Latin.java");
    Files.createDirectories(f.getParent());
    byte[] head = "package p;\n// caf".getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "\nclass Latin { q.Other o; }\n".getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    all[head.length] = (byte) 0xE9; // ISO-8859-1 e-acute: not UTF-8
    System.arraycopy(tail, 0, all, head.length + 1, tail.length);
    Files.write(f, all);
    write(dir, "q/Other.java", "package q; public class Other {}");
    List<Finding> problems = problems(Projects.parse(dir, dir));
    assertEquals(1, problems.size(), problems.toString());
    assertEquals("input/encoding", problems.get(0).rule());
    assertEquals(2, problems.get(0).location().line());
    assertEquals(7, problems.get(0).location().column());
    assertEquals(
        java.util.Set.of("p.Latin -> q.Other"),
        Projects.edges(Projects.graph(dir, dir), Level.TYPE));
  }

  @Test
  void a50MegabyteFileIsReportedAsTooLargeWithoutReadingIt() throws Exception {
    write(dir, "p/Small.java", "package p; class Small {}");
    Path big = dir.resolve("p/Huge.java");
    try (OutputStream out = Files.newOutputStream(big)) {
      byte[] line =
          "// padding padding padding padding padding padding padding padding\n"
              .getBytes(StandardCharsets.US_ASCII);
      for (long written = 0; written < 50L << 20; written += line.length) {
        out.write(line);
      }
    }
    List<Finding> problems = problems(Projects.parse(dir, dir));
    assertEquals(1, problems.size());
    assertEquals("input/too-large", problems.get(0).rule());
    assertEquals("p/Huge.java", problems.get(0).location().path());
  }

  @Test
  void tenThousandNestedParenthesesDoNotCrash() throws Exception {
    String deep = "(".repeat(10_000) + "1" + ")".repeat(10_000);
    write(
        dir,
        "p/Deep.java",
        "package p; class Deep { int x = " + deep + "; q.Other o; }",
        "p/Fine.java",
        "package p; class Fine { q.Other o; }",
        "q/Other.java",
        "package q; public class Other {}");
    List<FileFacts> files = Projects.parse(dir, dir);
    List<Finding> problems = problems(files);
    // Either the parser copes (then the edge is there) or the file is one input/parse finding.
    CodeGraph g = Projects.graph(dir, dir);
    assertTrue(Projects.edges(g, Level.TYPE).contains("p.Fine -> q.Other"));
    if (!problems.isEmpty()) {
      assertEquals(1, problems.size());
      assertEquals("input/parse", problems.get(0).rule());
      assertEquals("p/Deep.java", problems.get(0).location().path());
    } else {
      assertTrue(Projects.edges(g, Level.TYPE).contains("p.Deep -> q.Other"));
    }
  }

  @Test
  void emptyDirectoryIsAnInputError() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    InputException e = assertThrows(InputException.class, () -> InputScanner.scan(List.of(empty)));
    assertTrue(e.getMessage().contains("no .java files"), e.getMessage());
  }

  @Test
  void missingPathIsAnInputError() {
    Path missing = dir.resolve("nope");
    InputException e =
        assertThrows(InputException.class, () -> InputScanner.scan(List.of(missing)));
    assertTrue(e.getMessage().contains("no such file or directory"), e.getMessage());
  }

  @Test
  void mavenModulesAreFoundBelowACheckoutAndNamedByDirectory() throws Exception {
    write(
        dir,
        "pom.xml",
        "<project/>",
        "core/pom.xml",
        "<project/>",
        "core/src/main/java/c/A.java",
        "package c; public class A {}",
        "app/pom.xml",
        "<project/>",
        "app/src/main/java/d/B.java",
        "package d; class B { c.A a; }");
    List<SourceRoot> roots = InputScanner.scan(List.of(dir));
    assertEquals(List.of("app", "core"), roots.stream().map(SourceRoot::module).toList());
    CodeGraph g = Projects.graph(dir, dir);
    assertEquals(java.util.Set.of("app -> core"), Projects.edges(g, Level.MODULE));
    assertFalse(Projects.edges(g, Level.MODULE).contains("core -> app"));
  }
}
