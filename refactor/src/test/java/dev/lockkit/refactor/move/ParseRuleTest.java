package dev.lockkit.refactor.move;

import static dev.lockkit.refactor.move.MoveTestSupport.move;
import static dev.lockkit.refactor.move.MoveTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What "does not parse" means for move: JavaParser's Java 17 grammar rejects the file. What the
 * grammar accepts and only a language-level validator (or javac) rejects is Java that javac judges:
 * the file is read, its references follow the move, and javac's check of the result counts only the
 * errors the move adds.
 */
class ParseRuleTest {

  @TempDir Path tmp;

  private static final String VALIDATOR_ONLY =
      "package b;\n\nimport a.T;\n\npublic class U {\n  public private int bad;\n\n"
          + "  int g() { return T.twice(1); }\n}\n";

  @Test
  void aFileOnlyAValidatorRejectsIsEditedAndJudgedByJavac() throws Exception {
    // The premise: JavaParser's validators reject the file, its grammar does not.
    assertFalse(
        new JavaParser(
                new ParserConfiguration()
                    .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17))
            .parse(VALIDATOR_ONLY)
            .isSuccessful());
    Path src = tmp.resolve("src");
    write(
        src,
        "a/T.java",
        "package a;\n\npublic final class T {\n  public static int twice(int x) { return 2 * x; }\n}\n");
    write(src, "b/U.java", VALIDATOR_ONLY);
    Files.writeString(tmp.resolve("p"), "move a.T#twice to a.V\n");
    MoveTestSupport.Run r =
        move("--plan", tmp.resolve("p").toString(), "--allow", "cycle/type", src.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertFalse((r.out() + r.err()).contains("does not parse"), r.out() + r.err());
    String u = Files.readString(src.resolve("b/U.java"));
    assertTrue(u.contains("return V.twice(1);"), u);
    assertTrue(u.contains("public private int bad;"), u);
  }

  @Test
  void aFileTheGrammarRejectsIsReportedAsNotParsing() throws Exception {
    Path src = tmp.resolve("src");
    write(
        src,
        "a/T.java",
        "package a;\n\npublic final class T {\n  public static int twice(int x) { return 2 * x; }\n}\n");
    write(src, "b/W.java", "package b;\n\nclass W {\n  int twice = ;\n}\n");
    Files.writeString(tmp.resolve("p"), "move a.T#twice to a.V\n");
    MoveTestSupport.Run r =
        move(
            "--dry-run",
            "--plan",
            tmp.resolve("p").toString(),
            "--allow",
            "cycle/type",
            src.toString());
    assertTrue(r.out().contains("W.java") && r.out().contains("does not parse"), r.out() + r.err());
  }

  private static final String T_SRC =
      "package a;\n\npublic final class T {\n  public static int twice(int x) { return 2 * x; }\n}\n";

  @Test
  void aFileThatDoesNotParseAndNamesTheMovedMemberRefusesTheMoveUnlessAllowed() throws Exception {
    Path src = tmp.resolve("src");
    write(src, "a/T.java", T_SRC);
    String broken = "package b;\n\nclass W {\n  int f() { return a.T.twice(1) +; }\n}\n";
    write(src, "b/W.java", broken);
    Files.writeString(tmp.resolve("p"), "move a.T#twice to a.V\n");
    MoveTestSupport.Run r =
        move("--plan", tmp.resolve("p").toString(), "--allow", "cycle/type", src.toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("move/unparsed-reference"), r.out());
    assertTrue(r.out().contains("W.java:4"), r.out());
    // The parser's own position of the problem, not just its message.
    assertTrue(r.out().contains("does not parse (line 4:"), r.out());
    assertEquals(T_SRC, Files.readString(src.resolve("a/T.java")));
    assertFalse(Files.exists(src.resolve("a/V.java")));

    MoveTestSupport.Run allowed =
        move(
            "--plan",
            tmp.resolve("p").toString(),
            "--allow",
            "cycle/type",
            "--allow",
            "move/unparsed-reference",
            src.toString());
    assertEquals(0, allowed.exit(), allowed.out() + allowed.err());
    assertTrue(Files.exists(src.resolve("a/V.java")));
    assertEquals(broken, Files.readString(src.resolve("b/W.java")));
  }

  @Test
  void aTreeWithAModuleDeclarationIsMovedAsClassPathCode() throws Exception {
    Path src = tmp.resolve("src");
    write(src, "module-info.java", "module m {\n  exports a;\n}\n");
    write(src, "a/T.java", T_SRC.replace("}\n}", "}\n  int u() { return twice(2); }\n}"));
    Files.writeString(tmp.resolve("p"), "move a.T#twice to a.V\n");
    MoveTestSupport.Run r =
        move("--plan", tmp.resolve("p").toString(), "--allow", "cycle/type", src.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(Files.readString(src.resolve("a/T.java")).contains("return V.twice(2);"));
    assertEquals(
        "module m {\n  exports a;\n}\n", Files.readString(src.resolve("module-info.java")));
  }
}
