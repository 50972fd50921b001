package dev.lockkit.refactor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --verify} reruns the analysis on the rewritten tree: a cycle or a layer violation the
 * rewrite adds fails the run before anything is written; one the tree already had does not.
 */
class VerifyAnalysisTest {

  @TempDir Path root;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Calls of {@code a.Old.v} become calls of {@code b.New.v}; {@code b} already uses {@code a}. */
  private static final Map<String, String> TREE =
      Map.of(
          "T.java",
          """
          import a.Old;
          import b.New;
          class T {
            class ToNew {
              @BeforeTemplate int before(int x) { return Old.v(x); }
              @AfterTemplate int after(int x) { return New.v(x); }
            }
          }
          """,
          "src/a/Old.java",
          "package a;\npublic class Old {\n  public static int v(int x) { return x; }\n}\n",
          "src/a/Limits.java",
          "package a;\npublic class Limits {\n  public static final int MAX = 9;\n}\n",
          "src/b/New.java",
          "package b;\n"
              + "public class New {\n"
              + "  public static int v(int x) { return Math.min(x, a.Limits.MAX); }\n"
              + "}\n",
          "src/a/User.java",
          "package a;\nclass User {\n  int f() {\n    return Old.v(1);\n  }\n}\n");

  private int run(String... args) {
    List<String> all = new ArrayList<>(List.of("--templates", root.resolve("T.java").toString()));
    all.addAll(List.of(args));
    all.add(root.resolve("src").toString());
    CommandLine cl = new CommandLine(new MigrateCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(all.toArray(String[]::new));
  }

  private String user() {
    return TestTrees.text(root, "src/a/User.java");
  }

  @Test
  void aPackageCycleTheRewriteAddsFailsTheRunAndNothingIsWritten() {
    TestTrees.write(root, TREE);
    assertEquals(3, run("--verify"), err.toString());
    assertTrue(err.toString().contains("cycle/package"), err.toString());
    // Named by the user's file, not by the temporary copy the check analysed.
    assertTrue(
        err.toString().contains("src/a/User.java:6 (after the rewrite): error cycle/package"),
        err.toString());
    assertFalse(err.toString().contains("lockkit-verify"), err.toString());
    assertTrue(err.toString().contains("1 new cycle or layer finding(s); nothing written"));
    assertEquals(TREE.get("src/a/User.java"), user());
    // The report does not say "rewritten" of a run that wrote nothing.
    assertTrue(out.toString().contains("(verify-failed)"), out.toString());
    assertTrue(out.toString().contains("1 site(s) to rewrite"), out.toString());
    assertFalse(out.toString().contains("site(s) rewritten"), out.toString());
  }

  @Test
  void allowAcceptsTheNewCycleAndTheRewriteIsWritten() {
    TestTrees.write(root, TREE);
    assertEquals(0, run("--verify", "--allow", "cycle/package"), err.toString());
    assertTrue(user().contains("return New.v(1);"), user());
  }

  @Test
  void aCycleTheTreeAlreadyHadIsNotTheRewritesFault() {
    TestTrees.write(root, TREE);
    TestTrees.write(
        root,
        Map.of(
            "src/a/Already.java",
            "package a;\nclass Already {\n  int g() {\n    return b.New.v(2);\n  }\n}\n"));
    assertEquals(0, run("--verify"), err.toString());
    assertTrue(err.toString().contains("0 new cycle or layer finding(s)"), err.toString());
    assertTrue(user().contains("return New.v(1);"), user());
  }

  @Test
  void aLayerViolationTheRewriteAddsFailsTheRunWithTheRulesFile() {
    TestTrees.write(root, TREE);
    // b no longer uses a: no cycle, only the order of the layers is broken.
    TestTrees.write(
        root,
        Map.of(
            "src/b/New.java",
            "package b;\npublic class New {\n  public static int v(int x) { return x; }\n}\n",
            "rules.txt",
            "version 1\nlayer lo a.**\nlayer hi b.**\norder lo hi\n"));
    assertEquals(3, run("--verify", "--rules", root.resolve("rules.txt").toString()));
    assertTrue(err.toString().contains("layer/"), err.toString());
    assertEquals(TREE.get("src/a/User.java"), user());
    assertEquals(0, run("--verify"), err.toString());
    assertTrue(user().contains("return New.v(1);"), user());
  }

  @Test
  void rulesWithoutVerifyIsAUsageError() {
    TestTrees.write(root, TREE);
    assertEquals(2, run("--rules", root.resolve("rules.txt").toString()));
    assertTrue(err.toString().contains("add --verify"), err.toString());
    assertFalse(user().contains("New.v"), user());
  }
}
