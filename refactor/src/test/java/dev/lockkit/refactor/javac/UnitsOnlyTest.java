package dev.lockkit.refactor.javac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitsOnlyTest {

  @TempDir Path tmp;

  /** The build gives the tests the exports the CLI jar's manifest gives lockkit. */
  @Test
  void theTestsRunWithJavacsInternalsExportedAsTheCliDoes() {
    assertTrue(UnitsOnly.available(), "surefire's argLine lacks the --add-exports of the CLI jar");
  }

  /**
   * A file javac reads from the source path to complete a type is not attributed: its own error
   * (here in a field initializer, which declarations keep) is not javac's business in this task,
   * and it must not switch off javac's flow analysis of the units either, whose errors (a missing
   * return) are then reported.
   */
  @Test
  void aSourcePathFileIsNotAttributedAndTheUnitsAreFlowAnalysed() throws Exception {
    Path src = tmp.resolve("src");
    Files.createDirectories(src.resolve("p"));
    Files.writeString(
        src.resolve("p/B.java"),
        "package p;\n\npublic class B {\n  public static int x = undefined();\n"
            + "  public static int y() { return 1; }\n}\n");
    Path a = src.resolve("p/A.java");
    String text =
        "package p;\n\nclass A {\n  int f(boolean c) {\n    if (c) return B.y();\n  }\n}\n";
    Files.writeString(a, text);
    List<Attribution.Problem> problems =
        Attribution.problems(
            List.of(new Attribution.Unit(a, text)), List.of(src), List.of(), Set.of());
    assertEquals(
        List.of(new Attribution.Problem(a, 6, "missing return statement")),
        problems,
        "" + problems);
  }
}
